using System.Diagnostics;

namespace Tariffscope.BatchBench;

/// <summary>One line of timing for the run script to collect: what, lines, seconds, lines/s, peak working set.</summary>
internal static class Peak
{
    public static void Report(string what, long lines, TimeSpan elapsed)
    {
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        Console.WriteLine($"RESULT {what} lines={lines} seconds={elapsed.TotalSeconds:0.000} lines_per_s={lines / Math.Max(elapsed.TotalSeconds, 1e-9):0} peak_ws_mb={p.PeakWorkingSet64 / 1048576.0:0}");
    }
}
