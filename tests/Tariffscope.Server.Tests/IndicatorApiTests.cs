using System.Text.Json.Nodes;

namespace Tariffscope.Server.Tests;

/// <summary>
/// <c>/api/v1/indicators</c> over the hand-made trade store of <see cref="TradeDataDir"/>. The expected averages are
/// worked by hand from the rules:
/// <list type="bullet">
/// <item>valves 8481.80.50 (MFN 3%) are on Section 301 list 3 (25%, 9903.88.03); laptops 8471.30.01 (MFN free) are on
/// no list in force (list 4B never took effect);</item>
/// <item>IEEPA fentanyl duty on all goods of China: 10% from 2025-02-04 (EO 14195), 20% from 2025-03-04 (EO 14228).</item>
/// </list>
/// China's flows weigh $1,000,000 (valves) and $500,000 (laptops), $1,500,000 in all.
/// </summary>
public class IndicatorApiTests(TradeDataFixture server) : IClassFixture<TradeDataFixture>
{
    private static decimal Dec(JsonNode? n) => n!.GetValue<decimal>();

    private static JsonNode At(JsonNode series, string date) =>
        series["totals"]!.AsArray().Last(p => string.CompareOrdinal((string)p!["date"]!, date) <= 0)!;

    [Fact]
    public async Task Chinas_average_duty_steps_up_with_each_fentanyl_order()
    {
        using var r = await server.Http.GetAsync("/api/v1/indicators?partner=CN&from=2025-01-01&to=2025-03-31&scenario=actual");
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, body);
        var doc = JsonNode.Parse(body)!;
        var s = Assert.Single(doc["series"]!.AsArray())!;
        Assert.Equal("actual", (string?)s["scenario"]);
        Assert.Equal(2024, (int)s["baseYear"]!);

        // 2025-01-01: additional = 25% × 1,000,000 / 1,500,000 = 16.667%; total adds 3% × 1,000,000 = 30,000:
        // (250,000 + 30,000) / 1,500,000 = 18.667%. Section 301 covers 1,000,000 / 1,500,000 = 2/3 of the value.
        var jan = At(s, "2025-01-01");
        Assert.Equal(1_500_000m, Dec(jan["tradeValue"]));
        Assert.Equal(0.166667m, Math.Round(Dec(jan["additionalRate"]), 6));
        Assert.Equal(0.186667m, Math.Round(Dec(jan["totalRate"]), 6));
        Assert.Equal(0.666667m, Math.Round(Dec(jan["families"]!.AsArray().Single(f => (string?)f!["family"] == "s301")!["coveredShare"]), 6));
        // 2025-02-04: + 10% × 1,500,000 = 150,000 → 400,000 / 1,500,000 = 26.667% additional.
        Assert.Equal(0.266667m, Math.Round(Dec(At(s, "2025-02-04")["additionalRate"]), 6));
        Assert.Equal("2025-02-04", (string?)At(s, "2025-02-04")["date"]);
        // 2025-03-04: fentanyl 20% → 250,000 + 300,000 = 550,000 / 1,500,000 = 36.667%; static revenue $550,000 a year.
        var march = At(s, "2025-03-04");
        Assert.Equal("2025-03-04", (string?)march["date"]);
        Assert.Equal(0.366667m, Math.Round(Dec(march["additionalRate"]), 6));
        Assert.Equal(550_000m, Dec(march["additionalRevenue"]));
    }

    [Fact]
    public async Task By_partner_the_total_weighs_every_partner_and_vietnam_has_no_china_duties()
    {
        var doc = await server.GetJson("/api/v1/indicators?from=2025-01-01&to=2025-01-31&by=partner");
        var s = doc["series"]![0]!;
        Assert.Equal("partner", (string?)s["by"]);
        // all partners on 2025-01-01: 250,000 of Section 301 on valves from China over 1,900,000 = 13.158%
        Assert.Equal(0.131579m, Math.Round(Dec(At(s, "2025-01-01")["additionalRate"]), 6));
        var vn = s["groups"]!.AsArray().First(g => (string?)g!["group"] == "VN")!;
        Assert.Equal(400_000m, Dec(vn["tradeValue"]));
        Assert.Equal(0m, Dec(vn["additionalRate"]));
    }

    [Fact]
    public async Task Two_scenarios_give_two_series_and_a_second_ask_comes_from_memory()
    {
        const string url = "/api/v1/indicators?partner=CN&from=2025-08-01&to=2025-08-31&scenario=actual,truce-lapses-aug-2025";
        using var first = await server.Http.GetAsync(url);
        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());
        var doc = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        Assert.Equal(["actual", "truce-lapses-aug-2025"], doc["series"]!.AsArray().Select(x => (string)x!["scenario"]!));
        using var second = await server.Http.GetAsync(url);
        Assert.Equal("hit", second.Headers.GetValues("X-Tariffscope-Cache").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_claim_option_is_taken_as_on_the_command_line_and_the_answer_says_which()
    {
        // The built-in record holds the USMCA shares: expected duty (the default) weighs them; "all" claims USMCA for
        // Canada and Mexico (no flows of theirs here, so China's figures are the same under each).
        foreach (var (query, assumption) in new[] { ("", "expected"), ("&claim=none", "none"), ("&claim=all", "all"), ("&claim=CA=S", "all") })
        {
            var doc = await server.GetJson($"/api/v1/indicators?partner=CN&from=2025-01-01&to=2025-01-31{query}");
            var s = doc["series"]![0]!;
            Assert.Equal(assumption, (string?)s["claims"]!["assumption"]);
        }
        var none = await server.GetJson("/api/v1/indicators?partner=CN&from=2025-01-01&to=2025-01-31");
        Assert.Contains("expected duty", (string?)none["series"]![0]!["claims"]!["description"]);
        using var bad = await server.Http.GetAsync("/api/v1/indicators?claim=CA");
        var p = await ServerFixture.AssertProblem(bad, 400);
        Assert.Contains("PARTNER=PROGRAMME", p["errors"]!["claim"]![0]!.ToString());
    }

    [Fact]
    public async Task Bad_parameters_are_named_in_one_400()
    {
        using var r = await server.Http.GetAsync("/api/v1/indicators?partner=CHN&from=2025-13-01&by=country");
        var p = await ServerFixture.AssertProblem(r, 400);
        Assert.Contains("CHN", p["errors"]!["partner"]![0]!.ToString());
        Assert.Contains("YYYY-MM-DD", p["errors"]!["from"]![0]!.ToString());
        Assert.Contains("none, partner, hs2 or measure", p["errors"]!["by"]![0]!.ToString());
    }

    [Fact]
    public async Task An_unknown_scenario_and_a_partner_with_no_flows_are_404s()
    {
        using var r = await server.Http.GetAsync("/api/v1/indicators?scenario=actual,no-such");
        var p = await ServerFixture.AssertProblem(r, 404);
        Assert.Equal("scenario", (string?)p["field"]);
        Assert.Contains("no-such", ServerFixture.Detail(p));
        using var de = await server.Http.GetAsync("/api/v1/indicators?partner=DE");
        var q = await ServerFixture.AssertProblem(de, 404);
        Assert.Contains("from DE", ServerFixture.Detail(q));
        Assert.Contains("tariffscope data import-trade", ServerFixture.Detail(q));
    }

    [Fact]
    public async Task The_trade_status_lists_what_is_held()
    {
        var doc = await server.GetJson("/api/v1/trade");
        Assert.True((bool)doc["available"]!);
        var cn = doc["holdings"]!.AsArray().Single(h => (string?)h!["partner"] == "CN")!;
        Assert.Equal(2, (int)cn["rows"]!);
        Assert.Equal(1_500_000m, Dec(cn["value"]));
    }
}

/// <summary>Without trade data (the built-in workspace), the trade endpoints say how to import it.</summary>
[Collection(ServerCollection.Name)]
public class NoTradeDataApiTests(ServerFixture server)
{
    [Theory]
    [InlineData("/api/v1/indicators?partner=CN")]
    [InlineData("/api/v1/impact?scenario=truce-lapses-aug-2025&date=2025-08-20")]
    public async Task Indicators_and_scenario_impact_answer_409_saying_how_to_import(string url)
    {
        using var r = await server.Http.GetAsync(url);
        var p = await ServerFixture.AssertProblem(r, 409);
        Assert.Equal("No trade data", (string?)p["title"]);
        Assert.Contains("tariffscope data import-trade", ServerFixture.Detail(p));
    }

    [Fact]
    public async Task The_trade_status_says_none_is_held()
    {
        var doc = await server.GetJson("/api/v1/trade");
        Assert.False((bool)doc["available"]!);
        Assert.Contains("tariffscope data import-trade", (string?)doc["detail"]);
    }
}
