using Tariffscope.Duties;
using Tariffscope.Engine;
using Tariffscope.Trade;
using static Tariffscope.Tests.Trade.TradeTestWorld;

namespace Tariffscope.Tests.Trade;

public class TradeIndicatorsTests
{
    private static IndicatorSeries Run(IEnumerable<TradeFlow> flows, IndicatorGrouping by = IndicatorGrouping.Partner, Tariffscope.Nomenclature.Schedule? schedule = null) =>
        TradeIndicators.Compute(Rater(schedule: schedule), flows, new IndicatorRequest("US", Start, new DateOnly(2025, 12, 31), by));

    [Fact]
    public void Two_lines_from_China_average_by_hand()
    {
        // Furniture $100 at 25% (measure x), valves $300 at 45% (measure y):
        // additional = (25×100 + 45×300) / 400 = 16,000 / 400 = 40%.
        // Total adds MFN: furniture Free, valves 3% → (25×100 + 48×300) / 400 = 16,900 / 400 = 42.25%.
        var s = Run([Flow("CN", "9403.60.80.93", 100m), Flow("CN", "8481.80.50.90", 300m)]);
        var p = s.TotalOn(Start)!;
        Assert.Equal(0.40m, p.AdditionalRate);
        Assert.Equal(0.4225m, p.TotalRate);
        Assert.Equal(1m, p.RatedShare);
        // Static revenue per year: 0.4225 × 400 = $169.
        Assert.Equal(169m, p.TotalRevenue);
        // Family coverage: x covers $100 of $400 (25%) and adds 25×100/400 = 6.25 points; y covers 75%, adds 33.75.
        var x = p.Families.Single(f => f.Family == "fx");
        var y = p.Families.Single(f => f.Family == "fy");
        Assert.Equal((0.25m, 0.0625m), (x.CoveredShare, x.Rate));
        Assert.Equal((0.75m, 0.3375m), (y.CoveredShare, y.Rate));
    }

    [Fact]
    public void A_rate_change_makes_a_new_point_and_the_rest_is_reused()
    {
        // From 2025-06-01 measure y is 10%: (25×100 + 10×300) / 400 = 5,500 / 400 = 13.75%.
        var s = Run([Flow("CN", "9403.60.80.93", 100m), Flow("CN", "8481.80.50.90", 300m), Flow("JP", "9403.60.80.93", 200m)]);
        Assert.Equal(new[] { Start, JpStart, Change }, s.Dates.ToArray());
        Assert.Equal(0.1375m, s.GroupOn("CN", Change)!.AdditionalRate);
        Assert.Equal(0.40m, s.GroupOn("CN", Change.AddDays(-1))!.AdditionalRate);
        // Quotes: 3 lines on the first date; on 2025-03-01 the Japan-only measure (scope 8481) reaches no CN line
        // and not Japan's furniture; on 2025-06-01 measure y (CN, 8481) reaches the one valve line: 3 + 0 + 1 = 4.
        Assert.Equal(4, s.Stats.Quotes);
        Assert.Equal(3 * 3 - 4, s.Stats.Reused);
    }

    [Fact]
    public void Partners_the_rules_treat_alike_share_one_quote_per_code_and_date()
    {
        // No measure names KR or TW: both are "everyone else", so valves are quoted once for the two of them.
        // Valves MFN 3%, nothing additional: (3×300 + 3×100) / 400 = 3%.
        var s = Run([Flow("KR", "8481.80.50.90", 300m), Flow("TW", "8481.80.50.90", 100m)]);
        Assert.Equal(1, s.Stats.Quotes);
        Assert.Equal(1, s.Stats.Shared);
        Assert.Equal(0.03m, s.TotalOn(Start)!.TotalRate);
    }

    [Fact]
    public void Unrated_lines_count_as_zero_and_a_base_without_its_quantity_counts_as_partly_rated()
    {
        // $100 furniture (25%), $300 valves (45%), $600 of a code the schedule lacks, $200 wine with a specific MFN
        // rate (6.3¢/liter) and no quantity, on a line that prints no unit. The wine is rated, not left at zero: no
        // measure covers it (0% additional) and its base counts only as needing a quantity.
        // Additional = (2,500 + 13,500 + 0) / 1,200 = 13.333…%; rated share (100 + 300 + 200) / 1,200 = 1/2;
        // additional on rated value 16,000 / 600 = 26.67%; unknown code 600/1,200 = 50%; base needs quantity 200/1,200.
        var s = Run([Flow("CN", "9403.60.80.93", 100m), Flow("CN", "8481.80.50.90", 300m), Flow("CN", "0101.21.00.10", 600m), Flow("CN", "2204.21.50.05", 200m)]);
        var p = s.TotalOn(Start)!;
        Assert.Equal(16_000m / 1_200m, p.AdditionalRate * 100m, 10);
        Assert.Equal(600m / 1_200m, p.RatedShare, 10);
        Assert.Equal(160m / 600m, p.AdditionalRateRated!.Value, 10);
        Assert.Equal(0.5m, p.Unrated.Single(u => u.Problem == RatingProblem.UnknownCode).Share);
        Assert.DoesNotContain(p.Unrated, u => u.Problem == RatingProblem.MissingQuantity);
        Assert.Equal(200m / 1_200m, p.BaseNeedsQuantityShare, 10);
        Assert.Equal(1m, p.RatedShare + p.Unrated.Sum(u => u.Share), 10);
    }

    [Fact]
    public void A_line_an_exclusion_names_is_a_range_from_claimed_to_not_claimed()
    {
        // Measure x (25% on furniture) can be claimed away under "9903.88.69" on the lines of list "excl", which names
        // 9403.60.80.93 with a narrower product. Furniture $100, valves $300 (45%, no exclusion).
        // High (no claim): (25 + 135) / 400 = 40%. Low (claimed): (0 + 135) / 400 = 33.75%. Excludable: 100/400 = 25%.
        var list = new Tariffscope.Policy.ProductList("excl", "test exclusions", new Tariffscope.Provenance("test"),
            System.Collections.Immutable.ImmutableHashSet.Create("9403608093"), [])
        { Notes = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("9403608093", "a narrower product") };
        var policy = TestPolicy();
        var claim = new Tariffscope.Policy.ProgramClaim(["9903.88.69"], Tariffscope.Policy.ClaimEffect.Exempt, "excl",
            new Tariffscope.Validity(DateOnly.MinValue, null), new Tariffscope.Provenance("test"));
        policy = policy with
        {
            Lists = policy.Lists.Add("excl", list),
            Measures = [.. policy.Measures.Select(m => m.Id == "x" ? m with { Claims = [claim] } : m)],
        };
        var s = TradeIndicators.Compute(Rater(policy), [Flow("CN", "9403.60.80.93", 100m), Flow("CN", "8481.80.50.90", 300m)],
            new IndicatorRequest("US", Start, new DateOnly(2025, 12, 31), IndicatorGrouping.None));
        var p = s.TotalOn(Start)!;
        Assert.Equal(0.40m, p.AdditionalRate);
        Assert.Equal(0.3375m, p.AdditionalRateLow);
        Assert.Equal(0.25m, p.ExcludableShare);
    }

    [Fact]
    public void A_specific_rate_uses_the_base_year_unit_value()
    {
        // Wine $200 for 1,000 liters: MFN 6.3¢/liter → $63 = 31.5% of value; no measure covers 2204 → 0% additional.
        var s = Run([Flow("CN", "2204.21.50.05", 200m, qty: new Quantity(1_000m, "liters"))]);
        var p = s.TotalOn(Start)!;
        Assert.Equal(0.315m, p.TotalRate);
        Assert.Equal(0m, p.AdditionalRate);
    }

    [Fact]
    public void Without_a_quantity_a_specific_base_leaves_the_additional_duty_whole_and_the_total_a_lower_bound()
    {
        // Sparkling wine $400, MFN 19.8¢/liter, no quantity, measure z adds 10%; furniture $100 at 25%.
        // Additional = (10×400 + 25×100) / 500 = 6,500 / 500 = 13%. The wine's base is unknown, so the total
        // counts it as 0: (10×400 + 25×100) / 500 = 13% too; 400/500 = 80% of value has its base missing.
        var s = Run([Flow("CN", "2204.10.00.75", 400m), Flow("CN", "9403.60.80.93", 100m)]);
        var p = s.TotalOn(Start)!;
        Assert.True(p.Unrated.IsEmpty, string.Join("; ", p.Unrated.Select(u => u.Example)));
        Assert.Equal(0.13m, p.AdditionalRate);
        Assert.Equal(0.13m, p.TotalRate);
        Assert.Equal(1m, p.RatedShare);
        Assert.Equal(0.8m, p.BaseNeedsQuantityShare);
    }

    [Fact]
    public void A_ten_digit_code_missing_from_the_revision_is_rated_at_its_eight_digit_line()
    {
        // 9403.60.80.99 is not in the schedule but 9403.60.80 is: rated there, 25% additional, counted apart.
        var s = Run([Flow("CN", "9403.60.80.99", 100m)]);
        var p = s.TotalOn(Start)!;
        Assert.Equal(0.25m, p.AdditionalRate);
        Assert.Equal(1m, p.EightDigitShare);
    }

    [Fact]
    public void By_chapter_groups_add_up_to_the_total()
    {
        var s = Run([Flow("CN", "9403.60.80.93", 100m), Flow("CN", "8481.80.50.90", 300m), Flow("JP", "9403.60.80.93", 200m)], IndicatorGrouping.Chapter);
        var ch94 = s.GroupOn("94", Start)!;
        var ch84 = s.GroupOn("84", Start)!;
        // Chapter 94: $100 CN + $200 JP, both 25% (x covers CN and JP) → 25%. Chapter 84: $300 CN at 45%.
        Assert.Equal(0.25m, ch94.AdditionalRate);
        Assert.Equal(0.45m, ch84.AdditionalRate);
        Assert.Equal(s.TotalOn(Start)!.AdditionalRevenue, ch94.AdditionalRevenue + ch84.AdditionalRevenue);
    }

    [Fact]
    public void A_partner_that_is_a_group_is_rated_as_its_first_member_and_its_members_are_not_counted_twice()
    {
        // Partner XG (members JP, KR) is rated as JP: furniture 25% (x covers JP). KR is a member and also a
        // partner: shown apart, left out of the total. Total = XG alone = 25%, not (25×100 + 0×100)/200.
        var s = Run([Flow("XG", "9403.60.80.93", 100m), Flow("KR", "9403.60.80.93", 100m)]);
        Assert.Equal(0.25m, s.TotalOn(Start)!.AdditionalRate);
        Assert.Equal(100m, s.TotalOn(Start)!.TradeValue);
        Assert.Equal(0m, s.GroupOn("KR", Start)!.AdditionalRate);
        Assert.Contains(s.Notes, n => n.Contains("KR is also inside partner XG"));
    }

    [Fact]
    public void Flows_of_two_base_years_are_refused()
    {
        var flows = new[] { Flow("CN", "9403.60.80.93", 100m), Flow("CN", "8481.80.50.90", 300m) with { Year = 2023 } };
        Assert.Throws<ArgumentException>(() => Run(flows));
    }

    [Fact]
    public void Validation_compares_computed_with_collected_duty()
    {
        // On 2024-07-01: furniture $100 at 25% → $25; valves $300 at 3% + 45% → $144. Computed $169.
        // Collected $150 (an exclusion, say): gap $19, 19/150 = 12.67%.
        var report = DutyValidation.Run(Rater(), [Flow("CN", "9403.60.80.93", 100m, 25m), Flow("CN", "8481.80.50.90", 300m, 125m)], new DateOnly(2024, 7, 1));
        Assert.Equal(169m, report.Total.Computed);
        Assert.Equal(150m, report.Total.Collected);
        Assert.Equal(19m, report.Total.Gap);
        Assert.Equal(9m, report.Total.ComputedBase);
        var ch84 = report.Chapters.Single(c => c.Group == "84");
        Assert.Equal((144m, 125m), (ch84.Computed, ch84.Collected));
    }
}
