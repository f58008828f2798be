using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Server;

namespace Tariffscope.Cli.Serve;

public sealed class ServeSettings : DataSettings
{
    [CommandOption("--urls <URLS>")]
    [Description("Where to listen, ';'-separated (default http://127.0.0.1:5080; port 0 picks a free port)")]
    public string Urls { get; set; } = ServerOptions.DefaultUrls;

    [CommandOption("--api-key <KEY>")]
    [Description("Key that uploads must send in X-Api-Key. Visible to every user of this machine (ps): prefer $TARIFFSCOPE_API_KEY or --api-key-file. Without any, uploads are off")]
    public string? ApiKey { get; set; }

    [CommandOption("--api-key-file <FILE>")]
    [Description("Read the API key from the first line of FILE (kept out of the process list)")]
    public string? ApiKeyFile { get; set; }

    [CommandOption("--store <STORE>")]
    [Description("Where uploads, watchlists, subscriptions and batch jobs are kept: postgres://user:pass@host:port/db, or a SQLite file (default: state/tariffscope.db in the data directory)")]
    public string? Store { get; set; }

    [CommandOption("--log-level <LEVEL>")]
    [Description("Least severe log entry written: trace, debug, information (default; one line per request), warning, error, critical, none")]
    public string LogLevel { get; set; } = "information";

    public static Microsoft.Extensions.Logging.LogLevel? ParseLevel(string s) =>
        Enum.TryParse<Microsoft.Extensions.Logging.LogLevel>(s.Trim(), ignoreCase: true, out var l) && Enum.IsDefined(l) && !int.TryParse(s, out _) ? l
        : s.Trim().ToLowerInvariant() switch { "info" => Microsoft.Extensions.Logging.LogLevel.Information, "warn" => Microsoft.Extensions.Logging.LogLevel.Warning, _ => null };

    public override ValidationResult Validate()
    {
        if (ParseLevel(LogLevel) is null)
            return ValidationResult.Error($"--log-level: expected trace, debug, information, warning, error, critical or none, found '{LogLevel}'");
        if (ApiKey is not null && ApiKeyFile is not null) return ValidationResult.Error("--api-key and --api-key-file: give one of them");
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
                return ValidationResult.Error($"--urls: '{url}' is not an http:// or https:// address such as http://127.0.0.1:5080");
        return ValidationResult.Success();
    }
}

/// <summary>`tariffscope serve`: the HTTP API and the dashboard, in this process, until Ctrl+C.</summary>
public sealed class ServeCommand : Command<ServeSettings>
{
    public static void Configure(IConfigurator config) =>
        config.AddCommand<ServeCommand>("serve")
            .WithDescription("Serve the HTTP API (/api/v1, reference at /docs) and the web dashboard; logs are JSON lines on stdout")
            .WithExample("serve")
            .WithExample("serve", "--urls", "http://127.0.0.1:8080", "--data-dir", "./tariffscope-data");

    public override int Execute(CommandContext context, ServeSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        var app = TariffscopeServer.Build(new ServerOptions
        {
            Urls = s.Urls, DataDir = s.DataDir,
            ApiKey = s.ApiKey ?? ReadKeyFile(s.ApiKeyFile) ?? Environment.GetEnvironmentVariable(ServerOptions.ApiKeyVariable),
            LogLevel = ServeSettings.ParseLevel(s.LogLevel)!.Value,
            Store = s.Store,
        });
        using var stop = cancellationToken.Register(() => app.Lifetime.StopApplication());
        app.Lifetime.ApplicationStarted.Register(() =>
            Console.Error.WriteLine($"tariffscope: serving on {string.Join(", ", app.Urls)} (dashboard at /, API reference at /docs); Ctrl+C stops"));
        app.Run();
        return 0;
    });

    private static string? ReadKeyFile(string? path)
    {
        if (path is null) return null;
        if (!File.Exists(path)) throw new UserInputException($"--api-key-file: {path}: no such file");
        var key = File.ReadLines(path).FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(key)) throw new UserInputException($"--api-key-file: {path}: the first line is empty; put the key there");
        return key;
    }
}
