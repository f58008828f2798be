using Tariffscope.Controls;
using Tariffscope.Data.Controls;

namespace Tariffscope.Tests.Controls;

/// <summary>
/// Golden cases worked by hand from the announcements and rules (as summarised in the export-control reference
/// sheet), screened against the shipped data. Each comment shows the reasoning; none copies the engine's output.
/// </summary>
public class ControlGoldenTests
{
    private static readonly ControlScreener Actual = new(ControlData.LoadBuiltIn());
    private static ControlScreener Under(string scenario) => new(ControlScenarios.Apply(ControlData.LoadBuiltIn(), scenario));

    private static DateOnly D(string s) => DateOnly.Parse(s);
    private static Dictionary<string, decimal> P(params (string, decimal)[] kv) => kv.ToDictionary(k => k.Item1, k => k.Item2);

    private static RuleFinding Rule(ControlAnswer a, string id) =>
        a.Rules.SingleOrDefault(r => r.ControlId == id) ?? throw new Xunit.Sdk.XunitException($"rule {id} not in answer: {string.Join(", ", a.Rules.Select(r => r.ControlId))}");

    // NdFeB magnets containing Dy, China → a US car maker (no military end use).
    private static ControlQuery DyMagnets(string date) =>
        new("CN", "US", D(date), Hs: "8505.11", Element: "Dy", EndUser: "Detroit Motors Inc.");

    [Fact]
    public void Dy_magnets_before_Ann18_need_no_licence()
    {
        // 2025-03-01 < 2025-04-04 (Ann. 18/2025 effective date): no rare-earth control yet. Ann. 46/2024 para. 1
        // reaches US military users only; a car maker is not one. → no licence required.
        var a = Actual.Check(DyMagnets("2025-03-01"));
        Assert.Equal(ControlOutcome.NoLicenceRequired, a.Outcome);
        Assert.Empty(a.Rules);
        // What changes it: Ann. 18 comes into force on 2025-04-04 → licence required.
        var next = a.WhatWouldChange.First();
        Assert.Equal(D("2025-04-04"), next.Date);
        Assert.Equal(ControlOutcome.LicenceRequired, next.Outcome);
    }

    [Fact]
    public void Dy_magnets_after_Ann18_need_a_licence()
    {
        // 2025-05-01 ≥ 2025-04-04: Ann. 18/2025 lists Dy (and Tb-/Dy-containing NdFeB magnet materials), all
        // destinations, licence. Ann. 70/2025 does not suspend Ann. 18. → licence required.
        var a = Actual.Check(DyMagnets("2025-05-01"));
        Assert.Equal(ControlOutcome.LicenceRequired, a.Outcome);
        Assert.Equal(RuleStatus.Applies, Rule(a, "cn-ann18-rare-earths").Status);
        Assert.Equal(RuleStatus.Applies, Rule(a, "cn-ann18-magnets").Status);
        Assert.Contains("Announcement No. 18 of 2025", Rule(a, "cn-ann18-rare-earths").Source.Instrument);
        // The magnet heading 8505.11 is an assumed reference code: the answer must say so.
        Assert.Contains(a.Warnings, w => w.Contains("8505.11"));
    }

    [Fact]
    public void Magnets_by_HS_code_without_the_element_need_review_not_clearance()
    {
        // HS 8505.11 is only a reference code; Ann. 18 covers magnets containing Sm, Tb or Dy. Without the element
        // the rule can neither be applied nor excluded → needs review, never "no licence required".
        var a = Actual.Check(new ControlQuery("CN", "DE", D("2025-05-01"), Hs: "8505.11"));
        Assert.Equal(ControlOutcome.NeedsReview, a.Outcome);
        Assert.Equal(RuleStatus.NeedsReview, Rule(a, "cn-ann18-magnets").Status);
        Assert.Contains(Rule(a, "cn-ann18-magnets").Missing, m => m.Contains("element"));

        // Plain NdFeB (neodymium only) is not an Ann. 18 item → no licence.
        var nd = Actual.Check(new ControlQuery("CN", "DE", D("2025-05-01"), Hs: "8505.11", Element: "Nd"));
        Assert.Equal(ControlOutcome.NoLicenceRequired, nd.Outcome);
    }

    [Fact]
    public void Synthetic_graphite_by_HS_code_without_parameters_needs_review()
    {
        // Ann. 39/2023 controls synthetic graphite only when purity > 99.9 %, strength > 30 MPa and density
        // > 1.73 g/cm³. HS 3801100030 given, parameters not → needs review.
        var a = Actual.Check(new ControlQuery("CN", "DE", D("2024-06-01"), Hs: "3801100030"));
        Assert.Equal(ControlOutcome.NeedsReview, a.Outcome);
        // With parameters below the thresholds (purity 99.5 % ≤ 99.9 %) the item is not controlled.
        var low = Actual.Check(new ControlQuery("CN", "DE", D("2024-06-01"), Hs: "3801100030",
            Parameters: P(("purity", 99.5m), ("strength", 40m), ("density", 1.8m))));
        Assert.Equal(ControlOutcome.NoLicenceRequired, low.Outcome);
        // All three above: 99.95 > 99.9, 40 > 30, 1.8 > 1.73 → licence.
        var high = Actual.Check(new ControlQuery("CN", "DE", D("2024-06-01"), Hs: "3801100030",
            Parameters: P(("purity", 99.95m), ("strength", 40m), ("density", 1.8m))));
        Assert.Equal(ControlOutcome.LicenceRequired, high.Outcome);
    }

    // Holmium oxide from China (to Germany: no US-specific rule in play).
    private static ControlQuery Holmium(string date) => new("CN", "DE", D(date), Element: "holmium");

    [Fact]
    public void Holmium_oxide_on_9_November_2025_needs_a_licence()
    {
        // Ann. 57/2025 (Ho, Er, Tm, Eu, Yb) took effect 2025-11-08; Ann. 70's suspension starts 2025-11-10.
        // 2025-11-08 ≤ 2025-11-09 < 2025-11-10 → licence required.
        var a = Actual.Check(Holmium("2025-11-09"));
        Assert.Equal(ControlOutcome.LicenceRequired, a.Outcome);
        Assert.Equal(RuleStatus.Applies, Rule(a, "cn-ann57-rare-earths").Status);
        // Next change: the suspension begins the next day.
        Assert.Equal(D("2025-11-10"), a.WhatWouldChange.First().Date);
        Assert.Equal(ControlOutcome.NoLicenceRequired, a.WhatWouldChange.First().Outcome);
    }

    [Fact]
    public void Holmium_oxide_on_20_November_2025_is_suspended_through_9_November_2026()
    {
        // Ann. 70/2025 suspends Ann. 57 "until 2026-11-10", read as the rule applying again on 2026-11-10: the
        // suspension runs from 2025-11-10 through 2026-11-09. 2025-11-20 lies inside → no licence under that rule.
        var a = Actual.Check(Holmium("2025-11-20"));
        Assert.Equal(ControlOutcome.NoLicenceRequired, a.Outcome);
        var r = Rule(a, "cn-ann57-rare-earths");
        Assert.Equal(RuleStatus.Suspended, r.Status);
        Assert.Equal("cn-ann70-suspension", r.SuspendedBy);
        Assert.Equal(D("2026-11-09"), r.SuspendedThrough);
        Assert.Contains("through 2026-11-09: licence required again from 2026-11-10", a.Summary);
        Assert.Contains(a.Suspensions, s => s.SuspensionId == "cn-ann70-suspension" && s.Through == D("2026-11-09"));
        // What would change: licence required again from 2026-11-10.
        Assert.Equal(D("2026-11-10"), a.WhatWouldChange.First().Date);
        Assert.Equal(ControlOutcome.LicenceRequired, a.WhatWouldChange.First().Outcome);
        // The last day is still suspended; the day after is not.
        Assert.Equal(RuleStatus.Suspended, Rule(Actual.Check(Holmium("2026-11-09")), "cn-ann57-rare-earths").Status);
        Assert.Equal(ControlOutcome.LicenceRequired, Actual.Check(Holmium("2026-11-10")).Outcome);
    }

    private static ControlQuery Gallium(string date) => new("CN", "US", D(date), Hs: "8112929010", Element: "Ga");

    [Fact]
    public void Gallium_to_the_US_in_January_2025_is_prohibited_in_principle()
    {
        // Ann. 23/2023: Ga metal needs a licence (from 2023-08-01). Ann. 46/2024 para. 2 (from 2024-12-03): Ga to the
        // US "in principle not permitted". Its suspension starts only on 2025-11-09.
        // Precedence: prohibited > licence → prohibited. Both rules are listed.
        var a = Actual.Check(Gallium("2025-01-15"));
        Assert.Equal(ControlOutcome.Prohibited, a.Outcome);
        Assert.Equal(RuleStatus.Applies, Rule(a, "cn-ann46-p2-us-ga-ge-sb").Status);
        Assert.Equal(RuleStatus.Applies, Rule(a, "cn-ann23-gallium").Status);
    }

    [Fact]
    public void Gallium_to_the_US_in_December_2025_needs_a_licence_while_para_2_is_suspended()
    {
        // Para. 2 is suspended "to 2026-11-27", read as applying again on that day: from 2025-11-09 through
        // 2026-11-26. 2025-12-01 lies inside; Ann. 23/2023 still requires a licence.
        var a = Actual.Check(Gallium("2025-12-01"));
        Assert.Equal(ControlOutcome.LicenceRequired, a.Outcome);
        Assert.Equal(RuleStatus.Suspended, Rule(a, "cn-ann46-p2-us-ga-ge-sb").Status);
        Assert.Equal(D("2026-11-26"), Rule(a, "cn-ann46-p2-us-ga-ge-sb").SuspendedThrough);
        // The day after the suspension's last day (2026-11-27) the prohibition returns.
        Assert.Contains(a.WhatWouldChange, c => c.Date == D("2026-11-27") && c.Outcome == ControlOutcome.Prohibited);
        Assert.Equal(ControlOutcome.LicenceRequired, Actual.Check(Gallium("2026-11-26")).Outcome);
        Assert.Equal(ControlOutcome.Prohibited, Actual.Check(Gallium("2026-11-27")).Outcome);
    }

    [Fact]
    public void Gallium_timeline_shows_each_change()
    {
        // 2024-11-01 licence (Ann. 23) → 2024-12-03 prohibited (Ann. 46 ¶2) → 2025-11-09 licence (¶2 suspended)
        // → 2026-11-27 prohibited again (suspension ends).
        var steps = Actual.ControlTimeline(Gallium("2024-11-01"), D("2024-11-01"), D("2027-01-01"));
        Assert.Equal(
            [(D("2024-11-01"), ControlOutcome.LicenceRequired), (D("2024-12-03"), ControlOutcome.Prohibited),
             (D("2025-11-09"), ControlOutcome.LicenceRequired), (D("2026-11-27"), ControlOutcome.Prohibited)],
            steps.Select(s => (s.Date, s.Outcome)).ToList());
        Assert.Contains(steps[2].Why, w => w.Contains("cn-ann46-p2-suspension"));
    }

    // An Nvidia H20: FP16 dense 148 TFLOPS → 74 MAC-TOPS; TPP = 2 × 74 × 16 bits = 2368. Die 814 mm² →
    // PD = 2368 / 814 = 2.91. Memory bandwidth 4,000 GB/s; interconnect 900 GB/s.
    private static ControlQuery H20(string date, bool byName = false) => byName
        ? new("US", "CN", D(date), Product: "H20")
        : new("US", "CN", D(date), Parameters: P(("tpp", 2368m), ("pd", 2.91m), ("membw", 4000m), ("interconnect", 900m)));

    [Fact]
    public void H20_in_March_2025_needs_no_licence()
    {
        // 3A090.a: 2368 < 4800, and PD 2.91 < 5.92 → no. 3A090.b: 2368 < 2400 (first branch); PD 2.91 < 3.2
        // (second) → no. The is-informed letters came on 2025-04-09. → no licence required.
        var a = Actual.Check(H20("2025-03-01"));
        Assert.Equal(ControlOutcome.NoLicenceRequired, a.Outcome);
        Assert.Empty(a.Rules);
        Assert.Equal(D("2025-04-09"), a.WhatWouldChange.First().Date);
    }

    [Fact]
    public void H20_in_May_2025_needs_a_licence_indefinitely()
    {
        // 2025-04-09 ≤ 2025-05-01 ≤ 2025-07-13 (the day before the 2025-07-14 policy): the letters require a licence "for the indefinite future" (not a
        // codified presumption of denial) → licence required.
        foreach (var byName in new[] { false, true })
        {
            var a = Actual.Check(H20("2025-05-01", byName));
            Assert.Equal(ControlOutcome.LicenceRequired, a.Outcome);
            Assert.Equal(RuleStatus.Applies, Rule(a, "us-h20-letters").Status);
            Assert.Contains("indefinite", Rule(a, "us-h20-letters").Policy);
        }
        // Matched by bandwidth, the answer rests on the H20's own figures, which are unconfirmed thresholds.
        Assert.Contains(Actual.Check(H20("2025-05-01")).Warnings, w => w.Contains("membw"));
    }

    [Fact]
    public void H20_in_August_2025_needs_a_licence_that_is_approvable()
    {
        // From 2025-07-14 licences are to be granted: still licence required, under the later policy. The first
        // letters' last day is 2025-07-13.
        Assert.Equal(RuleStatus.Applies, Rule(Actual.Check(H20("2025-07-13")), "us-h20-letters").Status);
        Assert.DoesNotContain(Actual.Check(H20("2025-07-14")).Rules, r => r.ControlId == "us-h20-letters");
        var a = Actual.Check(H20("2025-08-01"));
        Assert.Equal(ControlOutcome.LicenceRequired, a.Outcome);
        Assert.Equal(RuleStatus.Applies, Rule(a, "us-h20-letters-approvable").Status);
        Assert.DoesNotContain(a.Rules, r => r.ControlId == "us-h20-letters");
        Assert.Contains("granted", a.Summary);
    }

    [Fact]
    public void H200_case_by_case_overrides_the_presumption_of_denial_from_January_2026()
    {
        // H200: FP16 dense 989 TFLOPS → TPP = 989 × 16 = 15,824 ≥ 4,800 → 3A090.a → to China: presumption of
        // denial (88 FR 73458). From 2026-01-15: TPP 15,824 < 21,000 and bandwidth 4,800 < 6,500 GB/s →
        // case-by-case licence, which sets the presumption aside.
        var q = new ControlQuery("US", "CN", D("2025-12-01"), Eccn: "3A090.a",
            Parameters: P(("tpp", 15824m), ("pd", 19.4m), ("membw", 4800m)));
        Assert.Equal(ControlOutcome.PresumptionOfDenial, Actual.Check(q).Outcome);
        var after = Actual.Check(q.On(D("2026-02-01")));
        Assert.Equal(ControlOutcome.LicenceRequired, after.Outcome);
        Assert.Equal(RuleStatus.Superseded, Rule(after, "us-3a090a-d5").Status);
        Assert.Equal("us-h200-case-by-case", Rule(after, "us-3a090a-d5").SupersededBy);
        // A B200-class chip (TPP ≈ 36,000 ≥ 21,000) stays under the presumption of denial.
        var b200 = q with { Date = D("2026-02-01"), Parameters = P(("tpp", 36000m), ("pd", 20m), ("membw", 8000m)) };
        Assert.Equal(ControlOutcome.PresumptionOfDenial, Actual.Check(b200).Outcome);
    }

    // A magnet made in Vietnam whose China-origin rare earths are 0.5 % of its value.
    private static ControlQuery VietnamMagnet(string date) =>
        new("VN", "US", D(date), Hs: "8505.11", Content: P(("CN-REE", 0.005m)));

    [Fact]
    public void Vietnamese_magnet_with_Chinese_REE_in_December_2025_is_not_caught_while_Ann61_is_suspended()
    {
        // Ann. 61/2025 Art. 1(a): foreign-made Part II items with ≥ 0.1 % China-origin REE value need a MOFCOM
        // licence from 2025-12-01. 0.5 % ≥ 0.1 %, so the rule reaches the magnet — but Ann. 70 suspends Ann. 61
        // from 2025-11-10 through 2026-11-09 → no licence under it.
        var a = Actual.Check(VietnamMagnet("2025-12-05"));
        Assert.Equal(ControlOutcome.NoLicenceRequired, a.Outcome);
        var r = Rule(a, "cn-ann61-foreign-content");
        Assert.Equal(RuleStatus.Suspended, r.Status);
        Assert.Equal(D("2026-11-09"), r.SuspendedThrough);
        // Ann. 18 binds exports from China only: not in play for a Vietnamese export.
        Assert.DoesNotContain(a.Rules, x => x.ControlId.StartsWith("cn-ann18", StringComparison.Ordinal));
    }

    [Fact]
    public void Vietnamese_magnet_after_the_suspension_ends_needs_a_licence_unless_renewed()
    {
        // controls-suspension-not-renewed: Ann. 70's suspension's last day is 2026-11-09 < 2026-11-15 → Ann. 61(a) applies → licence.
        var notRenewed = Under("controls-suspension-not-renewed").Check(VietnamMagnet("2026-11-15"));
        Assert.Equal(ControlOutcome.LicenceRequired, notRenewed.Outcome);
        Assert.Equal(RuleStatus.Applies, Rule(notRenewed, "cn-ann61-foreign-content").Status);
        Assert.Contains(notRenewed.Warnings, w => w.Contains("horizon")); // 2026-11-15 is past what the data knows

        // controls-suspension-renewed-2027 moves the last day to 2027-11-09 → still suspended → no licence under it.
        var renewed = Under("controls-suspension-renewed-2027").Check(VietnamMagnet("2026-11-15"));
        Assert.Equal(ControlOutcome.NoLicenceRequired, renewed.Outcome);
        Assert.Equal(D("2027-11-09"), Rule(renewed, "cn-ann61-foreign-content").SuspendedThrough);
        Assert.Equal(ControlOutcome.NoLicenceRequired, Under("controls-suspension-renewed-2027").Check(VietnamMagnet("2027-11-09")).Outcome);
        Assert.Equal(ControlOutcome.LicenceRequired, Under("controls-suspension-renewed-2027").Check(VietnamMagnet("2027-11-10")).Outcome);
    }

    [Fact]
    public void Vietnamese_magnet_below_the_threshold_or_without_content_data()
    {
        // 0.05 % < 0.1 % → Ann. 61(a) does not reach it.
        var low = Under("controls-suspension-not-renewed").Check(VietnamMagnet("2026-11-15") with { Content = P(("CN-REE", 0.0005m), ("CN-REE-TECH", 0m)) });
        Assert.Equal(ControlOutcome.NoLicenceRequired, low.Outcome);
        // Content share not given → cannot tell → needs review.
        var unknown = Under("controls-suspension-not-renewed").Check(VietnamMagnet("2026-11-15") with { Content = null });
        Assert.Equal(ControlOutcome.NeedsReview, unknown.Outcome);
    }

    [Fact]
    public void Military_end_use_in_the_US_is_prohibited()
    {
        // Ann. 46/2024 para. 1: dual-use items to US military users are prohibited, never suspended.
        var a = Actual.Check(DyMagnets("2025-12-01") with { EndUse = "military" });
        Assert.Equal(ControlOutcome.Prohibited, a.Outcome);
        Assert.Equal(RuleStatus.Applies, Rule(a, "cn-ann46-p1-us-military").Status);
    }

    [Fact]
    public void Control_list_party_follows_its_own_listing_and_suspensions()
    {
        // Sierra Nevada Corporation: listed 2025-04-04; suspended 2025-05-14 through 2025-08-11, extended from
        // 2025-08-12 through 2025-11-09; eased from 2025-11-10 (unconfirmed).
        var q = new ControlQuery("CN", "US", D("2025-04-20"), Element: "Ga", EndUser: "Sierra Nevada Corp");
        Assert.Equal(ControlOutcome.Prohibited, Actual.Check(q).Outcome);
        var suspended = Actual.Check(q.On(D("2025-09-01")));
        Assert.Equal(RuleStatus.Suspended, Rule(suspended, "cn-control-list-ban").Status);
        Assert.Equal("cn-cl-apr04-extension", Rule(suspended, "cn-control-list-ban").SuspendedBy);
        // From 2025-11-10 the easing rests on an unconfirmed report: the answer says so.
        var eased = Actual.Check(q.On(D("2025-11-20")));
        Assert.Contains(eased.Warnings, w => w.Contains("unconfirmed"));
    }

    [Fact]
    public void A_delisted_party_is_listed_through_the_day_before_its_removal()
    {
        // Insitu: on China's Control List by MOFCOM Ann. 22/2025 from 2025-04-10; lifted on 2025-08-12, so its
        // last day listed is 2025-08-11. Its listing was suspended from 2025-05-14 through 2025-08-11 (90 days,
        // Geneva). Before the suspension the ban applies; on the last day the listing stands but is suspended;
        // from the removal no rule reaches the party at all.
        var q = new ControlQuery("CN", "US", D("2025-04-20"), Element: "Ga", EndUser: "Insitu, Inc.");
        Assert.Equal(RuleStatus.Applies, Rule(Actual.Check(q), "cn-control-list-ban").Status);
        var lastDay = Rule(Actual.Check(q.On(D("2025-08-11"))), "cn-control-list-ban");
        Assert.Equal((RuleStatus.Suspended, "cn-cl-apr10-suspension"), (lastDay.Status, lastDay.SuspendedBy));
        Assert.DoesNotContain(Actual.Check(q.On(D("2025-08-12"))).Rules, r => r.ControlId == "cn-control-list-ban");
        Assert.Contains(Actual.ControlDeadlines(D("2025-08-01"), 30),
            d => d is { Kind: DeadlineKind.PartyDelisted, Id: "cn-cl-insitu" } && d.Date == D("2025-08-12"));
    }

    [Fact]
    public void Affiliates_rule_applies_then_is_suspended()
    {
        // 90 FR 47201 from 2025-09-29: a company ≥ 50 % owned by Huawei (Entity List) → presumption of denial.
        // Suspended 2025-11-10 to 2026-11-09 (returns 2026-11-10).
        var q = new ControlQuery("US", "MY", D("2025-10-15"), Eccn: "5A992", EndUser: "Some Subsidiary Sdn Bhd", EndUserOwner: "Huawei");
        Assert.Equal(ControlOutcome.PresumptionOfDenial, Actual.Check(q).Outcome);
        var later = Actual.Check(q.On(D("2025-12-01")));
        Assert.Equal(ControlOutcome.NoLicenceRequired, later.Outcome);
        Assert.Equal(D("2026-11-09"), Rule(later, "us-affiliates-rule").SuspendedThrough);
        // BIS: suspended "2025-11-10 through 2026-11-09": the last day is suspended, the rule is back the day after.
        Assert.Equal(ControlOutcome.NoLicenceRequired, Actual.Check(q.On(D("2026-11-09"))).Outcome);
        Assert.Equal(ControlOutcome.PresumptionOfDenial, Actual.Check(q.On(D("2026-11-10"))).Outcome);
    }

    [Fact]
    public void Deadlines_list_the_suspension_ends_of_November_2026()
    {
        // An end is dated the first day the rules apply again (the day after the suspension's last day).
        var list = Actual.ControlDeadlines(D("2026-03-04"), 365);
        Assert.Contains(list, d => d.Kind == DeadlineKind.SuspensionEnds && d.Id == "cn-ann70-suspension" && d.Date == D("2026-11-10"));
        Assert.Contains(list, d => d.Kind == DeadlineKind.SuspensionEnds && d.Id == "us-affiliates-suspension" && d.Date == D("2026-11-10"));
        Assert.Contains(list, d => d.Kind == DeadlineKind.SuspensionEnds && d.Id == "cn-ann46-p2-suspension" && d.Date == D("2026-11-27"));
        Assert.All(list, d => Assert.InRange(d.Date, D("2026-03-04"), D("2027-03-04")));
        Assert.Equal(list.OrderBy(d => d.Date).Select(d => d.Date), list.Select(d => d.Date));
    }
}
