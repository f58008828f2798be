using System.Collections.Immutable;
using Tariffscope.Duties;
using Tariffscope.Policy;
using Tariffscope.Trade;
using static Tariffscope.Tests.Trade.TradeTestWorld;

namespace Tariffscope.Tests.Trade;

/// <summary>The year rated as a days-weighted mean of its rule segments, worked by hand.</summary>
public class DutyValidationYearTests
{
    private static readonly DateOnly Jan1 = new(2024, 1, 1), Dec31 = new(2024, 12, 31), Oct1 = new(2024, 10, 1);

    /// <summary>The test world with measure x (furniture, CN and JP) at 25% to 2024-09-30 and 50% from 2024-10-01.</summary>
    private static PolicySet Raised()
    {
        var p = TestPolicy();
        var x = p.Measures.Single(m => m.Id == "x");
        var raised = x with { Rates = [.. x.Rates, new RatePeriod(Oct1, DutyExpression.Parse("50%"))] };
        return p with { Measures = [.. p.Measures.Select(m => m.Id == "x" ? raised : m)] };
    }

    [Fact]
    public void A_rate_raised_on_1_October_weighs_by_its_days()
    {
        // 2024 is a leap year: 1 Jan–30 Sep = 31+29+31+30+31+30+31+31+30 = 274 days at 25%, 1 Oct–31 Dec = 31+30+31
        // = 92 days at 50%. Furniture (MFN Free) $100: (274 × 25% + 92 × 50%) / 366 = (68.5 + 46) / 366
        // = 114.5 / 366 = 31.2841…% → $31.2841… computed. Valves $300: 3% + 45% all year (measure y changes only in
        // 2025) → $144. Collected $25 + $125 = $150.
        var report = DutyValidation.Run(Rater(Raised()), [Flow("CN", "9403.60.80.93", 100m, 25m), Flow("CN", "8481.80.50.90", 300m, 125m)], Jan1, Dec31);
        var ch94 = report.Chapters.Single(c => c.Group == "94");
        Assert.Equal(31.2841530055m, Math.Round(ch94.Computed, 10));
        Assert.Equal(0m, ch94.ComputedBase);
        Assert.Equal(144m, report.Chapters.Single(c => c.Group == "84").Computed);
        Assert.Equal(175.2841530055m, Math.Round(report.Total.Computed, 10));
        Assert.Equal(150m, report.Total.Collected);
        // The segments: the start, and 1 October when x's rate changes.
        Assert.Equal([(Jan1, new DateOnly(2024, 9, 30), 274), (Oct1, Dec31, 92)], report.Segments.Select(s => (s.From, s.Through, s.Days)));
        Assert.Contains(report.Segments[1].Changes, c => c.Contains("x rate from 2024-10-01", StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_date_is_one_segment_and_the_old_answer()
    {
        // On 2024-07-01 the raised policy still charges 25%: $25 on the furniture, as before the raise.
        var report = DutyValidation.Run(Rater(Raised()), [Flow("CN", "9403.60.80.93", 100m, 25m)], new DateOnly(2024, 7, 1));
        Assert.Single(report.Segments);
        Assert.Equal(25m, report.Total.Computed);
    }

    [Fact]
    public void Rules_unchanged_over_the_year_give_the_rate_of_any_day()
    {
        // Nothing in the test world changes in 2024: valves 3% + 45% = 48% of $300 = $144 whatever the weighting.
        var report = DutyValidation.Run(Rater(), [Flow("CN", "8481.80.50.90", 300m, 125m)], Jan1, Dec31);
        Assert.Single(report.Segments);
        Assert.Equal(366, report.Segments[0].Days);
        Assert.Equal(144m, report.Total.Computed);
    }

    [Fact]
    public void Average_weighs_each_family_by_its_days()
    {
        // 10 days with family a at 20% (total 23%), 30 days with a at 20% and b at 40% on half the value (total 63%):
        // additional (10×0.20 + 30×0.60) / 40 = 20 / 40 = 50%; total (10×0.23 + 30×0.63) / 40 = 21.2 / 40 = 53%;
        // a: 20% on full value all 40 days → 20%, share 1; b: (30 × 0.40) / 40 = 30%, share (30 × 0.5) / 40 = 0.375.
        var first = new LineRating(0.20m, 0.23m, [new FamilyRate("a", 0.20m, 1m)], null, null, false);
        var second = new LineRating(0.60m, 0.63m, [new FamilyRate("a", 0.20m, 1m), new FamilyRate("b", 0.40m, 0.5m)], null, null, true);
        var avg = DutyValidation.Average([(first, 10), (second, 30)]);
        Assert.Equal((0.50m, 0.53m), (avg.Additional, avg.Total));
        Assert.Equal([new FamilyRate("a", 0.20m, 1m), new FamilyRate("b", 0.30m, 0.375m)], avg.Families.ToArray());
        Assert.True(avg.AtEightDigits);
    }

    [Fact]
    public void A_span_the_engine_cannot_rate_leaves_the_line_unrated()
    {
        var rated = new LineRating(0.25m, 0.25m, [], null, null, false);
        var unrated = LineRating.Unrated(Tariffscope.Engine.RatingProblem.UnknownCode, "no such code");
        Assert.False(DutyValidation.Average([(rated, 100), (unrated, 266)]).IsRated);
        Assert.Throws<ArgumentException>(() => DutyValidation.Average([]));
    }
}
