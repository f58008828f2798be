using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tariffscope.Server.Tests;

/// <summary>
/// A throwaway PostgreSQL server from the distribution's package (initdb and pg_ctl in a temporary folder, on a
/// free loopback port, trust authentication). PostgreSQL refuses to run as root, so as root it runs as the
/// unprivileged user "nobody". <see cref="Start"/> returns null with the reason when no server can be started.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _dir, _bin;
    private readonly bool _asNobody;
    public string Url { get; }

    private PostgresServer(string dir, string bin, bool asNobody, int port)
    {
        _dir = dir; _bin = bin; _asNobody = asNobody;
        Url = $"postgres://postgres@127.0.0.1:{port}/postgres";
    }

    public static PostgresServer? Start(out string why)
    {
        var bin = new[] { "/usr/lib/postgresql" }.Where(Directory.Exists)
            .SelectMany(d => Directory.GetDirectories(d)).OrderByDescending(d => d).Select(d => Path.Combine(d, "bin"))
            .FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")));
        if (bin is null) { why = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); .ci/run installs it"; return null; }
        bool root = Environment.UserName == "root";
        var dir = Path.Combine(Path.GetTempPath(), "tariffscope-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        if (root && Run("chown", $"nobody {dir}", out var o) != 0) { why = "cannot give the data folder to nobody: " + o; return null; }
        var port = FreePort();
        var server = new PostgresServer(dir, bin, root, port);
        if (server.Pg("initdb", $"-D {dir}/data -U postgres --auth=trust -E UTF8 --no-sync", out var log) != 0)
        { why = "initdb failed: " + log; server.Dispose(); return null; }
        if (server.Pg("pg_ctl", $"-D {dir}/data -l {dir}/log -w -t 60 -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off\" start", out log) != 0)
        { why = "pg_ctl start failed: " + log + (File.Exists($"{dir}/log") ? File.ReadAllText($"{dir}/log") : ""); server.Dispose(); return null; }
        why = "";
        return server;
    }

    /// <summary>A fresh, empty database on this server, as a postgres:// URL.</summary>
    public string NewDatabase()
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..10];
        if (Pg("psql", $"-h 127.0.0.1 -p {new Uri(Url).Port} -U postgres -c \"CREATE DATABASE {name}\"", out var log) != 0)
            throw new InvalidOperationException("CREATE DATABASE failed: " + log);
        return $"postgres://postgres@127.0.0.1:{new Uri(Url).Port}/{name}";
    }

    private int Pg(string tool, string args, out string output)
    {
        var exe = tool == "psql" && !File.Exists(Path.Combine(_bin, tool)) ? "psql" : Path.Combine(_bin, tool);
        return _asNobody ? Run("runuser", $"-u nobody -- {exe} {args}", out output) : Run(exe, args, out output);
    }

    private static int Run(string file, string args, out string output)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        try
        {
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEndAsync();
            var std = p.StandardOutput.ReadToEnd();
            p.WaitForExit(120_000);
            output = std + err.Result;
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e) { output = e.Message; return -1; }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        Pg("pg_ctl", $"-D {_dir}/data -m immediate -w stop", out _);
        try { Directory.Delete(_dir, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}

/// <summary>One PostgreSQL server for the tests that need one (started once, stopped at the end).</summary>
public sealed class PostgresFixture : IDisposable
{
    public PostgresServer? Server { get; }
    public string Why { get; }
    public PostgresFixture() { Server = PostgresServer.Start(out var why); Why = why; }
    public void Dispose() => Server?.Dispose();
}
