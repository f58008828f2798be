using Tariffscope.Data;
using Tariffscope.Data.Trade;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Trade;

namespace Tariffscope.Tests.Trade;

/// <summary>
/// Expected duty: each line's share claimed in the month rated with the programme (USMCA), the rest without.
/// Worked by hand on the built-in sample schedule and the shipped policy.
/// </summary>
public class ExpectedDutyTests
{
    private static readonly Workspace World = Workspace.BuiltIn();

    private static TradeFlow Flow(string partner, string code, decimal value, decimal? collected = null) =>
        new("US", partner, HtsCode.Parse(code), 2024, value, collected, "hand-made");

    private static ClaimShareTable Table(string partner, DateOnly from, bool annual, params (string Code, decimal Share)[] shares) =>
        new("S", partner, from, annual, shares.ToDictionary(s => s.Code, s => s.Share), new Provenance("hand-made"));

    // Valves 8481.80.50 (MFN 3%) and sweaters 6110.20.20 (MFN 16.5%) offer S (USMCA, Free); furniture 9403.60.80
    // (MFN Free) offers nothing. From 7 March 2025 the IEEPA duty on Canada and on Mexico is 25%, not owed on goods
    // entered under USMCA. The sample schedule has the 8-digit lines: the 10-digit codes are rated there.
    private static readonly ClaimShares Shares = new([
        Table("CA", new DateOnly(2024, 1, 1), true, ("6110202010", 0.6m)),
        Table("CA", new DateOnly(2025, 3, 1), false, ("8481805090", 1m), ("6110202010", 0.5m)),
        Table("CA", new DateOnly(2025, 4, 1), false, ("8481805090", 1m), ("6110202010", 0.8m)),
        Table("MX", new DateOnly(2025, 3, 1), false, ("8481805090", 0m)),
    ]);

    private static readonly TradeFlow[] Flows =
    [
        Flow("CA", "8481.80.50.90", 100m),   // fully claimed (share 1)
        Flow("CA", "6110.20.20.10", 200m),   // half claimed in March (0.5), 0.8 in April
        Flow("CA", "9403.60.80.81", 100m),   // not in the tables: unclaimed (and S not offered)
        Flow("MX", "8481.80.50.90", 100m),   // listed at 0: unclaimed
    ];

    private static IndicatorSeries Series(ClaimBasis basis) =>
        TradeIndicators.Compute(IndicatorSetup.Rater(World.Rules(), "actual", "US", World.UsSchedule.Schedule), Flows,
            new IndicatorRequest("US", new DateOnly(2025, 3, 10), new DateOnly(2025, 4, 30)) { Basis = basis });

    [Fact]
    public void Expected_duty_weighs_each_line_by_its_claimed_share_of_the_month()
    {
        // Per $ of value, unclaimed: valves 25% additional, 28% total; sweaters 25% and 41.5%; furniture 25% and 25%.
        // Claimed: valves and sweaters 0% and 0%.
        //
        // March (20th), Canada ($400):
        //   valves    share 1   → 0
        //   sweaters  share 0.5 → additional 0.5 × 25% = 12.5% of $200 = $25;  total 0.5 × 41.5% = 20.75% of $200 = $41.50
        //   furniture no share  → additional 25% of $100 = $25;                 total $25
        //   additional (0 + 25 + 25) / 400 = 12.5%;  total (0 + 41.5 + 25) / 400 = 16.625%
        // April (20th): sweaters share 0.8 → additional 0.2 × 25% × 200 = $10; total 0.2 × 41.5% × 200 = $16.60
        //   additional (0 + 10 + 25) / 400 = 8.75%;  total (0 + 16.6 + 25) / 400 = 10.4%
        // Mexico's valves, listed at 0: 25% additional and 28% total in both months.
        var s = Series(ClaimBasis.Expected(Shares));
        var march = s.GroupOn("CA", new DateOnly(2025, 3, 20))!;
        var april = s.GroupOn("CA", new DateOnly(2025, 4, 20))!;
        Assert.Equal((0.125m, 0.16625m), (march.AdditionalRate, march.TotalRate));
        Assert.Equal((0.0875m, 0.104m), (april.AdditionalRate, april.TotalRate));
        Assert.Equal((0.25m, 0.28m), (s.GroupOn("MX", new DateOnly(2025, 3, 20))!.AdditionalRate, s.GroupOn("MX", new DateOnly(2025, 3, 20))!.TotalRate));
        Assert.Equal((0.25m, 0.28m), (s.GroupOn("MX", new DateOnly(2025, 4, 20))!.AdditionalRate, s.GroupOn("MX", new DateOnly(2025, 4, 20))!.TotalRate));
        // the month change is a date of the series, and April's shares hold from its first day
        Assert.Contains(new DateOnly(2025, 4, 1), s.Dates);
        Assert.Equal(0.0875m, s.Groups.Single(p => p.Group == "CA" && p.Date == new DateOnly(2025, 4, 1)).AdditionalRate);
        // the IEEPA family covers the unclaimed value: March sweaters 0.5 × 200 + furniture 100 = $200 of $400 = 50%
        Assert.Equal(0.5m, march.Families.Single(f => f.Family.Contains("ieepa")).CoveredShare);
        Assert.Equal("expected", s.Claims.Assumption);
        Assert.Contains(s.Notes, n => n.StartsWith("claims: expected duty"));
    }

    [Fact]
    public void The_bounds_are_no_claim_and_every_claim()
    {
        // No claim: Canada additional (25×100 + 25×200 + 25×100) / 400 = 25%; total (28 + 83 + 25) / 400 = 34%.
        // Every claim (CA=S, MX=S): valves and sweaters 0; furniture does not offer S: 25 / 400 = 6.25% both;
        // Mexico's valves 0.
        var none = Series(ClaimBasis.NoClaims);
        var all = Series(ClaimBasis.Parse("all", Shares));
        var d = new DateOnly(2025, 3, 20);
        Assert.Equal((0.25m, 0.34m), (none.GroupOn("CA", d)!.AdditionalRate, none.GroupOn("CA", d)!.TotalRate));
        Assert.Equal((0.0625m, 0.0625m), (all.GroupOn("CA", d)!.AdditionalRate, all.GroupOn("CA", d)!.TotalRate));
        Assert.Equal(0m, all.GroupOn("MX", d)!.TotalRate);
        Assert.Equal(("none", "all"), (none.Claims.Assumption, all.Claims.Assumption));
        // the bounds have no month dates of their own
        Assert.DoesNotContain(new DateOnly(2025, 4, 1), none.Dates);
    }

    [Fact]
    public void The_2024_validation_rates_with_the_annual_share()
    {
        // 1 July 2024: no IEEPA duty. Sweaters from Canada, $200, annual share 0.6: 0.4 × 16.5% = 6.6% → $13.20 computed.
        // Without claims: 16.5% → $33.00. Collected (hand-made) $14.
        TradeFlow[] flows = [Flow("CA", "6110.20.20.10", 200m, 14m)];
        var rater = IndicatorSetup.Rater(World.Rules(), "actual", "US", IndicatorSchedules.Backdated(World.UsSchedule.Schedule, new DateOnly(2024, 1, 1)));
        var expected = DutyValidation.Run(rater, flows, new DateOnly(2024, 7, 1), ClaimBasis.Expected(Shares));
        var none = DutyValidation.Run(rater, flows, new DateOnly(2024, 7, 1));
        Assert.Equal(13.2m, expected.Total.Computed);
        Assert.Equal(33m, none.Total.Computed);
        Assert.Equal(("expected", "none"), (expected.Claims.Assumption, none.Claims.Assumption));
    }

    /// <summary>The sample schedule with the 10-digit sweater line 6110.20.20.10 under its 8-digit line, so that
    /// quotes (which need the exact line) can look up its share.</summary>
    private static TariffEngine EngineWithSweaters()
    {
        var rev = World.UsSchedule.Schedule.Revisions[0];
        var lines = rev.Lines.ToList();
        var at = lines.FindIndex(l => l.Code.Digits == "61102020");
        lines.Insert(at + 1, new TariffLine { Code = HtsCode.Parse("6110.20.20.10"), Indent = lines[at].Indent + 1, Description = "sweaters", GeneralText = "", Parent = lines[at] });
        var schedule = new Schedule([new ScheduleRevision(rev.Name, rev.EffectiveDate, rev.Source, lines, rev.Importer)]);
        return IndicatorSetup.Rater(World.Rules(), "actual", "US", schedule).Engine;
    }

    [Fact]
    public void Scenario_diff_and_batch_rating_weigh_the_claimed_share()
    {
        var engine = EngineWithSweaters();
        var code = HtsCode.Parse("6110.20.20.10");
        var d = new DateOnly(2025, 3, 20);
        (HtsCode, string, decimal?)[] lines = [(code, "CA", 200m)];
        var expected = ScenarioDiffs.Compare(engine, engine, d, lines, "US", ClaimBasis.Expected(Shares));
        Assert.Equal((1, 0), (expected.LinesCompared, expected.Lines.Length));
        Assert.Equal("expected", expected.Claims.Assumption);

        var columns = new Tariffscope.Engine.Batch.ScenarioColumns("actual", engine);
        var rater = new Tariffscope.Engine.Batch.ScenarioRater(columns) { ExpectedClaims = ClaimBasis.Expected(Shares) };
        var families = new decimal[columns.FamilyCount];
        var entry = new EntryLine { Code = code, Origin = "CA", Date = d, CustomsValue = 1000m, Importer = "US" };
        // $1,000 half claimed: IEEPA 0.5 × 250 = $125, base 0.5 × 165 = $82.50: $207.50.
        Assert.Equal(207.50m, rater.Rate(entry, families, out var measures));
        Assert.Equal("us-ieepa-ca", measures);
        // a line with a programme is rated as claimed whatever the share
        Assert.Equal(0m, rater.Rate(entry with { Program = "S" }, new decimal[columns.FamilyCount], out _));
        // without expected claims a line without a programme pays in full: 250 + 165
        Assert.Equal(415m, new Tariffscope.Engine.Batch.ScenarioRater(columns).Rate(entry, new decimal[columns.FamilyCount], out _));
    }

    [Fact]
    public void A_quote_from_canada_says_what_the_usmca_claim_changes()
    {
        // $1,000 of sweaters on 20 March 2025: 25% IEEPA + 16.5% MFN = $415 without the claim, $0 with it; at the
        // March share 0.5 the expected duty is $207.50.
        var engine = World.Engine("actual");
        var entry = new EntryLine { Code = HtsCode.Parse("6110.20.20"), Origin = "CA", Date = new DateOnly(2025, 3, 20), CustomsValue = 1000m, Importer = "US" };
        var effect = ClaimValue.Of(engine, entry, "S", 0.5m, "2025-03");
        Assert.Equal((415m, 0m, 415m, 207.50m), (effect.TotalWithoutClaim, effect.TotalWithClaim, effect.Saving, effect.ExpectedTotal!.Value));
        Assert.Contains("USMCA (S) claim: duty $0.00 with it, $415.00 without", effect.Text);
        // furniture does not offer S: a claim changes nothing
        var furniture = ClaimValue.Of(engine, entry with { Code = HtsCode.Parse("9403.60.80") }, "S");
        Assert.False(furniture.Offered);
        Assert.Equal(furniture.TotalWithoutClaim, furniture.TotalWithClaim);
    }
}
