using Tariffscope.Duties;

namespace Tariffscope.Tests.Engine;

/// <summary>
/// Golden quotes. Every expected figure is worked by hand from the legal rules cited beside it, on a customs value
/// of $10,000 unless stated; none is copied from the engine's output.
/// </summary>
public class GoldenQuoteTests
{
    private const string List3 = "9403.60.80.93"; // wooden furniture: MFN Free, footnote 9903.88.03 (List 3)

    [Fact]
    public void List3_from_China_before_the_reciprocal_duty()
    {
        // 2025-03-15: S301 List 3 25% (9903.88.03) + IEEPA fentanyl 20% (EO 14228, 9903.01.24 from 2025-03-04)
        // + MFN Free. Reciprocal starts 2025-04-05. 2,500 + 2,000 = 4,500 (45%).
        var q = TestWorld.Quote(List3, "CN", "2025-03-15", 10_000m);
        Assert.Equal(2_500m, q.Layer("us-s301-list3"));
        Assert.Equal(2_000m, q.Layer("us-ieepa-fentanyl-cn"));
        Assert.DoesNotContain(q.Layers, l => l.Family == "ieepa-reciprocal");
        Assert.Equal(4_500m, q.Total);
        Assert.Equal(0.45m, q.EffectiveRate);
    }

    [Fact]
    public void List3_from_China_at_the_April_peak()
    {
        // 2025-04-12: 25% S301 + 20% fentanyl + 125% reciprocal (EO 14266 from 2025-04-10, 9903.01.63) = 170%.
        var q = TestWorld.Quote(List3, "CN", "2025-04-12", 10_000m);
        Assert.Equal(12_500m, q.Layer("us-ieepa-reciprocal-cn"));
        Assert.Equal("9903.01.63", q.Layers.Single(l => l.MeasureId == "us-ieepa-reciprocal-cn").Heading);
        Assert.Equal(17_000m, q.Total);
    }

    [Fact]
    public void List3_from_China_during_the_Geneva_truce()
    {
        // 2025-05-20: EO 14298 sets 34% and suspends 24 points until 2025-08-12 -> 10% (9903.01.25).
        // 25% + 20% + 10% = 55% -> 5,500.
        var q = TestWorld.Quote(List3, "CN", "2025-05-20", 10_000m);
        Assert.Equal(1_000m, q.Layer("us-ieepa-reciprocal-cn"));
        Assert.Contains(q.Layers.Single(l => l.MeasureId == "us-ieepa-reciprocal-cn").Notes, n => n.Contains("24 of 34 points suspended"));
        Assert.Equal(5_500m, q.Total);
    }

    [Fact]
    public void List3_from_China_after_the_November_2025_changes()
    {
        // 2025-11-15: fentanyl cut to 10% from 2025-11-10 (EO 14357); reciprocal 10% with 24 points suspended to
        // 2026-11-10 (EO 14358). 25% + 10% + 10% = 45% -> 4,500.
        var q = TestWorld.Quote(List3, "CN", "2025-11-15", 10_000m);
        Assert.Equal(1_000m, q.Layer("us-ieepa-fentanyl-cn"));
        Assert.Equal(1_000m, q.Layer("us-ieepa-reciprocal-cn"));
        Assert.Equal(4_500m, q.Total);
    }

    [Fact]
    public void List3_from_China_after_the_court_ruling()
    {
        // 2026-03-01: IEEPA duties ended 2026-02-24 (Learning Resources v. Trump); Section 122 10% (9903.03.01)
        // stacks on MFN + S301. 25% + 10% = 35% -> 3,500.
        var q = TestWorld.Quote(List3, "CN", "2026-03-01", 10_000m);
        Assert.DoesNotContain(q.Layers, l => l.Family is "ieepa-fentanyl" or "ieepa-reciprocal");
        Assert.Equal(1_000m, q.Layer("us-s122-surcharge"));
        Assert.Equal(3_500m, q.Total);
    }

    [Fact]
    public void List3_from_China_when_the_truce_lapses_in_August_2025()
    {
        // Scenario truce-lapses-aug-2025 on 2025-08-20: the extension (EO 14334) never happens, so the 24 points
        // snap back on 2025-08-12: 34% reciprocal. 25% + 20% + 34% = 79% -> 7,900.
        var q = TestWorld.Quote(List3, "CN", "2025-08-20", 10_000m, scenario: "truce-lapses-aug-2025");
        Assert.Equal(3_400m, q.Layer("us-ieepa-reciprocal-cn"));
        Assert.Equal(7_900m, q.Total);
        // The actual timeline on the same day: extension in force, 10% reciprocal, 55%.
        Assert.Equal(5_500m, TestWorld.Quote(List3, "CN", "2025-08-20", 10_000m).Total);
    }

    [Fact]
    public void Annex_II_good_from_China_owes_fentanyl_but_no_reciprocal()
    {
        // 3004.90.92.44 is in Annex II of EO 14257 (9903.01.32): exempt from reciprocal only; fentanyl 20% applies.
        var q = TestWorld.Quote("3004.90.92.44", "CN", "2025-05-20", 10_000m);
        Assert.Equal(2_000m, q.Total);
        Assert.Contains(q.Omitted, o => o.MeasureId == "us-ieepa-reciprocal-cn" && o.Reason.Contains("annex-ii"));
    }

    [Fact]
    public void Laptop_from_China_in_May_2025()
    {
        // 8471.30.01.00: MFN Free; not on a Section 301 list in force (List 4B never took effect); fentanyl 20%;
        // reciprocal excepted by the 11 April 2025 electronics memorandum. 20% -> 2,000.
        var q = TestWorld.Quote("8471.30.01.00", "CN", "2025-05-20", 10_000m);
        Assert.Equal(2_000m, q.Total);
        Assert.True(q.Omits("us-ieepa-reciprocal-cn"));
        Assert.DoesNotContain(q.Layers, l => l.Family == "s301");
    }

    [Fact]
    public void Steel_derivative_from_China_after_4_June_2025_with_a_metal_share()
    {
        // 7326.90.86.88, 2025-08-01, 60% steel content: MFN 2.9% (290) + S301 List 3 25% (2,500) + fentanyl 20%
        // (2,000) + S232 steel 50% on the steel content (Proclamation 10947): 0.5 x 6,000 = 3,000 + reciprocal 10% on
        // the non-steel 40% (9903.01.33 exempts only the 232-covered value): 0.1 x 4,000 = 400. Total 8,190.
        var q = TestWorld.Quote("7326.90.86.88", "CN", "2025-08-01", 10_000m, metalShare: 0.6m);
        Assert.Equal(290m, q.Base.Amount);
        Assert.Equal(3_000m, q.Layer("us-s232-steel-2025-06"));
        Assert.Equal(400m, q.Layer("us-ieepa-reciprocal-cn"));
        Assert.Equal(8_190m, q.Total);
    }

    [Fact]
    public void Steel_derivative_before_4_June_2025_owes_no_reciprocal()
    {
        // 2025-05-20: S232 25% on the full value (Proclamation 10896) and no reciprocal at all (9903.01.33).
        // 290 + 2,500 + 2,000 + 2,500 = 7,290.
        var q = TestWorld.Quote("7326.90.86.88", "CN", "2025-05-20", 10_000m, metalShare: 0.6m);
        Assert.True(q.Omits("us-ieepa-reciprocal-cn"));
        Assert.Equal(7_290m, q.Total);
    }

    [Fact]
    public void EU_good_with_MFN_below_15_percent_is_topped_up()
    {
        // 8481.80.50.90 from Germany on 2025-09-01: MFN 3% (300); EO 14326 (9903.02.20): 15% minus 3% = 12% (1,200).
        var q = TestWorld.Quote("8481.80.50.90", "DE", "2025-09-01", 10_000m);
        Assert.Equal(1_200m, q.Layer("us-ieepa-reciprocal-eu-floor"));
        Assert.Equal(1_500m, q.Total);
    }

    [Fact]
    public void EU_good_with_MFN_of_15_percent_or_more_gets_nothing_added()
    {
        // 6404.19.20.60 from France: MFN 37.5% >= 15% -> 9903.02.19, nothing added. Total 3,750.
        var q = TestWorld.Quote("6404.19.20.60", "FR", "2025-09-01", 10_000m);
        Assert.Equal(0m, q.Layer("us-ieepa-reciprocal-eu-floor"));
        Assert.Equal(3_750m, q.Total);
    }

    [Fact]
    public void EU_wine_with_a_specific_rate_uses_its_ad_valorem_equivalent()
    {
        // 2204.21.50.05 from Italy, $1,000 for 500 liters: MFN 6.3¢/liter = 500 x $0.063 = $31.50, an AVE of 3.15%.
        // The floor adds 15% - 3.15% = 11.85% of $1,000 = $118.50. Total $150.00 = 15%.
        var q = TestWorld.Quote("2204.21.50.05", "IT", "2025-09-01", 1_000m, quantities: new Quantity(500m, "liters"));
        Assert.Equal(31.50m, q.Base.Amount);
        Assert.Equal(118.50m, q.Layer("us-ieepa-reciprocal-eu-floor"));
        Assert.Equal(150.00m, q.Total);
    }

    [Fact]
    public void Japanese_car_part_under_the_15_percent_deal()
    {
        // 8708.99.68.90 from Japan on 2025-09-20: S232 parts at 15% including MFN (EO 14345, 9903.94.43):
        // 15% - 2.5% = 12.5% (1,250); the reciprocal duty yields to Section 232 (9903.01.33). 250 + 1,250 = 1,500.
        var q = TestWorld.Quote("8708.99.68.90", "JP", "2025-09-20", 10_000m);
        Assert.Equal(1_250m, q.Layer("us-s232-autos-jp"));
        Assert.True(q.Omits("us-ieepa-reciprocal-jp-floor"));
        Assert.Equal(1_500m, q.Total);
    }

    [Fact]
    public void Japanese_car_part_before_the_deal()
    {
        // 2025-06-01: S232 auto parts 25% (Proclamation 10908, from 2025-05-03) + MFN 2.5%; no reciprocal. 2,750.
        var q = TestWorld.Quote("8708.99.68.90", "JP", "2025-06-01", 10_000m);
        Assert.Equal(2_500m, q.Layer("us-s232-auto-parts"));
        Assert.Equal(2_750m, q.Total);
    }

    [Theory]
    // US soybeans into China, $10,000, China MFN 3% (300) + TC 2025 No. 2 10% (1,000, from 2025-03-10 to 2025-11-09):
    [InlineData("2025-04-15", 13_800)] // + TC Nos. 4–6: 125% (12,500) = 138%
    [InlineData("2025-05-20", 2_300)]  // + 34% with 24 points suspended (Geneva) = 10% (1,000) = 23%
    [InlineData("2025-11-15", 1_300)]  // No. 2 ended 2025-11-10; 24 points still suspended: 3% + 10% = 13%
    public void US_soybeans_entering_China(string date, int expected)
    {
        var q = TestWorld.Quote("1201.90", "US", date, 10_000m, importer: "CN");
        Assert.Equal(expected, q.Total);
    }

    [Fact]
    public void Layers_come_in_CBP_reporting_order_with_the_base_rate_last()
    {
        var q = TestWorld.Quote("7326.90.86.88", "CN", "2025-08-01", 10_000m, metalShare: 0.6m);
        Assert.Equal(["s301", "ieepa-fentanyl", "ieepa-reciprocal", "s232-steel", "base"], q.Layers.Select(l => l.Family));
    }
}
