using CsCheck;
using Tariffscope.Controls;

namespace Tariffscope.Tests.Controls;

/// <summary>The engine's rules on small hand-made data: matching, needs-review, precedence, suspensions, time.</summary>
public class ControlEngineTests
{
    private static readonly Provenance Src = new("Test instrument", Link: "example.org");
    private static DateOnly D(string s) => DateOnly.Parse(s);

    private static ItemMatcher Items(string[]? hs = null, string[]? elements = null, string[]? contains = null,
        string[]? eccn = null, string[]? parameters = null, bool identify = false) =>
        new((hs ?? []).Select(Tagged.Parse).ToList(), (eccn ?? []).Select(Tagged.Parse).ToList(),
            (elements ?? []).Select(Tagged.Parse).ToList(), [],
            new ParameterTest((parameters ?? []).Select(p => (IReadOnlyList<ParameterCondition>)p.Split(" and ").Select(c => ParameterCondition.TryParse(c)!).ToList()).ToList()),
            (contains ?? []).Select(Tagged.Parse).ToList(), identify);

    private static Control C(string id, ItemMatcher items, ControlOutcome outcome, string from = "2025-01-01", string? through = null,
        string dest = "all", string exporter = "CN") =>
        new(id, exporter, id, Src, items, ControlReach.ExportOnly, new DestinationScope([new Tagged(dest)], []), outcome, "policy",
            new Validity(D(from), through is null ? null : D(through)));

    private static ControlScreener S(params Control[] controls) => new(new ControlSet(controls, [], [], []));
    private static ControlScreener S(Control[] controls, params ControlSuspension[] suspensions) => new(new ControlSet(controls, suspensions, [], []));

    [Theory]
    [InlineData("tpp >= 4800", "tpp", Comparison.AtLeast, "4800", false)]
    [InlineData("purity > 99.9", "purity", Comparison.Above, "99.9", false)]
    [InlineData("membw >= 4000?", "membw", Comparison.AtLeast, "4000", true)]
    [InlineData("TPP<21000", "tpp", Comparison.Below, "21000", false)]
    public void Parses_parameter_conditions(string text, string name, Comparison op, string value, bool unconfirmed)
    {
        var c = ParameterCondition.TryParse(text)!;
        Assert.Equal((name, op, decimal.Parse(value), unconfirmed), (c.Name, c.Op, c.Threshold, c.Unconfirmed));
    }

    [Theory]
    [InlineData("tpp => 4800")]
    [InlineData(">= 4800")]
    [InlineData("tpp >= lots")]
    public void Refuses_malformed_conditions(string text) => Assert.Null(ParameterCondition.TryParse(text));

    [Fact]
    public void Threshold_edges_are_exact()
    {
        // 3A090.a: tpp ≥ 4800, or tpp ≥ 1600 and pd ≥ 5.92. At exactly 4800 → controlled; 4799.99 with pd 5.91 → not.
        var s = S(C("a", Items(parameters: ["tpp >= 4800", "tpp >= 1600 and pd >= 5.92"], identify: true), ControlOutcome.PresumptionOfDenial, exporter: "US"));
        ControlOutcome At(decimal tpp, decimal pd) => s.Check(new("US", "CN", D("2025-06-01"),
            Parameters: new Dictionary<string, decimal> { ["tpp"] = tpp, ["pd"] = pd })).Outcome;
        Assert.Equal(ControlOutcome.PresumptionOfDenial, At(4800m, 1m));
        Assert.Equal(ControlOutcome.NoLicenceRequired, At(4799.99m, 5.91m));
        Assert.Equal(ControlOutcome.PresumptionOfDenial, At(1600m, 5.92m));
        Assert.Equal(ControlOutcome.NoLicenceRequired, At(1599.99m, 9m));
    }

    [Fact]
    public void HS_match_with_unknown_parameters_needs_review_never_clearance()
    {
        var s = S(C("g", Items(hs: ["3801100030"], parameters: ["purity > 99.9"]), ControlOutcome.LicenceRequired));
        var a = s.Check(new("CN", "DE", D("2025-06-01"), Hs: "3801.10.00.30"));
        Assert.Equal(ControlOutcome.NeedsReview, a.Outcome);
        Assert.Contains(a.Rules.Single().Missing, m => m.Contains("purity"));
    }

    [Fact]
    public void A_code_broader_than_the_controlled_one_needs_review()
    {
        // 8112 (chapter-level) covers 8112929010, but also uncontrolled items: cannot decide.
        var s = S(C("ga", Items(hs: ["8112929010"]), ControlOutcome.LicenceRequired));
        Assert.Equal(ControlOutcome.NeedsReview, s.Check(new("CN", "DE", D("2025-06-01"), Hs: "8112")).Outcome);
        Assert.Equal(ControlOutcome.LicenceRequired, s.Check(new("CN", "DE", D("2025-06-01"), Hs: "8112929010")).Outcome);
        Assert.Equal(ControlOutcome.NoLicenceRequired, s.Check(new("CN", "DE", D("2025-06-01"), Hs: "8113")).Outcome);
    }

    [Fact]
    public void Control_numbers_match_their_subparagraphs_and_assert_the_parameters()
    {
        var s = S(C("sm", Items(eccn: ["1C902"], parameters: ["purity >= 99"]), ControlOutcome.LicenceRequired));
        Assert.Equal(ControlOutcome.LicenceRequired, s.Check(new("CN", "DE", D("2025-06-01"), Eccn: "1C902.b")).Outcome);
        Assert.Equal(ControlOutcome.NoLicenceRequired, s.Check(new("CN", "DE", D("2025-06-01"), Eccn: "1C9020")).Outcome);
    }

    [Fact]
    public void Precedence_picks_the_strictest_and_lists_every_rule()
    {
        var s = S(C("lic", Items(elements: ["Ga"]), ControlOutcome.LicenceRequired),
                  C("pro", Items(elements: ["Ga"]), ControlOutcome.Prohibited, dest: "US"),
                  C("pod", Items(elements: ["Ga"]), ControlOutcome.PresumptionOfDenial),
                  C("rev", Items(hs: ["2825909001"], contains: ["Ga"]), ControlOutcome.Prohibited));
        var a = s.Check(new("CN", "US", D("2025-06-01"), Element: "Ga"));
        Assert.Equal(ControlOutcome.Prohibited, a.Outcome);
        Assert.Equal(["lic", "pod", "pro"], a.Rules.Select(r => r.ControlId).Order());
        // Outside the US the prohibition does not reach: presumption of denial wins over a licence.
        Assert.Equal(ControlOutcome.PresumptionOfDenial, s.Check(new("CN", "DE", D("2025-06-01"), Element: "Ga")).Outcome);
    }

    [Fact]
    public void Outcome_never_falls_below_needs_review_when_a_rule_might_apply()
    {
        // Property: adding facts can move an answer anywhere, but a query whose only candidate rule lacks a fact
        // is never "no licence required".
        var s = S(C("m", Items(hs: ["850511"], contains: ["Dy", "Tb"]), ControlOutcome.LicenceRequired));
        Gen.Select(Gen.Int[2019, 2030], Gen.Int[1, 12], Gen.Int[1, 28]).Sample((y, m, d) =>
        {
            var date = new DateOnly(y, m, d);
            var a = s.Check(new("CN", "DE", date, Hs: "8505.11.00"));
            return date < D("2025-01-01") ? a.Outcome == ControlOutcome.NoLicenceRequired : a.Outcome == ControlOutcome.NeedsReview;
        });
    }

    [Fact]
    public void Suspension_window_includes_its_first_and_last_day()
    {
        // Suspended from 2025-11-10 through 2026-11-09: paused on both of those days, back on 2026-11-10.
        var c = C("x", Items(elements: ["Ho"]), ControlOutcome.LicenceRequired, from: "2025-11-08");
        var s = S([c], new ControlSuspension("susp", ["x"], [], new Validity(D("2025-11-10"), D("2026-11-09")), Src));
        ControlOutcome On(string d) => s.Check(new("CN", "DE", D(d), Element: "Ho")).Outcome;
        Assert.Equal(ControlOutcome.NoLicenceRequired, On("2025-11-07"));
        Assert.Equal(ControlOutcome.LicenceRequired, On("2025-11-08"));
        Assert.Equal(ControlOutcome.LicenceRequired, On("2025-11-09"));
        Assert.Equal(ControlOutcome.NoLicenceRequired, On("2025-11-10"));
        Assert.Equal(ControlOutcome.NoLicenceRequired, On("2026-11-09"));
        Assert.Equal(ControlOutcome.LicenceRequired, On("2026-11-10"));

        var steps = s.ControlTimeline(new("CN", "DE", D("2025-01-01"), Element: "Ho"), D("2025-01-01"), D("2027-01-01"));
        Assert.Equal([D("2025-01-01"), D("2025-11-08"), D("2025-11-10"), D("2026-11-10")], steps.Select(x => x.Date));
        var a = s.Check(new("CN", "DE", D("2026-11-09"), Element: "Ho"));
        Assert.Equal(D("2026-11-09"), a.Rules.Single().SuspendedThrough);
        Assert.Contains("through 2026-11-09: licence required again from 2026-11-10", a.Summary);
    }

    [Fact]
    public void A_control_applies_on_its_last_day_and_not_the_day_after()
    {
        var s = S(C("x", Items(elements: ["Ga"]), ControlOutcome.LicenceRequired, from: "2025-04-09", through: "2025-07-13"));
        ControlOutcome On(string d) => s.Check(new("CN", "DE", D(d), Element: "Ga")).Outcome;
        Assert.Equal(ControlOutcome.NoLicenceRequired, On("2025-04-08"));
        Assert.Equal(ControlOutcome.LicenceRequired, On("2025-04-09"));
        Assert.Equal(ControlOutcome.LicenceRequired, On("2025-07-13"));
        Assert.Equal(ControlOutcome.NoLicenceRequired, On("2025-07-14"));
        // The end is an event on the first day without the rule, as in the tariff calendar.
        var ends = Assert.Single(s.ControlDeadlines(D("2025-07-01"), 30));
        Assert.Equal((DeadlineKind.ControlEnds, D("2025-07-14")), (ends.Kind, ends.Date));
        var steps = s.ControlTimeline(new("CN", "DE", D("2025-01-01"), Element: "Ga"), D("2025-01-01"), D("2025-12-31"));
        Assert.Equal([D("2025-01-01"), D("2025-04-09"), D("2025-07-14")], steps.Select(x => x.Date));
        Assert.Contains("x ends", steps[2].Why);
    }

    [Fact]
    public void A_one_day_span_is_valid_and_a_last_day_before_the_first_is_not()
    {
        var oneDay = new ControlSet([C("x", Items(elements: ["Ga"]), ControlOutcome.LicenceRequired, from: "2025-06-01", through: "2025-06-01")], [], [], []);
        Assert.Empty(oneDay.Problems());
        Assert.Equal(ControlOutcome.LicenceRequired, new ControlScreener(oneDay).Check(new("CN", "DE", D("2025-06-01"), Element: "Ga")).Outcome);
        var inverted = new ControlSet([C("x", Items(elements: ["Ga"]), ControlOutcome.LicenceRequired, from: "2025-06-01", through: "2025-05-31")], [], [], []);
        Assert.Contains(inverted.Problems(), p => p.Contains("through 2025-05-31 is before from 2025-06-01"));
    }

    [Fact]
    public void Overrides_set_aside_the_named_rule_only_while_the_overriding_rule_applies()
    {
        var strict = C("strict", Items(elements: ["Ga"]), ControlOutcome.PresumptionOfDenial);
        var relief = C("relief", Items(elements: ["Ga"]), ControlOutcome.LicenceRequired, from: "2026-01-15") with { Overrides = ["strict"] };
        var s = S(strict, relief);
        Assert.Equal(ControlOutcome.PresumptionOfDenial, s.Check(new("CN", "DE", D("2026-01-14"), Element: "Ga")).Outcome);
        var a = s.Check(new("CN", "DE", D("2026-01-15"), Element: "Ga"));
        Assert.Equal(ControlOutcome.LicenceRequired, a.Outcome);
        Assert.Equal(RuleStatus.Superseded, a.Rules.Single(r => r.ControlId == "strict").Status);
    }

    [Fact]
    public void Party_names_fold_case_punctuation_and_legal_suffixes()
    {
        Assert.Equal(NameMatch.Exact, PartyNames.Compare("sierra nevada corp.", "Sierra Nevada Corporation"));
        Assert.Equal(NameMatch.Possible, PartyNames.Compare("Huawei", "Huawei Technologies Co., Ltd."));
        Assert.Equal(NameMatch.None, PartyNames.Compare("Nevada Gold", "Sierra Nevada Corporation"));
    }

    [Fact]
    public void Scenario_overrides_refuse_unknown_ids()
    {
        var set = new ControlSet([C("x", Items(elements: ["Ho"]), ControlOutcome.LicenceRequired)], [], [], []);
        var e = Assert.Throws<ControlScenarioException>(() => set.With(ControlOverrides.None with { RemoveControls = ["y"] }, "s"));
        Assert.Contains("'y'", e.Message);
        var changed = set.With(ControlOverrides.None with { ChangeControls = [new ControlChange("x", Through: D("2025-12-31"))] }, "s");
        Assert.Equal(new Validity(D("2025-01-01"), D("2025-12-31")), changed.Controls.Single().When);
        var reopened = changed.With(ControlOverrides.None with { ChangeControls = [new ControlChange("x", ClearThrough: true)] }, "s2");
        Assert.Null(reopened.Controls.Single().When.Through);
    }

    [Fact]
    public void Answers_past_the_horizon_and_on_unconfirmed_identifiers_warn()
    {
        var set = new ControlSet([C("x", Items(hs: ["8505.11?"]), ControlOutcome.LicenceRequired)], [], [], [], Horizon: D("2026-03-04"));
        var a = new ControlScreener(set).Check(new("CN", "DE", D("2026-06-01"), Hs: "8505.11"));
        Assert.Contains(a.Warnings, w => w.Contains("horizon"));
        Assert.Contains(a.Warnings, w => w.Contains("unconfirmed") && w.Contains("8505.11"));
    }
}
