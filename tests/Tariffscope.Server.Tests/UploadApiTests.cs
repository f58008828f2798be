using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Tariffscope.Server.Tests;

/// <summary>Writes need the API key; an uploaded scenario or list is checked like a shipped one, and then used.</summary>
public class UploadApiTests : IClassFixture<UploadApiTests.Fixture>
{
    /// <summary>A server of its own: uploads change what it answers.</summary>
    public sealed class Fixture : ServerFixture;

    private readonly Fixture _server;
    public UploadApiTests(Fixture server) => _server = server;

    private const string NeverExtended = """
        name: geneva-never-extended
        description: The Geneva suspension runs out on 11 August 2025 and nothing follows (US side only).
        inherits: actual
        suspensions:
          remove: [us-stockholm-extension, us-busan-extension]
        """;

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string body, string mediaType, string? key = ServerFixture.ApiKey)
    {
        var request = new HttpRequestMessage(method, path) { Content = ServerFixture.Body(body, mediaType) };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return _server.Http.SendAsync(request);
    }

    /// <summary>With only the US extensions removed, 7326.90.86 (60% steel) on 20 August 2025 owes the full 34% on the
    /// non-steel 40%: 290 + 2,500 + 2,000 + 3,000 + 0.34 × 4,000 = 9,150.00, as in the shipped truce-lapses scenario.</summary>
    [Fact]
    public async Task An_uploaded_scenario_is_listed_and_quoted_under()
    {
        using var r = await Send(HttpMethod.Post, "/api/v1/scenarios", NeverExtended, "application/yaml");
        Assert.Equal(201, (int)r.StatusCode);
        Assert.Equal("/api/v1/scenarios/geneva-never-extended", r.Headers.Location?.ToString());
        var list = await _server.GetJson("/api/v1/scenarios");
        Assert.Contains(list.AsArray(), s => (string)s!["name"]! == "geneva-never-extended" && (bool)s["uploaded"]!);
        var q = await _server.GetJson("/api/v1/quote?code=7326.90.86&origin=CN&date=2025-08-20&metalShare=0.6&scenario=geneva-never-extended");
        Assert.Equal(9150.00m, (decimal)q["totalDuty"]!);
    }

    [Fact]
    public async Task A_scenario_naming_what_does_not_exist_is_refused_and_changes_nothing()
    {
        using var r = await Send(HttpMethod.Post, "/api/v1/scenarios", "name: broken\nsuspensions:\n  remove: [no-such-suspension]\n", "application/yaml");
        var p = await ServerFixture.AssertProblem(r, 422);
        Assert.Contains("no-such-suspension", ServerFixture.Detail(p));
        using var after = await _server.Http.GetAsync("/api/v1/scenarios/broken");
        await ServerFixture.AssertProblem(after, 404);
    }

    [Fact]
    public async Task A_scenario_file_that_is_not_yaml_is_refused_with_its_line()
    {
        using var r = await Send(HttpMethod.Post, "/api/v1/scenarios", "name: x\n  bad: [", "application/yaml");
        var p = await ServerFixture.AssertProblem(r, 422);
        Assert.Contains(":2:", ServerFixture.Detail(p));
    }

    [Fact]
    public async Task A_shipped_scenario_cannot_be_replaced()
    {
        using var r = await Send(HttpMethod.Post, "/api/v1/scenarios", "name: truce-lapses-aug-2025\n", "application/yaml");
        await ServerFixture.AssertProblem(r, 409);
    }

    [Fact]
    public async Task A_scenario_sent_as_json_is_a_415()
    {
        using var r = await Send(HttpMethod.Post, "/api/v1/scenarios", "{\"name\": \"x\"}", "application/json");
        var p = await ServerFixture.AssertProblem(r, 415);
        Assert.Contains("application/yaml", ServerFixture.Detail(p));
    }

    [Fact]
    public async Task Writes_without_the_key_or_with_a_wrong_one_are_401()
    {
        using var none = await Send(HttpMethod.Post, "/api/v1/scenarios", NeverExtended, "application/yaml", key: null);
        await ServerFixture.AssertProblem(none, 401);
        using var wrong = await Send(HttpMethod.Post, "/api/v1/scenarios", NeverExtended, "application/yaml", key: "guess");
        await ServerFixture.AssertProblem(wrong, 401);
    }

    [Fact]
    public async Task A_product_list_with_a_line_that_is_not_a_code_is_refused_naming_the_line()
    {
        using var r = await Send(HttpMethod.Put, "/api/v1/lists/some-list", "code\n8507.60.00\nbananas\n", "text/csv");
        var p = await ServerFixture.AssertProblem(r, 422);
        Assert.Contains(":3:", ServerFixture.Detail(p));
    }

    [Fact]
    public async Task A_list_name_that_could_be_a_path_is_refused()
    {
        using var r = await Send(HttpMethod.Put, "/api/v1/lists/..%2F..%2Fetc", "code\n8507.60.00\n", "text/csv");
        Assert.InRange((int)r.StatusCode, 400, 404);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>A server started with no API key: writes are off, and the answer says how to turn them on.</summary>
public class WritesOffTests : IClassFixture<WritesOffTests.Fixture>
{
    public sealed class Fixture : ServerFixture
    {
        protected override ServerOptions Options(ServerOptions defaults) => defaults with { ApiKey = null };
    }

    private readonly Fixture _server;
    public WritesOffTests(Fixture server) => _server = server;

    [Fact]
    public async Task Uploads_are_403_with_how_to_enable_them()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/scenarios") { Content = ServerFixture.Body("name: x\n", "application/yaml") };
        request.Headers.Add("X-Api-Key", "anything");
        using var r = await _server.Http.SendAsync(request);
        var p = await ServerFixture.AssertProblem(r, 403);
        Assert.Contains("TARIFFSCOPE_API_KEY", ServerFixture.Detail(p));
    }
}

/// <summary>A server whose expensive endpoints allow two requests a minute.</summary>
public class RateLimitTests : IClassFixture<RateLimitTests.Fixture>
{
    public sealed class Fixture : ServerFixture
    {
        protected override ServerOptions Options(ServerOptions defaults) => defaults with { ExpensivePermitsPerWindow = 2, RateLimitWindow = TimeSpan.FromMinutes(1) };
    }

    private readonly Fixture _server;
    public RateLimitTests(Fixture server) => _server = server;

    [Fact]
    public async Task The_third_timeline_within_the_window_is_429_with_retry_after_while_quotes_go_on()
    {
        const string path = "/api/v1/timeline?code=7326.90.86&origin=CN&from=2025-07-01&to=2025-09-30";
        for (int i = 0; i < 2; i++)
        {
            using var ok = await _server.Http.GetAsync(path);
            Assert.Equal(200, (int)ok.StatusCode);
        }
        using var r = await _server.Http.GetAsync(path);
        var p = await ServerFixture.AssertProblem(r, 429);
        Assert.Contains("at most 2 requests", ServerFixture.Detail(p));
        Assert.True(r.Headers.RetryAfter is not null);
        using var quote = await _server.Http.GetAsync("/api/v1/quote?code=7326.90.86&origin=CN&date=2025-08-01");
        Assert.Equal(200, (int)quote.StatusCode);
    }
}

/// <summary>A server of its own whose Section 301 List 3 is replaced by an upload.</summary>
public class ListUploadTests : IClassFixture<ListUploadTests.Fixture>
{
    public sealed class Fixture : ServerFixture;

    private readonly Fixture _server;
    public ListUploadTests(Fixture server) => _server = server;

    /// <summary>Uploading a one-line List 3 that leaves 7326.90.86 out takes the 25% Section 301 layer off it:
    /// 8,190.00 − 0.25 × 10,000 = 5,690.00 on 1 August 2025 (the 8,190.00 is worked out in QuoteApiTests).</summary>
    [Fact]
    public async Task An_uploaded_product_list_replaces_the_list_of_that_name_for_every_quote()
    {
        const string quote = "/api/v1/quote?code=7326.90.86&origin=CN&date=2025-08-01&value=10000&metalShare=0.6";
        Assert.Equal(8190.00m, (decimal)(await _server.GetJson(quote))["totalDuty"]!);
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/lists/s301-list3?source=test%20annex") { Content = ServerFixture.Body("HTSUS\n8507.60.00\n", "text/csv") };
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        using var r = await _server.Http.SendAsync(request);
        Assert.Equal(200, (int)r.StatusCode);
        var doc = JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
        Assert.Equal(1, (int)doc["codes"]!);
        Assert.True((bool)doc["replaced"]!);
        var after = await _server.GetJson(quote);
        Assert.Equal(5690.00m, (decimal)after["totalDuty"]!);
        Assert.DoesNotContain(after["layers"]!.AsArray(), l => (string)l!["measure"]! == "us-s301-list3");
        Assert.Equal(1, (int)(await _server.GetJson("/healthz"))["uploadedLists"]!);
    }
}

/// <summary>A server whose requests may take a millisecond: the diff, which watches for cancellation between lines,
/// is cut off with a 504 problem instead of running on.</summary>
public class TimeoutTests : IClassFixture<TimeoutTests.Fixture>
{
    public sealed class Fixture : ServerFixture
    {
        protected override ServerOptions Options(ServerOptions defaults) => defaults with { RequestTimeout = TimeSpan.FromMilliseconds(1) };
    }

    private readonly Fixture _server;
    public TimeoutTests(Fixture server) => _server = server;

    [Fact]
    public async Task A_request_over_its_time_is_a_504_problem()
    {
        // 20,000 entry lines cannot be rated within the 1 ms this server allows; the batch job honours the request's
        // cancellation, so the answer is a 504 problem, not a late 200.
        var entries = "code,origin,date,value\n" + string.Concat(Enumerable.Repeat("7326.90.86,CN,2025-08-20,10000\n", 20_000));
        using var r = await _server.SendWithKey(HttpMethod.Post, "/api/v1/batch?scenarios=actual,escalation-returns", ServerFixture.Body(entries, "text/csv"));
        var p = await ServerFixture.AssertProblem(r, 504);
        Assert.Contains("not ready within", ServerFixture.Detail(p));
    }
}
