using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Tariffscope.Data;
using Tariffscope.Server;

namespace Tariffscope.Tests;

/// <summary>
/// Every question has one home: the command line's --json and the API's body are the same document for the same
/// request, because both faces only parse, ask the question's class, and serialise what it returns. A server runs
/// on the same data directory as the command line (two base-year flows from China and one from Canada imported).
/// </summary>
public sealed class OneAnswerTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        File.WriteAllText(_dir.File("flows.csv"), "importer,partner,hs10,year,value,duty\n" +
            "US,CN,8481805090,2024,1000000,0\nUS,CN,8471300100,2024,500000,0\nUS,CA,8481805090,2024,2000000,0\nUS,EU,8481805090,2024,700000,0\n");
        Assert.Equal(0, Cli.Run("data", "import-trade", _dir.File("flows.csv"), "--data-dir", _dir.Path).ExitCode);
        _app = TariffscopeServer.Build(new ServerOptions
        {
            Urls = "http://127.0.0.1:0", Workspace = Workspace.Load(DataDirectory.Resolve(_dir.Path)), LogLevel = LogLevel.Warning,
            BatchFolder = _dir.File("batch"), WarmIndicators = false,
        });
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _dir.Dispose();
    }

    private Task Same(string path, params string[] cli)
    {
        var r = Cli.Run([.. cli, "--data-dir", _dir.Path, "--json"]);
        Assert.True(r.ExitCode == 0, r.Output);
        return Compare(path, r.Output);
    }

    /// <summary>The export-control commands read the built-in control data only, and write to the process's output.</summary>
    private Task SameControls(string path, params string[] cli)
    {
        var r = Cli.Process([.. cli, "--json"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return Compare(path, r.Stdout);
    }

    private async Task Compare(string path, string cliOutput)
    {
        var response = await _http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var a = Comparable(JsonNode.Parse(cliOutput)!);
        var b = Comparable(JsonNode.Parse(body)!);
        Assert.True(JsonNode.DeepEquals(a, b), $"command line:\n{a.ToJsonString()[..Math.Min(2000, a.ToJsonString().Length)]}\nAPI:\n{b.ToJsonString()[..Math.Min(2000, b.ToJsonString().Length)]}");
    }

    /// <summary>The document less what measures the run rather than the answer (timings, counts of work done).</summary>
    private static JsonNode Comparable(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var k in o.Select(p => p.Key).Where(k => k is "stats" or "notes" && o[k] is not null && (k == "stats" || IsTimingNotes(o[k]!))).ToList()) o.Remove(k);
            foreach (var (_, v) in o.ToList()) if (v is not null) Comparable(v);
        }
        else if (node is JsonArray a) foreach (var v in a) if (v is not null) Comparable(v);
        return node;
    }

    private static bool IsTimingNotes(JsonNode notes) => notes is JsonArray a && a.Any(n => n?.GetValue<string>().Contains(" s") == true && n.GetValue<string>().Contains("computed in"));

    [Fact]
    public Task Quote() => Same("/api/v1/quote?code=8481.80.50.90&origin=CN&date=2025-05-20&value=10000",
        "quote", "8481.80.50.90", "--origin", "CN", "--date", "2025-05-20", "--value", "10000");

    [Fact]
    public async Task Quote_of_the_eu_is_rated_as_a_member_state_on_both_faces()
    {
        await Same("/api/v1/quote?code=8481.80.50.90&origin=EU&date=2025-09-01", "quote", "8481.80.50.90", "--origin", "EU", "--date", "2025-09-01");
        var r = Cli.Run("quote", "8481.80.50.90", "--origin", "eu", "--date", "2025-09-01", "--data-dir", _dir.Path, "--json");
        var doc = JsonNode.Parse(r.Output)!;
        Assert.Equal("AT", doc["origin"]!.GetValue<string>());
        Assert.Contains(doc["warnings"]!.AsArray(), w => w!.GetValue<string>().StartsWith("origin EU (European Union"));
    }

    [Fact]
    public async Task An_unknown_origin_gets_the_same_refusal_everywhere()
    {
        var cli = Cli.Process("quote", "8481.80.50.90", "--origin", "XX", "--date", "2025-09-01", "--data-dir", _dir.Path);
        Assert.Equal(1, cli.ExitCode);
        var api = await _http.GetAsync("/api/v1/quote?code=8481.80.50.90&origin=XX&date=2025-09-01");
        Assert.Equal(400, (int)api.StatusCode);
        var detail = JsonNode.Parse(await api.Content.ReadAsStringAsync())!["errors"]!["origin"]![0]!.GetValue<string>();
        Assert.Equal($"error: {detail}", cli.Stderr.Trim());
        Assert.StartsWith("'XX' is not a country of origin", detail);
    }

    [Fact]
    public Task Timeline() => Same("/api/v1/timeline?code=8481.80.50.90&origin=CN&from=2025-01-01&to=2025-12-31&scenarios=actual&scenarios=truce-lapses-aug-2025",
        "timeline", "8481.80.50.90", "--origin", "CN", "--from", "2025-01-01", "--to", "2025-12-31", "--scenario", "actual,truce-lapses-aug-2025");

    [Fact]
    public Task Deadlines_with_trade_exposure() => Same("/api/v1/deadlines?from=2025-07-29&days=120",
        "deadlines", "--from", "2025-07-29", "--days", "120");

    [Fact]
    public Task Changes() => Same("/api/v1/changes?since=2025-04-01&until=2025-06-01&origin=CN",
        "changes", "--since", "2025-04-01", "--until", "2025-06-01", "--origin", "CN");

    [Fact]
    public Task Scenario_diff_weighed_by_trade_with_claims() => Same("/api/v1/diff?a=actual&b=truce-lapses-aug-2025&date=2025-08-20&origin=CN&claim=none&limit=25",
        "scenario", "diff", "actual", "truce-lapses-aug-2025", "--date", "2025-08-20", "--origin", "CN", "--claim", "none");

    [Fact]
    public Task Indicators_with_claims() => Same("/api/v1/indicators?partner=CN,CA,EU&from=2025-01-01&to=2025-12-31&by=partner&claim=all",
        "indicators", "--partner", "CN,CA,EU", "--from", "2025-01-01", "--to", "2025-12-31", "--by", "partner", "--claim", "all");

    [Fact]
    public Task Validate_with_claims() => Same("/api/v1/indicators/validate?year=2024&partner=CA,CN&claim=all&top=5",
        "indicators", "validate", "--year", "2024", "--partner", "CA,CN", "--claim", "all", "--top", "5");

    [Fact]
    public Task Schedule_search() => Same("/api/v1/schedule/search?q=lithium%20batteries&date=2026-03-01&limit=5",
        "schedule", "search", "lithium batteries", "--date", "2026-03-01", "--limit", "5");

    [Fact]
    public Task Schedule_line() => Same("/api/v1/schedule/lines/8507.60.00?date=2026-03-01", "schedule", "show", "8507.60.00", "--date", "2026-03-01");

    [Fact]
    public Task Data_status() => Same("/api/v1/data?date=2026-08-01", "data", "status", "--date", "2026-08-01");

    [Fact]
    public Task Trade_status() => Same("/api/v1/trade", "data", "trade-status");

    [Fact]
    public Task Scenario_show() => Same("/api/v1/scenarios/truce-lapses-aug-2025", "scenario", "show", "truce-lapses-aug-2025");

    [Fact]
    public Task Controls_check() => SameControls("/api/v1/controls/check?from=CN&to=US&date=2025-06-01&element=Dy&hs=8505.11",
        "controls", "check", "--from", "CN", "--to", "US", "--date", "2025-06-01", "--element", "Dy", "--hs", "8505.11");

    [Fact]
    public Task Controls_timeline() => SameControls("/api/v1/controls/timeline?from=CN&to=US&fromDate=2025-01-01&toDate=2026-12-31&element=Dy",
        "controls", "timeline", "--from", "CN", "--to", "US", "--from-date", "2025-01-01", "--to-date", "2026-12-31", "--element", "Dy");

    [Fact]
    public Task Controls_deadlines() => SameControls("/api/v1/controls/deadlines?from=2026-01-01&days=365", "controls", "deadlines", "--date", "2026-01-01", "--days", "365");

    [Fact]
    public Task Impact_of_a_scenario_with_the_ces_form() => Same("/api/v1/impact?scenario=truce-lapses-aug-2025&date=2025-08-20&top=10&form=ces",
        "impact", "--scenario", "truce-lapses-aug-2025", "--date", "2025-08-20", "--form", "ces");

    [Fact]
    public Task Impact_of_a_scenario() => Same("/api/v1/impact?scenario=truce-lapses-aug-2025&date=2025-08-20&top=10",
        "impact", "--scenario", "truce-lapses-aug-2025", "--date", "2025-08-20");
}
