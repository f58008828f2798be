using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Tariffscope.Data;
using Tariffscope.Server;

// A bounded load client for the Tariffscope API: N quote requests at C concurrency, over the loopback only, then
// requests per second and latency percentiles. With no --url it starts the server in this process on a free port.
//   dotnet run -c Release --project bench/Tariffscope.LoadTest -- --requests 20000 --concurrency 16

var options = LoadOptions.Parse(args);
if (options is null) return 2;

WebApplicationHolder? local = null;
Uri baseUri;
if (options.Url is null)
{
    local = await WebApplicationHolder.StartAsync();
    baseUri = local.BaseAddress;
}
else baseUri = options.Url;

// quotes across a few lines, origins and dates, so that no single answer dominates
string[] paths =
[
    "/api/v1/quote?code=7326.90.86&origin=CN&date=2025-08-01&value=10000&metalShare=0.6",
    "/api/v1/quote?code=8507.60.00&origin=CN&date=2025-04-10&value=25000",
    "/api/v1/quote?code=0901.11.00&origin=BR&date=2025-09-01&value=5000",
    "/api/v1/quote?code=8703.23.01&origin=DE&date=2025-08-20&value=40000",
    "/api/v1/quote?code=8542.31.00.45&origin=CN&date=2025-11-15&value=1000",
    "/api/v1/quote?code=9503.00.00&origin=VN&date=2026-03-01&value=12000",
];

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30),
};

// warm-up: JIT, connection pool, each engine's first use; not measured
for (int i = 0; i < options.Warmup; i++) (await http.GetAsync(paths[i % paths.Length])).Dispose();

var latencies = new double[options.Requests];
int next = -1, errors = 0;
string? firstError = null;
using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.MaxSeconds));
var clock = Stopwatch.StartNew();
var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < options.Requests && !deadline.IsCancellationRequested)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.GetAsync(paths[i % paths.Length], deadline.Token);
            await response.Content.LoadIntoBufferAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref errors);
                firstError ??= $"{paths[i % paths.Length]} -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref errors);
            firstError ??= e.Message;
        }
        latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
})).ToArray();
await Task.WhenAll(workers);
clock.Stop();

int done = Math.Min(options.Requests, next);
var sorted = latencies.Take(done).Order().ToArray();
double P(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
var c = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(c, $"target      {baseUri} ({(local is null ? "external" : "in-process")} server, {Environment.ProcessorCount} cores)"));
Console.WriteLine(string.Create(c, $"requests    {done} quote requests at concurrency {options.Concurrency} ({paths.Length} different lines), after {options.Warmup} warm-up"));
Console.WriteLine(string.Create(c, $"elapsed     {clock.Elapsed.TotalSeconds:0.00} s{(deadline.IsCancellationRequested ? " (stopped at --max-seconds)" : "")}"));
Console.WriteLine(string.Create(c, $"throughput  {done / clock.Elapsed.TotalSeconds:0} requests/s"));
Console.WriteLine(string.Create(c, $"latency     p50 {P(0.50):0.00} ms · p90 {P(0.90):0.00} ms · p99 {P(0.99):0.00} ms · max {sorted.LastOrDefault():0.00} ms"));
Console.WriteLine($"errors      {errors}{(firstError is null ? "" : $" (first: {firstError})")}");

if (local is not null) await local.DisposeAsync();
return errors == 0 && done == options.Requests ? 0 : 1;

sealed record LoadOptions(Uri? Url, int Requests, int Concurrency, int Warmup, int MaxSeconds)
{
    public static LoadOptions? Parse(string[] args)
    {
        Uri? url = null; int n = 20_000, c = 16, w = 500, max = 120;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--url": url = new Uri(Value()); break;
                    case "--requests": n = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--concurrency": c = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--warmup": w = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--max-seconds": max = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    default: throw new ArgumentException($"unknown option {args[i]}; known: --url, --requests, --concurrency, --warmup, --max-seconds");
                }
            }
            catch (Exception e) when (e is FormatException or ArgumentException or UriFormatException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return null;
            }
        }
        // bounded by design: a load test here never leaves the machine and always stops by itself
        if (url is not null && !(url.IsLoopback || IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip)))
        { Console.Error.WriteLine($"error: --url must be a loopback address (127.0.0.1, [::1], localhost); got {url.Host}"); return null; }
        if (n is < 1 or > 1_000_000 || c is < 1 or > 256 || w is < 0 or > 100_000 || max is < 1 or > 600)
        { Console.Error.WriteLine("error: --requests 1..1000000, --concurrency 1..256, --warmup 0..100000, --max-seconds 1..600"); return null; }
        return new LoadOptions(url, n, c, w, max);
    }
}

/// <summary>The server started in this process on 127.0.0.1 and a free port, with the built-in data.</summary>
sealed class WebApplicationHolder : IAsyncDisposable
{
    private readonly Microsoft.AspNetCore.Builder.WebApplication _app;
    public Uri BaseAddress { get; }
    private WebApplicationHolder(Microsoft.AspNetCore.Builder.WebApplication app, Uri uri) { _app = app; BaseAddress = uri; }

    public static async Task<WebApplicationHolder> StartAsync()
    {
        var app = TariffscopeServer.Build(new ServerOptions { Urls = "http://127.0.0.1:0", Workspace = Workspace.BuiltIn(), LogLevel = LogLevel.Warning });
        await app.StartAsync();
        return new WebApplicationHolder(app, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync() { await _app.StopAsync(); await _app.DisposeAsync(); }
}
