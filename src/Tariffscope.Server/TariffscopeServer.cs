using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Scalar.AspNetCore;
using Tariffscope.Data;
using Tariffscope.Server.Api;
using Tariffscope.Server.Dashboard;
using Tariffscope.Server.Http;

namespace Tariffscope.Server;

/// <summary>
/// Builds the Tariffscope web server: the HTTP API under <c>/api/v1</c>, its OpenAPI description and reference
/// page, and the dashboard, all in one Kestrel process over one loaded <see cref="Workspace"/>.
/// <code>var app = TariffscopeServer.Build(new ServerOptions { Urls = "http://127.0.0.1:5080" }); await app.RunAsync();</code>
/// </summary>
public static class TariffscopeServer
{
    public const string ApiPrefix = "/api/v1";
    public const string ExpensivePolicy = "expensive";
    public const string OpenApiPath = "/openapi/v1.json";

    public static WebApplication Build(ServerOptions options, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(TariffscopeServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory, // nothing is read from the working directory
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxUploadBytes;
            k.Limits.MaxRequestHeadersTotalSize = RequestLimits.KestrelHeaderBytes; // the app's own limits answer first (RequestLimits)
            k.Limits.MaxRequestLineSize = RequestLimits.KestrelTargetBytes;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
        });

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", options.LogLevel < LogLevel.Warning ? LogLevel.Warning : options.LogLevel);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", options.LogLevel);

        var workspace = options.Workspace ?? Workspace.Load(DataDirectory.Resolve(options.DataDir));
        builder.Services.AddSingleton(options);
        var today = new Today(options.Clock);
        var (state, temporaryState) = StateStores.Open(options, workspace);
        var rules = new Rulebook(workspace, today, options.MaxUploadedScenarios, state);
        var watchlists = new Questions.Watch.Watchlists(state, options.Clock);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(rules);
        builder.Services.AddSingleton(watchlists);
        builder.Services.AddSingleton(new Questions.Webhooks.WebhookDispatcher(rules, state, watchlists, new HttpClient { Timeout = TimeSpan.FromSeconds(20) })
            { FirstRetry = options.WebhookFirstRetry });
        builder.Services.AddHostedService<StateService>();
        builder.Services.AddSingleton(today);
        builder.Services.AddSingleton(new TradeData(workspace.Directory));
        var batches = BatchStore.For(options, workspace);
        batches.State = state;
        builder.Services.AddSingleton(batches);

        builder.Services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Instance ??= c.HttpContext.Request.Path);
        builder.Services.AddExceptionHandler<ExceptionMapping>();
        builder.Services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = options.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            WriteTimeoutResponse = c => Problems.Of(StatusCodes.Status504GatewayTimeout, "Request took too long",
                $"the answer was not ready within {options.RequestTimeout.TotalSeconds:0.###} seconds; ask for less (a shorter window, fewer scenarios)").ExecuteAsync(c),
        });
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(ExpensivePolicy, c => RateLimitPartition.GetFixedWindowLimiter(
                c.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.ExpensivePermitsPerWindow, Window = options.RateLimitWindow, QueueLimit = 0 }));
            o.OnRejected = async (ctx, _) =>
            {
                var seconds = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : (int)options.RateLimitWindow.TotalSeconds;
                ctx.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.Of(StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"this endpoint answers at most {options.ExpensivePermitsPerWindow} requests per {options.RateLimitWindow.TotalSeconds:0} seconds from one client; try again in {seconds} seconds").ExecuteAsync(ctx.HttpContext);
            };
        });
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info = new() { Title = "Tariffscope API", Version = "v1", Description = ApiDescription };
            doc.Servers = []; // the same document wherever it is served from (it is checked into the repository)
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        if (temporaryState is not null) app.Lifetime.ApplicationStopped.Register(() => StateStores.DeleteTemporary(temporaryState));
        app.UseRequestLog(); // outermost, so it logs the status the client got, 500s and problem answers included
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseRequestLimits();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.UseDashboard();

        ApiRoutes.Map(app, options);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference(SecurityHeaders.DocsPath, o => o
            .WithTitle("Tariffscope API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .WithNonce());
        app.MapDashboardPages();
        if (options.WarmIndicators)
            app.Lifetime.ApplicationStarted.Register(() => Api.IndicatorEndpoints.Warm(
                app.Services.GetRequiredService<Rulebook>(), app.Services.GetRequiredService<TradeData>()));
        return app;
    }

    /// <summary>The API's JSON: camelCase, enums as camelCase strings, nulls left out, "¢" and "+" written as themselves.</summary>
    public static void Configure(JsonSerializerOptions o) => AnswerJson.Configure(o);

    private const string ApiDescription =
        "The duty owed on an import line on a date, layer by layer with the legal basis of each; a line's rate over time " +
        "under several scenarios; the deadlines written into the rules; where two scenarios disagree; trade-weighted average " +
        "tariffs over imported trade; export-control screening; and the economic impact of a shock (GSIM). Errors are RFC 7807 " +
        "problem details naming the field at fault. Uploads need the server's API key in X-Api-Key.";
}
