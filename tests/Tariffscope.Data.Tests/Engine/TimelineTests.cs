using Tariffscope.Engine;
using Tariffscope.Nomenclature;

namespace Tariffscope.Tests.Engine;

/// <summary>Timelines, deadlines and scenario differences; expected steps worked by hand from the legal rules.</summary>
public class TimelineTests
{
    private static EntryLine List3Line => new() { Code = HtsCode.Parse("9403.60.80.93"), Origin = "CN", Date = new(2025, 1, 1), CustomsValue = 10_000m };

    private static List<(string Date, decimal Rate)> Steps(string scenario) =>
        RateTimelines.Build(TestWorld.Engine(scenario), List3Line, new(2025, 1, 1), new(2026, 6, 30))
            .Steps.Select(s => (s.Date.ToString("yyyy-MM-dd"), s.RateAfter)).ToList();

    [Fact]
    public void List3_timeline_under_the_actual_rules()
    {
        // MFN Free throughout. S301 List 3 25% all along; fentanyl 10% from 02-04 (EO 14195), 20% from 03-04 (EO 14228),
        // 10% from 11-10 (EO 14357); reciprocal 10% from 04-05, 84% 04-09, 125% 04-10, 34% less 24 suspended points
        // = 10% from 05-14 (the 08-12 and 11-10 extensions keep it at 10%: no step); IEEPA ends 2026-02-24 and
        // Section 122 10% starts the same day.
        Assert.Equal(
        [
            ("2025-01-01", 0.25m), ("2025-02-04", 0.35m), ("2025-03-04", 0.45m), ("2025-04-05", 0.55m),
            ("2025-04-09", 1.29m), ("2025-04-10", 1.70m), ("2025-05-14", 0.55m), ("2025-11-10", 0.45m),
            ("2026-02-24", 0.35m),
        ], Steps("actual"));
    }

    [Fact]
    public void List3_timeline_when_the_truce_lapses_in_August_2025()
    {
        // As above until the Geneva suspension ends: 24 points return on 08-12 (10% -> 34%): 25 + 20 + 34 = 79%;
        // fentanyl falls to 10% on 11-10: 69%; IEEPA ends and Section 122 starts 2026-02-24: 35%.
        Assert.Equal(
        [
            ("2025-01-01", 0.25m), ("2025-02-04", 0.35m), ("2025-03-04", 0.45m), ("2025-04-05", 0.55m),
            ("2025-04-09", 1.29m), ("2025-04-10", 1.70m), ("2025-05-14", 0.55m), ("2025-08-12", 0.79m),
            ("2025-11-10", 0.69m), ("2026-02-24", 0.35m),
        ], Steps("truce-lapses-aug-2025"));
    }

    [Fact]
    public void Each_step_names_the_measure_or_suspension_that_caused_it()
    {
        var t = RateTimelines.Build(TestWorld.Engine("truce-lapses-aug-2025"), List3Line, new(2025, 1, 1), new(2026, 6, 30));
        var snap = t.Steps.Single(s => s.Date == new DateOnly(2025, 8, 12));
        Assert.Contains(snap.Causes, c => c.Contains("Geneva truce") && c.Contains("EO 14298"));
        var peak = t.Steps.Single(s => s.Date == new DateOnly(2025, 4, 10));
        Assert.Contains(peak.Causes, c => c.Contains("125%") && c.Contains("EO 14266"));
    }

    [Fact]
    public void Deadlines_as_known_at_the_Stockholm_talks_list_the_12_August_expiry_on_both_sides()
    {
        // On 2025-07-29 neither extension had been published (US EO 14334 on 08-11; China's on 08-11), so both Geneva
        // suspensions end on 2025-08-12 with nothing to follow.
        var known = TestWorld.Catalog.ActualPolicy.AsKnownOn(new DateOnly(2025, 7, 29));
        var deadlines = PolicyEvents.Deadlines(known, new DateOnly(2025, 7, 29), 90);
        var ends = deadlines.Where(d => d.Date == new DateOnly(2025, 8, 12) && d.Kind == EventKind.SuspensionEnds).ToList();
        Assert.Contains(ends, e => e.SuspensionId == "us-geneva-suspension" && e.Importer == "US" && e.What.Contains("10% -> 34%"));
        Assert.Contains(ends, e => e.SuspensionId == "cn-geneva-suspension" && e.Importer == "CN");
        Assert.All(ends, e => Assert.Contains("unless extended", e.What));
        // With hindsight the extension takes over the same day.
        var hindsight = PolicyEvents.Deadlines(TestWorld.Catalog.ActualPolicy, new DateOnly(2025, 7, 29), 90);
        Assert.Contains(hindsight, e => e.SuspensionId == "us-geneva-suspension" && e.What.Contains("extension takes over"));
    }

    [Fact]
    public void Scenario_diff_on_20_August_2025_shows_exactly_the_suspended_points()
    {
        var lines = TestWorld.UsCodes.Select(c => (HtsCode.Parse(c), "CN", (decimal?)null)).ToList();
        var diff = ScenarioDiffs.Compare(TestWorld.Engine(), TestWorld.Engine("truce-lapses-aug-2025"), new DateOnly(2025, 8, 20), lines);
        Assert.NotEmpty(diff.Lines);
        // Every line that differs differs by exactly the 24 suspended points of the reciprocal duty on China.
        Assert.All(diff.Lines, l => Assert.Equal(0.24m, l.Difference));
        var m = Assert.Single(diff.ByMeasure);
        Assert.Equal("us-ieepa-reciprocal-cn", m.MeasureId);
        Assert.Equal(0.24m, m.AverageDifference);
        // Annex II and the electronics carve-out are outside the reciprocal duty, so they do not differ.
        Assert.DoesNotContain(diff.Lines, l => l.Code.ToString() is "3004.90.92.44" or "8471.30.01.00");
    }

    [Fact]
    public void Scenario_diff_on_the_Chinese_side_shows_the_same_24_points()
    {
        var lines = new[] { (HtsCode.Parse("1201.90"), "US", (decimal?)1_000_000m) };
        var diff = ScenarioDiffs.Compare(TestWorld.Engine(), TestWorld.Engine("truce-lapses-aug-2025"), new DateOnly(2025, 8, 20), lines, importer: "CN");
        var l = Assert.Single(diff.Lines);
        Assert.Equal(0.24m, l.Difference);
        Assert.Equal(240_000m, l.DutyAtStake); // 24% of $1,000,000 of trade
    }
}
