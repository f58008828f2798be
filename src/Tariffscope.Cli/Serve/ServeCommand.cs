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
    [Description("Key that uploads must send in X-Api-Key (default: $TARIFFSCOPE_API_KEY; without one, uploads are off)")]
    public string? ApiKey { get; set; }

    public override ValidationResult Validate()
    {
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
            ApiKey = s.ApiKey ?? Environment.GetEnvironmentVariable(ServerOptions.ApiKeyVariable),
        });
        using var stop = cancellationToken.Register(() => app.Lifetime.StopApplication());
        app.Lifetime.ApplicationStarted.Register(() =>
            Console.Error.WriteLine($"tariffscope: serving on {string.Join(", ", app.Urls)} (dashboard at /, API reference at /docs); Ctrl+C stops"));
        app.Run();
        return 0;
    });
}
