using System.Diagnostics;
using Spectre.Console.Cli.Testing;
using Tariffscope.Cli;

namespace Tariffscope.Tests;

/// <summary>Runs `tariffscope` in-process (a test console) or as a real process (to see stderr and exit codes).</summary>
internal static class Cli
{
    // An empty data home for every test: the built-in data answers unless a test passes --data-dir, whatever the
    // machine's own ~/.local/share/tariffscope or $TARIFFSCOPE_DATA_DIR hold.
    private static readonly string EmptyHome = Directory.CreateTempSubdirectory("tariffscope-home-").FullName;

    static Cli()
    {
        Environment.SetEnvironmentVariable("TARIFFSCOPE_DATA_DIR", null);
        Environment.SetEnvironmentVariable("XDG_DATA_HOME", EmptyHome);
    }

    public static CommandAppResult Run(params string[] args)
    {
        var app = new CommandAppTester();
        app.Console.Profile.Width = 200;
        app.Configure(CommandRegistry.Configure);
        return app.Run(args);
    }

    public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);

    /// <summary>The built `tariffscope` as a child process with a clean environment.</summary>
    public static ProcessResult Process(params string[] args) => ProcessIn(Environment.CurrentDirectory, args);

    /// <summary>The same, started in <paramref name="workingDirectory"/> (for relative file arguments).</summary>
    public static ProcessResult ProcessIn(string workingDirectory, params string[] args) => ProcessWith(workingDirectory, null, args);

    /// <summary>The same, with environment variables set (a null value removes the variable).</summary>
    public static ProcessResult ProcessWith(string workingDirectory, IReadOnlyDictionary<string, string?>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        psi.ArgumentList.Add(typeof(CommandRegistry).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("TARIFFSCOPE_DATA_DIR");
        psi.Environment["XDG_DATA_HOME"] = EmptyHome;
        psi.Environment["COLUMNS"] = "200";
        psi.Environment["NO_COLOR"] = "1";
        foreach (var (k, v) in env ?? new Dictionary<string, string?>())
            if (v is null) psi.Environment.Remove(k); else psi.Environment[k] = v;
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000)) { p.Kill(entireProcessTree: true); throw new TimeoutException("tariffscope did not finish in 60 s"); }
        return new ProcessResult(p.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A fresh folder under the system temp folder, deleted afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tariffscope-cli-" + Guid.NewGuid().ToString("N"));
    public TempDir() => Directory.CreateDirectory(Path);
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
}
