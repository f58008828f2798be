using System.Text.Json.Nodes;
using Tariffscope.Data.Economics;
using Tariffscope.Economics;

namespace Tariffscope.Server.Tests;

/// <summary><c>POST /api/v1/impact</c>: a GSIM model in the model-file format, solved by the library.</summary>
[Collection(ServerCollection.Name)]
public class ImpactModelApiTests(ServerFixture server)
{
    // Two regions; China exports 100 to the US (rows exporters, columns importers), the US exports 40 to China.
    private static string Model(string usTariffOnChinaAfter) => $$"""
        {"regions": ["US", "CN"], "flows": [[0, 40], [100, 0]],
         "powerOfTariffBefore": [[1, 1.1], [1, 1]], "powerOfTariffAfter": [[1, 1.1], [{{usTariffOnChinaAfter}}, 1]],
         "importDemandElasticity": -1.25, "exportSupplyElasticity": 1.5, "substitutionElasticity": 5}
        """;

    private static async Task<JsonNode> Solve(ServerFixture server, string model)
    {
        using var r = await server.Http.PostAsync("/api/v1/impact", ServerFixture.Body(model, "application/json"));
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!;
    }

    [Fact]
    public async Task Without_a_shock_nothing_moves()
    {
        // Powers of tariff after equal those before: the base is the equilibrium, so every price change, surplus,
        // revenue change and welfare is zero and the flows after are the flows before.
        var d = await Solve(server, Model("1"));
        foreach (var g in d["regions"]!.AsArray())
            foreach (var f in new[] { "worldPriceChange", "domesticPriceChange", "consumerSurplus", "producerSurplus", "tariffRevenue", "welfare" })
                Assert.Equal(0, (double)g![f]!, 9);
        Assert.Equal(100, (double)d["flowsAfter"]![1]![0]!, 9);
        Assert.Equal(40, (double)d["flowsAfter"]![0]![1]!, 9);
        Assert.Empty(d["warnings"]!.AsArray());
    }

    [Fact]
    public async Task A_us_tariff_on_china_cuts_the_flow_raises_us_prices_and_lowers_chinas_export_price()
    {
        // The US puts 25% on China's goods (power 1 -> 1.25). By the model's logic, checked by hand in sign: the taxed
        // route shrinks (100 -> less), the US domestic price rises, China's world price falls (finite export supply:
        // exporters absorb part of the duty), the US collects revenue it did not before and China's producers lose.
        var d = await Solve(server, Model("1.25"));
        var us = d["regions"]![0]!;
        var cn = d["regions"]![1]!;
        Assert.InRange((double)d["flowsAfter"]![1]![0]!, 0, 99.999);
        Assert.True((double)us["domesticPriceChange"]! > 0);
        Assert.True((double)cn["worldPriceChange"]! < 0);
        Assert.True((double)us["tariffRevenue"]! > 0);
        Assert.True((double)cn["producerSurplus"]! < 0);
        Assert.Equal(["US → CN", "CN → US"], d["routes"]!.AsArray().Select(r => $"{r!["exporter"]} → {r["importer"]}"));

        // and the numbers are the library's, unchanged by the trip through HTTP
        var direct = GsimModel.Solve(GsimModelFile.Parse(Model("1.25")));
        Assert.Equal(direct.Welfare(0), (double)us["welfare"]!, 12);
        Assert.Equal(direct.FlowAfter(1, 0), (double)d["flowsAfter"]![1]![0]!, 12);
        Assert.Equal(direct.Totals.Welfare, (double)d["totals"]!["welfare"]!, 12);
    }

    [Fact]
    public async Task A_model_with_a_missing_field_is_a_400_naming_it()
    {
        using var r = await server.Http.PostAsync("/api/v1/impact", ServerFixture.Body("""{"regions": ["US"], "flows": [[0]]}""", "application/json"));
        var p = await ServerFixture.AssertProblem(r, 400);
        Assert.Equal("powerOfTariffBefore", (string?)p["field"]);
        Assert.Contains("missing field", ServerFixture.Detail(p));
        using var bad = await server.Http.PostAsync("/api/v1/impact", ServerFixture.Body("{\"regions\": [", "application/json"));
        Assert.Contains("malformed JSON", ServerFixture.Detail(await ServerFixture.AssertProblem(bad, 400)));
    }

    [Fact]
    public async Task A_scenario_impact_needs_a_scenario_a_date_and_a_known_level()
    {
        using var r = await server.Http.GetAsync("/api/v1/impact?level=hs4");
        var p = await ServerFixture.AssertProblem(r, 400);
        Assert.Contains("required", p["errors"]!["scenario"]![0]!.ToString());
        Assert.Contains("required", p["errors"]!["date"]![0]!.ToString());
        Assert.Contains("hs6, hs2 or total", p["errors"]!["level"]![0]!.ToString());
    }
}

/// <summary><c>GET /api/v1/impact</c> over the hand-made trade store of <see cref="TradeDataDir"/>.</summary>
public class ScenarioImpactApiTests(TradeDataFixture server) : IClassFixture<TradeDataFixture>
{
    [Fact]
    public async Task A_snap_back_on_china_diverts_imports_to_vietnam()
    {
        // On 2025-08-20 the truce's lapse raises China's reciprocal rate by 24 points (10% -> 34%) on the valves and
        // leaves Vietnam's 20% alone; laptops are outside the reciprocal duty (electronics memorandum). So China's
        // flow falls and Vietnam's rises; all three flows are rated.
        var d = await server.GetJson("/api/v1/impact?scenario=truce-lapses-aug-2025&baseline=actual&date=2025-08-20&level=hs2");
        Assert.Equal(3, (int)d["flowsRated"]!);
        var partners = d["partners"]!.AsArray().ToDictionary(p => (string)p!["partner"]!, p => (double)p!["flowChange"]!);
        Assert.True(partners["CN"] < 0, $"CN {partners["CN"]}");
        Assert.True(partners["VN"] > 0, $"VN {partners["VN"]}");
        Assert.Equal(1_900_000, (double)d["importsBefore"]!, 6);
        Assert.Equal("hs2", (string?)d["level"]);
    }
}
