using Tariffscope.Duties;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;
using Tariffscope.Trade;
using static Tariffscope.Tests.Trade.TradeTestWorld;

namespace Tariffscope.Tests.Trade;

/// <summary>
/// Quantities estimated from a unit value for flows that report none, worked by hand. Crude oil's MFN rates are
/// specific: 2709.00.10 (under 25° API) 5.25¢/bbl, 2709.00.20 (25° API or more) 10.5¢/bbl (HTS 2025 Basic Edition,
/// chapter 27). A line of value V at an assumed price P a barrel holds V / P barrels and owes V / P × the rate.
/// </summary>
public class UnitValueTests
{
    private static readonly DateOnly Jan1 = new(2024, 1, 1), Dec31 = new(2024, 12, 31);

    private static Schedule Crude()
    {
        TariffLine Line(string code, string general, TariffLine? parent = null) => new()
        {
            Code = HtsCode.Parse(code), Indent = parent is null ? 1 : 2, Description = code, GeneralText = parent is null ? general : "",
            General = parent is null ? DutyExpression.Parse(general) : null, Parent = parent, Units = ["bbl"],
        };
        var heavy = Line("2709.00.10", "5.25¢/bbl");
        var light = Line("2709.00.20", "10.5¢/bbl");
        return new([new ScheduleRevision("test", Jan1, "hand-written", [heavy, Line("2709.00.10.00", "", heavy), light, Line("2709.00.20.90", "", light)])]);
    }

    private static LineRater CrudeRater() => new(new TariffEngine(new Dictionary<string, Schedule> { ["US"] = Crude() }, TestPolicy(), "test"), Crude(), "US");

    /// <summary>$62.50 a barrel for all crude of 2024; $125.00 for the light line (a longer code wins).</summary>
    private static readonly UnitValues Prices = new([
        new UnitValue(HtsCode.Parse("2709"), 2024, 62.50m, "bbl", new Provenance("test price")),
        new UnitValue(HtsCode.Parse("2709.00.20"), 2024, 125.00m, "bbl", new Provenance("test light price")),
    ]);

    [Fact]
    public void A_crude_oil_line_owes_its_value_over_the_price_times_the_rate_per_barrel()
    {
        // Heavy crude V = $625,000 at $62.50/bbl → 10,000 bbl × 5.25¢ = $525.
        // Light crude V = $1,250,000 at $125.00/bbl (the longer code) → 10,000 bbl × 10.5¢ = $1,050.
        var report = DutyValidation.Run(CrudeRater(), [Flow("CA", "2709.00.10.00", 625_000m, 500m), Flow("CA", "2709.00.20.90", 1_250_000m, 1_000m)],
            Jan1, Dec31, unitValues: Prices);
        Assert.Equal(1_575m, report.Total.Computed);
        Assert.Equal(1_575m, report.Total.ComputedBase);
        // Both lines are reported as estimated, one entry per unit value used, and in the notes.
        Assert.Equal([("2709", 62.50m, 1, 625_000m), ("2709.00.20", 125.00m, 1, 1_250_000m)],
            report.QuantityEstimates.Select(e => (e.Code, e.Price, e.Lines, e.Value)));
        Assert.Equal(["CA"], report.QuantityEstimates[0].Partners.ToArray());
        Assert.Contains(report.Notes, n => n.StartsWith("quantity estimated", StringComparison.Ordinal) && n.Contains("2709.00.20 at US$125/bbl", StringComparison.Ordinal));
        Assert.Equal("none (quantity estimated)", report.ByMeasures.Single().Group);
    }

    [Fact]
    public void Without_unit_values_the_specific_base_stays_at_zero_the_lower_bound()
    {
        var report = DutyValidation.Run(CrudeRater(), [Flow("CA", "2709.00.10.00", 625_000m, 500m)], Jan1, Dec31);
        Assert.Equal(0m, report.Total.Computed);
        Assert.Empty(report.QuantityEstimates);
        Assert.Equal("none (specific base, no quantity)", report.ByMeasures.Single().Group);
    }

    [Fact]
    public void A_flow_with_its_own_quantity_keeps_it_and_another_year_is_not_estimated()
    {
        // 5,000 bbl reported on $625,000 → 5,000 × 5.25¢ = $262.50, whatever the unit value says.
        var own = DutyValidation.Run(CrudeRater(), [Flow("CA", "2709.00.10.00", 625_000m, qty: new Quantity(5_000m, "bbl"))], Jan1, Dec31, unitValues: Prices);
        Assert.Equal(262.50m, own.Total.Computed);
        Assert.Empty(own.QuantityEstimates);
        // A price of 2023 does not serve 2024 flows.
        var old = new UnitValues([new UnitValue(HtsCode.Parse("2709"), 2023, 62.50m, "bbl", new Provenance("test"))]);
        Assert.Equal(0m, DutyValidation.Run(CrudeRater(), [Flow("CA", "2709.00.10.00", 625_000m)], Jan1, Dec31, unitValues: old).Total.Computed);
    }

    [Fact]
    public void The_indicators_count_the_estimated_value_and_rate()
    {
        // $625,000 of heavy crude: $525 → 0.084% of value; the whole value is estimated.
        var s = TradeIndicators.Compute(CrudeRater(), [Flow("CA", "2709.00.10.00", 625_000m)],
            new IndicatorRequest("US", Start, new DateOnly(2025, 12, 31)) { UnitValues = Prices });
        var p = s.TotalOn(Start)!;
        Assert.Equal(0.00084m, p.TotalRate);
        Assert.Equal(1m, p.EstimatedQuantityShare);
        Assert.Equal(0m, p.BaseNeedsQuantityShare);
        Assert.Single(s.QuantityEstimates);
        // The lower bound is still there: no unit values, the base counts 0 and the value is reported as needing a quantity.
        var lower = TradeIndicators.Compute(CrudeRater(), [Flow("CA", "2709.00.10.00", 625_000m)], new IndicatorRequest("US", Start, new DateOnly(2025, 12, 31))).TotalOn(Start)!;
        Assert.Equal((0m, 0m, 1m), (lower.TotalRate, lower.EstimatedQuantityShare, lower.BaseNeedsQuantityShare));
    }

    [Fact]
    public void A_unit_value_must_be_positive_and_given_once()
    {
        Assert.Throws<ArgumentException>(() => new UnitValues([new UnitValue(HtsCode.Parse("2709"), 2024, 0m, "bbl", new Provenance("t"))]));
        Assert.Throws<ArgumentException>(() => new UnitValues([
            new UnitValue(HtsCode.Parse("2709"), 2024, 60m, "bbl", new Provenance("t")), new UnitValue(HtsCode.Parse("2709"), 2024, 70m, "bbl", new Provenance("t"))]));
    }
}
