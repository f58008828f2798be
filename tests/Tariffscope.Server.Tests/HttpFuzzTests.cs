using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tariffscope.Server.Tests;

/// <summary>
/// Every operation of the OpenAPI document, with hostile values in each parameter and hostile bodies: no answer is a
/// 5xx, and the request log records the status the client got.
/// </summary>
public class HttpFuzzTests(HttpFuzzTests.Fixture server) : IClassFixture<HttpFuzzTests.Fixture>
{
    /// <summary>A server that logs every request (captured here) and does not rate-limit the fuzzer.</summary>
    public sealed class Fixture : ServerFixture
    {
        public LogCapture Log { get; } = new();

        protected override ServerOptions Options(ServerOptions d) => d with
        {
            LogLevel = LogLevel.Information, ExpensivePermitsPerWindow = 1_000_000, RequestTimeout = TimeSpan.FromSeconds(20),
        };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            App.Services.GetRequiredService<ILoggerFactory>().AddProvider(Log);
        }

        /// <summary>Two routes that fail the way a bug and a refusal deep in the engine do: the exception handler answers.</summary>
        protected override void Configure(Microsoft.AspNetCore.Builder.WebApplication app)
        {
            app.MapGet("/test/bug", string () => throw new InvalidOperationException("a bug")).ExcludeFromDescription();
            app.MapGet("/test/refusal", string () => throw new Tariffscope.Engine.RatingException(Tariffscope.Engine.RatingProblem.UnknownCode, "code", "no such code")).ExcludeFromDescription();
        }
    }

    /// <summary>Keeps the request log's entries: (method, path, status).</summary>
    public sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<(string Method, string Path, int Status)> Requests { get; } = new();
        /// <summary>Exceptions logged by the server, to say why a 500 happened.</summary>
        public ConcurrentQueue<string> Errors { get; } = new();
        public ILogger CreateLogger(string category) => new Logger(this, category);
        public void Dispose() { }

        private sealed class Logger(LogCapture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel level) => true;
            public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format)
            {
                if (e is not null) owner.Errors.Enqueue($"{category}: {e}");
                if (category != "Tariffscope.Server.Requests" || state is not IEnumerable<KeyValuePair<string, object?>> kv) return;
                var d = kv.ToDictionary(x => x.Key, x => x.Value);
                owner.Requests.Enqueue(((string)d["Method"]!, (string?)d["Path"] ?? "", Convert.ToInt32(d["Status"])));
            }
        }
    }

    private static readonly string[] Hostile =
    [
        "", " ", "9999-12-31", "0001-01-01", "10000-01-01", "2025-02-30", "2025-08-13 25:00", "-1", "0", "2147483648",
        "-2147483649", "99999999999999999999999999999999", "7e28", "1e308", "NaN", "-0", "%00", "\u0000", "'\";--", "../../../etc/passwd",
        "<script>alert(1)</script>", "２０２５-08-01", "CN,CN,CN,CN", "\u202e", "\uFEFF", "💥", new string('9', 1500), new string('a', 1500),
    ];

    /// <summary>A value that passes for each parameter, so the others reach deeper than the first check.</summary>
    private static readonly Dictionary<string, string> Valid = new(StringComparer.Ordinal)
    {
        ["code"] = "7326.90.86", ["origin"] = "CN", ["date"] = "2025-08-01", ["from"] = "2025-08-01", ["to"] = "2025-09-01",
        ["value"] = "10000", ["metalShare"] = "0.6", ["importer"] = "US", ["scenario"] = "actual", ["scenarios"] = "actual",
        ["days"] = "30", ["since"] = "2025-07-01", ["until"] = "2025-08-01", ["a"] = "actual", ["b"] = "truce-lapses-aug-2025",
        ["limit"] = "5", ["q"] = "steel", ["partner"] = "CN", ["by"] = "chapter", ["year"] = "2024", ["level"] = "chapter",
        ["top"] = "5", ["hs"] = "8505.11", ["fromDate"] = "2025-08-01", ["toDate"] = "2025-09-01", ["name"] = "actual",
        ["qty"] = "1", ["unit"] = "kg",
    };

    private sealed record Operation(string Method, string Path, IReadOnlyList<(string Name, string In)> Parameters, IReadOnlyList<string> BodyTypes);

    private async Task<List<Operation>> Operations()
    {
        var doc = JsonNode.Parse(await server.Http.GetStringAsync("/openapi/v1.json"))!;
        var ops = new List<Operation>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
            foreach (var (method, op) in item!.AsObject())
            {
                var ps = (op!["parameters"]?.AsArray() ?? []).Select(p => ((string)p!["name"]!, (string)p["in"]!)).ToList();
                var types = op["requestBody"]?["content"]?.AsObject().Select(c => c.Key).ToList() ?? [];
                ops.Add(new Operation(method.ToUpperInvariant(), path, ps, types));
            }
        return ops;
    }

    private static string Url(Operation op, IReadOnlyDictionary<string, string> values)
    {
        var path = op.Path;
        var query = new List<string>();
        foreach (var (name, where) in op.Parameters)
        {
            if (!values.TryGetValue(name, out var v)) continue;
            if (where == "path") path = path.Replace("{" + name + "}", Uri.EscapeDataString(v.Length == 0 ? "x" : v));
            else query.Add($"{name}={Uri.EscapeDataString(v)}");
        }
        path = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", "x");
        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    private static readonly string[] Bodies =
    [
        "", "{}", "[]", "null", "0", "{\"a\":", "\uFEFF", "{\"value\": 70000000000000000000000000000}", "{\"value\": 1e400}",
        new string('[', 5000) + new string(']', 5000), "code,origin,date,value\n7326.90.86,CN,9999-12-31,1\n",
        "code,code\n1,2\n", "a: [\n  - b\n", "\u0000\u0001\u0002", "code,origin,date,value\n" + new string('"', 3000),
    ];

    private readonly List<string> _failures = [];

    private async Task Send(HttpMethod method, string url, string? body = null, string? type = null)
    {
        using var req = new HttpRequestMessage(method, url);
        req.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        if (body is not null) req.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = MediaTypeHeaderValue.Parse(type!) } };
        int logged = server.Log.Requests.Count;
        int status;
        try
        {
            using var res = await server.Http.SendAsync(req);
            status = (int)res.StatusCode;
            await res.Content.ReadAsByteArrayAsync();
        }
        catch (Exception e) { _failures.Add($"{method} {url}: {e.GetType().Name} {e.Message}"); return; }
        if (status >= 500) _failures.Add($"{method} {Clip(url)}{(body is null ? "" : $" body {Clip(body)}")}: {status}");
        // the log entry is written as the response completes: wait for it
        for (int i = 0; i < 200 && server.Log.Requests.Count <= logged; i++) await Task.Delay(5);
        if (server.Log.Requests.Count <= logged)
        {
            // Kestrel itself refuses a request line it cannot parse (a NUL in the path) before any middleware runs
            if (status != 400) _failures.Add($"{method} {Clip(url)}: answered {status}, not logged");
            return;
        }
        var entry = server.Log.Requests.LastOrDefault();
        if (entry.Status != status) _failures.Add($"{method} {Clip(url)}: answered {status}, logged {entry.Status}");
    }

    private static string Clip(string s) => s.Length > 120 ? s[..120] + "…" : s;

    [Theory]
    [InlineData("/test/bug", 500)]
    [InlineData("/test/refusal", 404)]
    public async Task The_request_log_records_the_status_the_exception_handler_sent(string path, int status)
    {
        // before: the log sat inside the exception handler and recorded these as 200
        using var r = await server.Http.GetAsync(path);
        Assert.Equal(status, (int)r.StatusCode);
        for (int i = 0; i < 200 && !server.Log.Requests.Any(x => x.Path == path); i++) await Task.Delay(5);
        Assert.Equal(status, server.Log.Requests.Last(x => x.Path == path).Status);
    }

    [Fact]
    public async Task Hostile_parameters_and_bodies_never_give_a_5xx_and_the_log_tells_the_truth()
    {
        var ops = await Operations();
        Assert.True(ops.Count >= 20, $"the OpenAPI document lists {ops.Count} operations");
        int sent = 0;
        foreach (var op in ops)
        {
            var method = new HttpMethod(op.Method);
            var baseValues = op.Parameters.Where(p => Valid.ContainsKey(p.Name)).ToDictionary(p => p.Name, p => Valid[p.Name]);
            var body = op.BodyTypes.Count > 0 ? "{}" : null;
            var type = op.BodyTypes.FirstOrDefault();
            foreach (var (name, _) in op.Parameters)
                foreach (var v in Hostile)
                {
                    // alone, and with every other parameter valid
                    await Send(method, Url(op, new Dictionary<string, string> { [name] = v }), body, type);
                    await Send(method, Url(op, new Dictionary<string, string>(baseValues) { [name] = v }), body, type);
                    sent += 2;
                }
            foreach (var t in op.BodyTypes.Append("text/plain").Append("application/octet-stream"))
                foreach (var b in Bodies)
                {
                    await Send(method, Url(op, baseValues), b, t);
                    sent++;
                }
        }
        Assert.True(_failures.Count == 0, $"{_failures.Count} of {sent} requests failed:\n" + string.Join('\n', _failures.Distinct().Take(60)));
    }
}

/// <summary>Bodies whose framing is broken: Kestrel refuses them, and the answer is a 400, never a 500.</summary>
public class BrokenFramingTests(HttpFuzzTests.Fixture server) : IClassFixture<HttpFuzzTests.Fixture>
{
    private async Task<(int Status, string Raw)> Raw(string request)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buf = new byte[8192];
        var sb = new StringBuilder();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buf, cts.Token)) > 0)
            {
                sb.Append(Encoding.ASCII.GetString(buf, 0, n));
                if (sb.ToString().Contains("\r\n\r\n") && sb.ToString().Contains("\"status\"")) break;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException) { }
        var raw = sb.ToString();
        var status = raw.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? int.Parse(raw.AsSpan(9, 3)) : 0;
        return (status, raw);
    }

    [Theory]
    [InlineData("/api/v1/quote", "application/json")]
    [InlineData("/api/v1/batch", "text/csv")]
    [InlineData("/api/v1/scenarios", "application/yaml")]
    [InlineData("/api/v1/controls/screen", "application/json")]
    public async Task An_absurd_chunk_size_is_a_400(string path, string type)
    {
        foreach (var chunk in new[] { "FFFFFFFFFFFFFFFFFF", "7FFFFFFFFFFFFFFF", "zz", "-1" })
        {
            var (status, raw) = await Raw($"POST {path} HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {ServerFixture.ApiKey}\r\n" +
                $"Content-Type: {type}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{chunk}\r\n{{}}\r\n0\r\n\r\n");
            Assert.True(status is >= 400 and < 500, $"{path} with chunk size {chunk}: {raw}\n{string.Join('\n', server.Log.Errors.Take(1))}");
        }
        // the log says what the client got
        await Task.Delay(100);
        Assert.DoesNotContain(server.Log.Requests, r => r.Status >= 500);
    }
}

/// <summary>Too long an address, too many headers: a problem answer with the security headers, logged.</summary>
public class RequestLimitTests(HttpFuzzTests.Fixture server) : IClassFixture<HttpFuzzTests.Fixture>
{
    [Fact]
    public async Task A_414_and_a_431_carry_the_security_headers()
    {
        // before: Kestrel answered these itself, bare
        using var longUrl = await server.Http.GetAsync("/api/v1/schedule/search?q=" + new string('a', 9000));
        using var req = new HttpRequestMessage(HttpMethod.Get, "/api/v1");
        for (int i = 0; i < 10; i++) req.Headers.Add($"X-Pad-{i}", new string('b', 4000));
        using var bigHeaders = await server.Http.SendAsync(req);
        foreach (var (r, status) in new[] { (longUrl, 414), (bigHeaders, 431) })
        {
            await ServerFixture.AssertProblem(r, status);
            Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("frame-ancestors 'none'", r.Headers.GetValues("Content-Security-Policy").Single());
        }
    }
}
