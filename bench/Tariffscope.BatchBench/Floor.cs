using System.Diagnostics;
using nietras.SeparatedValues;

namespace Tariffscope.BatchBench;

/// <summary>The floor: read every line of the file with Sep and write it back out, with nothing in between.</summary>
internal static class Floor
{
    public static int Run(Args a)
    {
        var watch = Stopwatch.StartNew();
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(a.Required("in"));
        using var writer = reader.Spec.Writer(o => o with { Escape = true }).ToFile(a.Required("out"));
        long n = 0;
        foreach (var row in reader)
        {
            using var w = writer.NewRow(row);
            n++;
        }
        writer.Flush();
        Peak.Report("floor", n, watch.Elapsed);
        return 0;
    }
}
