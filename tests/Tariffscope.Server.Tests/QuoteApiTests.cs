using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Tariffscope.Server.Tests;

[Collection(ServerCollection.Name)]
public class QuoteApiTests(ServerFixture server)
{
    private const string SteelArticle = "/api/v1/quote?code=7326.90.86&origin=CN&date=2025-08-01&value=10000&metalShare=0.6";

    /// <summary>
    /// Worked by hand from the rules in force on 1 August 2025 for "other articles of iron or steel" (HTS 7326.90.86)
    /// from China, customs value $10,000, steel content 60%:
    ///   MFN 2.9%                                         0.029 × 10,000 =   290.00
    ///   Section 301 List 3, 9903.88.03, 25%               0.25 × 10,000 = 2,500.00
    ///   IEEPA fentanyl, 9903.01.24, 20% (EO 14228)        0.20 × 10,000 = 2,000.00
    ///   Section 232 steel derivative, 50% on the steel    0.50 ×  6,000 = 3,000.00
    ///   IEEPA reciprocal 34% less 24 suspended points (Geneva, EO 14298) = 10%,
    ///     not on the steel content (it yields to 232)     0.10 ×  4,000 =   400.00
    ///   total 8,190.00 = 81.9% of value
    /// </summary>
    [Fact]
    public async Task Quote_of_a_steel_derivative_from_China_adds_up_the_five_layers()
    {
        var q = await server.GetJson(SteelArticle);
        Assert.Equal(8190.00m, (decimal)q["totalDuty"]!);
        Assert.Equal(0.819m, (decimal)q["effectiveRate"]!);
        var layers = q["layers"]!.AsArray().ToDictionary(l => (string)l!["measure"]!, l => l!);
        Assert.Equal(290.00m, (decimal)layers["base"]["amount"]!);
        Assert.Equal(2500.00m, (decimal)layers["us-s301-list3"]["amount"]!);
        Assert.Equal("9903.88.03", (string)layers["us-s301-list3"]["heading"]!);
        Assert.Equal(2000.00m, (decimal)layers["us-ieepa-fentanyl-cn"]["amount"]!);
        Assert.Equal(400.00m, (decimal)layers["us-ieepa-reciprocal-cn"]["amount"]!);
        Assert.Equal(0.4m, (decimal)layers["us-ieepa-reciprocal-cn"]["share"]!);
        var s232 = layers.Single(kv => kv.Key.StartsWith("us-s232-steel", StringComparison.Ordinal)).Value;
        Assert.Equal(3000.00m, (decimal)s232["amount"]!);
        Assert.Equal(0.6m, (decimal)s232["share"]!);
        // every layer says where it comes from
        Assert.All(layers.Values, l => Assert.False(string.IsNullOrWhiteSpace((string?)l["source"]!["instrument"])));
    }

    /// <summary>
    /// The truce-lapses scenario removes the extensions of the Geneva suspension: from 12 August 2025 the whole 34%
    /// reciprocal duty applies. On 20 August the same line owes 0.34 × 4,000 = 1,360.00 instead of 400.00, so
    /// 290 + 2,500 + 2,000 + 3,000 + 1,360 = 9,150.00; under the actual rules (extended by EO 14334) still 8,190.00.
    /// </summary>
    [Fact]
    public async Task The_truce_lapses_scenario_charges_the_full_34_percent_on_the_non_steel_share()
    {
        var path = "/api/v1/quote?code=7326.90.86&origin=CN&date=2025-08-20&value=10000&metalShare=0.6";
        var actual = await server.GetJson(path);
        var lapsed = await server.GetJson(path + "&scenario=truce-lapses-aug-2025");
        Assert.Equal(8190.00m, (decimal)actual["totalDuty"]!);
        Assert.Equal(9150.00m, (decimal)lapsed["totalDuty"]!);
        Assert.Equal("truce-lapses-aug-2025", (string)lapsed["scenario"]!);
        var reciprocal = lapsed["layers"]!.AsArray().Single(l => (string)l!["measure"]! == "us-ieepa-reciprocal-cn")!;
        Assert.Equal("34%", (string)reciprocal["rate"]!);
        Assert.Equal(1360.00m, (decimal)reciprocal["amount"]!);
    }

    [Fact]
    public async Task Post_with_a_json_body_gives_the_same_quote_as_get()
    {
        var get = await server.GetJson(SteelArticle);
        using var response = await server.Http.PostAsJsonAsync("/api/v1/quote",
            new { code = "7326.90.86", origin = "CN", date = "2025-08-01", value = 10000, metalShare = 0.6 });
        Assert.Equal(200, (int)response.StatusCode);
        var post = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(JsonNode.DeepEquals(get, post), $"{get}\n{post}");
    }

    [Fact]
    public async Task A_specific_rate_uses_the_quantity_given()
    {
        // 0407.21.00: 2.8¢/doz. (MFN). From Germany, no additional China duties: 1,000 doz. × $0.028 = $28.00 base.
        var q = await server.GetJson("/api/v1/quote?code=0407.21.00.30&origin=DE&date=2025-03-01&value=3000&qty=1000&unit=doz.");
        var base_ = q["layers"]!.AsArray().Single(l => (string)l!["measure"]! == "base")!;
        Assert.Equal(28.00m, (decimal)base_["amount"]!);
    }

    [Fact]
    public async Task A_specific_rate_without_its_quantity_is_quoted_with_the_base_marked_as_needing_one()
    {
        // 0407.21.00 from Germany on 2025-03-01: no additional duty; the base 2.8¢/doz. cannot be computed without
        // the dozens, so it counts 0 and says what it needs.
        var q = await server.GetJson("/api/v1/quote?code=0407.21.00.30&origin=DE&date=2025-03-01&value=3000");
        var base_ = q["layers"]!.AsArray().Single(l => (string)l!["measure"]! == "base")!;
        Assert.Equal(0m, (decimal)base_["amount"]!);
        Assert.Contains(base_["notes"]!.AsArray(), n => ((string)n!).StartsWith("needs a quantity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_floor_over_a_specific_rate_without_its_quantity_is_refused_with_422_naming_the_quantity()
    {
        // 2025-09-01: the EU's 15% including MFN tops the base up, which needs the base in full.
        using var r = await server.Http.GetAsync("/api/v1/quote?code=0407.21.00.30&origin=DE&date=2025-09-01&value=3000");
        var p = await ServerFixture.AssertProblem(r, 422);
        Assert.Equal("quantity", (string?)p["field"]);
    }

    [Fact]
    public async Task A_quote_for_goods_of_canada_says_what_the_usmca_claim_changes()
    {
        // Valves 8481.80.50 from Canada, $1,000 on 20 March 2025: IEEPA 25% ($250) + MFN 3% ($30) = $280 without the
        // claim; with USMCA (S, Free in the special column, and exempt from the IEEPA duty) $0. Goods of China: no claim.
        var q = await server.GetJson("/api/v1/quote?code=8481.80.50&origin=CA&date=2025-03-20&value=1000");
        Assert.Equal(280m, q["totalDuty"]!.GetValue<decimal>());
        var c = q["claim"]!;
        Assert.Equal(("S", true), ((string?)c["program"], c["offered"]!.GetValue<bool>()));
        Assert.Equal((280m, 0m), (c["totalWithoutClaim"]!.GetValue<decimal>(), c["totalWithClaim"]!.GetValue<decimal>()));
        var cn = await server.GetJson("/api/v1/quote?code=8481.80.50&origin=CN&date=2025-03-20&value=1000");
        Assert.Null(cn["claim"]);
    }
}
