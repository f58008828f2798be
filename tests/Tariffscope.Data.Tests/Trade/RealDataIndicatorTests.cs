using Tariffscope.Data;
using Tariffscope.Data.Hts;
using Tariffscope.Data.Trade;
using Tariffscope.Trade;

namespace Tariffscope.Tests.Trade;

/// <summary>Indicators on the real 2024 imports from China and the real HTS (skipped without ../shared/data).</summary>
public sealed class RealDataIndicatorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tariffscope-real-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private async Task<IReadOnlyList<TradeFlow>> ChinaFlows()
    {
        var file = SharedData.Require("trade/us-imports-2024-hs10/5700.parquet");
        var dir = new DataDirectory(_root, "test");
        await TradeImporter.ImportAsync(dir, new TradeImportRequest(file));
        using var store = TradeStore.Open(dir);
        return store.Read("US", 2024);
    }

    private static IReadOnlyList<RevisionFile> Revisions(params string[] names)
    {
        var folder = Path.GetDirectoryName(SharedData.Require("hts/revision_dates.csv"))!;
        var dates = RevisionDates.Read(Path.Combine(folder, "revision_dates.csv"));
        return ScheduleLoader.FromFolder(folder, dates).Files.Where(f => names.Contains(f.Name)).ToList();
    }

    [SkippableFact]
    public async Task Computed_duty_on_China_in_2024_matches_collected_where_only_the_schedule_applies()
    {
        var flows = await ChinaFlows();
        var files = Revisions("basic");
        // 2024 rated with the rules of 2024-07-01 (MFN, Section 301, Section 232) on the 2025 basic edition read as
        // if in force then: the nearest schedule the data holds.
        var schedule = IndicatorSchedules.Backdated(IndicatorSchedules.For(files, flows.Select(f => f.Code).Distinct()), new DateOnly(2024, 1, 1));
        var rater = IndicatorSetup.Rater(Workspace.BuiltIn().Rules(), "actual", "US", schedule);
        var report = DutyValidation.Run(rater, flows, new DateOnly(2024, 7, 1));
        // Collected: $46.7 bn (10.87% of $429.4 bn, per the data's manifest).
        Assert.Equal(46.7m, Math.Round(report.Total.Collected / 1e9m, 1));
        Assert.True(report.Total.UnratedShare < 0.05m, $"{report.Total.UnratedShare:P1} of value not rated");
        // Lines no additional measure reaches owe the schedule's base rate alone: computed within 15% of collected
        // (the rest is Chapter 98 claims, Section 201 and lines renumbered between 2024 and 2025).
        var mfnOnly = report.ByMeasures.Single(r => r.Group == "none");
        Assert.InRange(mfnOnly.Gap / mfnOnly.Collected, -0.15m, 0.15m);
        // The engine cannot see Section 301 exclusions (9903.88.69/.70) or Chapter 98 claims: it charges more than
        // was collected on Section 301 lines, and in total more, but by less than a fifth.
        Assert.True(report.ByMeasures.Single(r => r.Group == "s301").Gap > 0);
        Assert.InRange(report.Total.Gap / report.Total.Collected, 0m, 0.20m);
    }

    [SkippableFact]
    public async Task The_reciprocal_duty_on_China_is_125_percent_in_April_and_10_percent_after_Geneva_on_the_value_it_covers()
    {
        var flows = await ChinaFlows();
        var files = Revisions("rev_9", "rev_12");
        var schedule = IndicatorSchedules.For(files, flows.Select(f => f.Code).Distinct());
        var rater = IndicatorSetup.Rater(Workspace.BuiltIn().Rules(), "actual", "US", schedule);
        var s = TradeIndicators.Compute(rater, flows, new IndicatorRequest("US", new DateOnly(2025, 4, 15), new DateOnly(2025, 5, 14), IndicatorGrouping.None));
        var april = s.TotalOn(new DateOnly(2025, 4, 15))!;
        var geneva = s.TotalOn(new DateOnly(2025, 5, 14))!;
        // Every line the reciprocal duty on China reaches pays 125% on the value it covers in mid-April and
        // 34% − 24 suspended points = 10% after Geneva, so the family's part of the average is exactly
        // 1.25 × its coverage, then 0.10 × its coverage.
        var aprilRecip = april.Families.Single(f => f.Family == "ieepa-reciprocal");
        var genevaRecip = geneva.Families.Single(f => f.Family == "ieepa-reciprocal");
        Assert.Equal(1.25m * aprilRecip.CoveredShare, aprilRecip.Rate, 6);
        Assert.Equal(0.10m * genevaRecip.CoveredShare, genevaRecip.Rate, 6);
        Assert.True(aprilRecip.CoveredShare > 0.5m, "most imports from China owe the reciprocal duty");
        Assert.True(april.AdditionalRate - geneva.AdditionalRate > 0.5m, "Geneva cut the average by more than 50 points");
        Assert.True(s.Stats.Quotes < (long)s.Stats.Lines * s.Stats.Dates, "ratings must be reused between dates");
    }

    [SkippableFact]
    public async Task Canada_and_mexico_in_2024_meet_the_record_once_usmca_claims_are_rated_as_made()
    {
        var files = Revisions("basic");
        var shares = ClaimShareFile.LoadFolder(SharedData.Require("lists/us/usmca-shares"));
        var dir = new DataDirectory(_root, "test");
        foreach (var code in new[] { "1220", "2010" })
            await TradeImporter.ImportAsync(dir, new TradeImportRequest(SharedData.Require($"trade/us-imports-2024-hs10/{code}.parquet")));
        IReadOnlyList<TradeFlow> flows;
        using (var store = TradeStore.Open(dir)) flows = store.Read("US", 2024);
        var schedule = IndicatorSchedules.Backdated(IndicatorSchedules.For(files, flows.Select(f => f.Code).Distinct()), new DateOnly(2024, 1, 1));
        var rater = IndicatorSetup.Rater(Workspace.BuiltIn().Rules(), "actual", "US", schedule);
        var none = DutyValidation.Run(rater, flows, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        var made = DutyValidation.Run(rater, flows, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), ClaimBasis.Expected(shares));
        foreach (var partner in new[] { "CA", "MX" })
        {
            var n = none.Partners.Single(p => p.Group == partner);
            var m = made.Partners.Single(p => p.Group == partner);
            // Collected (Census, 2024): Canada $0.41 bn of $411.7 bn, Mexico $1.25 bn of $503.4 bn. Without claims the
            // engine charges MFN on every line: more than ten times that. With the 2024 claim shares: within a fifth
            // (Canada −18%: its crude oil and fuels have specific rates and no quantities in the files, so their base
            // counts 0; Mexico −7.5%). See docs/indicators.md.
            Assert.True(n.Computed > 10 * n.Collected, $"{partner}: no-claim computed {n.Computed:N0} against collected {n.Collected:N0}");
            Assert.InRange(m.Gap / m.Collected, -0.20m, 0.05m);
        }
        Assert.Equal("expected", made.Claims.Assumption);
    }
}
