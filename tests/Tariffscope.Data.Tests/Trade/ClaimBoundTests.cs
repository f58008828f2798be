using Tariffscope.Data;
using Tariffscope.Data.Trade;
using Tariffscope.Nomenclature;
using Tariffscope.Trade;

namespace Tariffscope.Tests.Trade;

/// <summary>
/// A USMCA claim the engine cannot see: indicators rate without claims by default, and with <c>Claims</c> as if every
/// line that offers the programme were claimed — the two bounds. Worked by hand on the built-in sample schedule.
/// </summary>
public class ClaimBoundTests
{
    private static readonly Workspace World = Workspace.BuiltIn();

    private static TradeFlow Flow(string partner, string code, decimal value) =>
        new("US", partner, HtsCode.Parse(code), 2024, value, null, "hand-made");

    private static IndicatorPoint On(IndicatorSeries s, string group) => s.GroupOn(group, new DateOnly(2025, 4, 1))!;

    [Fact]
    public void A_claim_of_usmca_takes_canadian_goods_out_of_the_ieepa_duty_and_to_their_preferential_rate()
    {
        // 1 April 2025. Valves 8481.80.50 (MFN 3%) and sweaters 6110.20.20 (MFN 16.5%) both list S (USMCA, Free)
        // in the special column. Canada's IEEPA duty, 25% from 7 March 2025 (EO 14193 as amended; 9903.01.10), is
        // not owed on goods entered under USMCA. Japan's valves: MFN 3% only (the reciprocal duty starts 5 April).
        //   No claim:   Canada additional (25×100 + 25×300) / 400 = 25%; total (28×100 + 41.5×300) / 400 = 38.125%.
        //   Claim CA=S: both lines Free and exempt: 0% and 0%. Japan unchanged: 3% either way.
        TradeFlow[] flows = [Flow("CA", "8481.80.50", 100m), Flow("CA", "6110.20.20", 300m), Flow("JP", "8481.80.50", 200m)];
        var rater = IndicatorSetup.Rater(World.Rules(), "actual", "US", World.UsSchedule.Schedule);
        var request = new IndicatorRequest("US", new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 30));

        var none = TradeIndicators.Compute(rater, flows, request);
        Assert.Equal(0.25m, On(none, "CA").AdditionalRate);
        Assert.Equal(0.38125m, On(none, "CA").TotalRate);
        Assert.Equal(0.03m, On(none, "JP").TotalRate);

        var claimed = TradeIndicators.Compute(rater, flows, request with { Claims = new Dictionary<string, string> { ["CA"] = "S" } });
        Assert.Equal(0m, On(claimed, "CA").AdditionalRate);
        Assert.Equal(0m, On(claimed, "CA").TotalRate);
        Assert.Equal(0.03m, On(claimed, "JP").TotalRate);
        Assert.Equal("all", claimed.Claims.Assumption);
        Assert.Contains(claimed.Notes, n => n.Contains("every line that offers the programme rated as claimed (CA=S)"));
    }
}
