using System.Diagnostics;

namespace Tariffscope.Tests.Impact;

/// <summary>Runs the built `tariffscope` in its own process, so that its console output is its own.</summary>
internal static class CliRun
{
    public sealed record Outcome(int ExitCode, string Out, string Err);

    public static Outcome Run(string workingDirectory, params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        var start = new ProcessStartInfo(string.IsNullOrEmpty(host) ? "dotnet" : host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tariffscope.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("TARIFFSCOPE_DATA_DIR");
        start.Environment["XDG_DATA_HOME"] = Path.Combine(Path.GetTempPath(), "tariffscope-empty-home");
        start.Environment["COLUMNS"] = "160";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000)) { process.Kill(true); throw new TimeoutException("tariffscope did not finish in 60 s"); }
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A fresh folder for one test's files.</summary>
    public static string TempFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tariffscope-impact-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
