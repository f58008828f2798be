using Tariffscope.Data.Trade;
using Tariffscope.Economics;
using Tariffscope.Nomenclature;

namespace Tariffscope.Data.Economics;

/// <summary>The shock a scenario gives, solved: the report, and what could not be rated.</summary>
public sealed record ScenarioImpactResult(ImpactReport Report, string Scenario, string Baseline, DateOnly Date, int FlowsRated, int FlowsNotRated, decimal ValueNotRated, string Schedule)
{
    /// <summary>Which preference claims both scenarios' tariffs assumed (expected, none or all).</summary>
    public Tariffscope.Trade.ClaimSummary Claims { get; init; } = Tariffscope.Trade.ClaimBasis.NoClaims.Summary();
}

/// <summary>
/// From a scenario to a shock: the tariffs of both scenarios on a date from the engine, the base-year flows from the
/// trade store, elasticities from a file (defaults with a visible note), then GSIM for every product group.
/// </summary>
public static class ScenarioImpact
{
    public static ScenarioImpactResult Run(Workspace w, string scenario, string baseline, DateOnly date, string importer = "US",
        ImpactLevel level = ImpactLevel.Hs6, ElasticityTable? elasticities = null, Tariffscope.Trade.ClaimBasis? claims = null, CancellationToken ct = default,
        GsimForm form = GsimForm.Linear)
    {
        ct.ThrowIfCancellationRequested();
        // default: expected duty, each flow's claimed share rated with its programme (USMCA), the rest without
        claims ??= Tariffscope.Trade.ClaimBasis.Expected(w.ClaimShares);
        if (!TradeStore.Exists(w.Directory))
            throw new InvalidOperationException($"no trade data in {w.Directory.Root}: load base-year flows first with `tariffscope data import-trade`");
        IReadOnlyList<Tariffscope.Trade.TradeFlow> flows;
        using (var store = TradeStore.Open(w.Directory))
            flows = store.Read(importer, store.LatestYear(importer));
        if (flows.Count == 0) throw new InvalidOperationException($"the trade store holds no flows into {importer}");
        // One revision answers on one date: rate against that one only (a lazily read revision costs one file).
        var revision = w.Schedules.TryGetValue(importer, out var full) ? full.On(date) : null;
        if (revision is null) throw new InvalidOperationException($"no {importer} schedule revision is in force on {date:yyyy-MM-dd}");
        var schedule = new Schedule([revision]);
        var before = IndicatorSetup.Rater(w, baseline, importer, schedule);
        var after = IndicatorSetup.Rater(w, scenario, importer, schedule);
        var rows = new List<ShockRow>(flows.Count);
        int notRated = 0; decimal valueNotRated = 0;
        foreach (var f in flows)
        {
            if ((rows.Count & 1023) == 0) ct.ThrowIfCancellationRequested(); // rating every flow twice is the long part
            var perValue = f.Quantity is { } q && f.Value > 0 ? q with { Amount = q.Amount / f.Value } : (Duties.Quantity?)null;
            var a = claims.Rate(before, f.Partner, f.Partner, f.Code, date, perValue);
            var b = claims.Rate(after, f.Partner, f.Partner, f.Code, date, perValue);
            if (!a.IsRated || !b.IsRated) { notRated++; valueNotRated += f.Value; continue; }
            rows.Add(new ShockRow(f.Code.Truncate(6).Digits, f.Partner, f.Value, a.Total, b.Total));
        }
        var partners = rows.Select(r => r.Partner).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var report = new ImpactRunner(elasticities ?? ElasticityFile.LoadBuiltIn(), form)
            .Run(ProductShocks.FromRows(importer, rows), partners, level);
        return new ScenarioImpactResult(report, scenario, baseline, date, rows.Count, notRated, valueNotRated, revision.Label) { Claims = claims.Summary() };
    }
}
