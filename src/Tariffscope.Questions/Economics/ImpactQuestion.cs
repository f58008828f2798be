using Tariffscope.Data.Economics;
using Tariffscope.Economics;
using Tariffscope.Nomenclature;
using Tariffscope.Questions.Trade;
using Tariffscope.Trade;

namespace Tariffscope.Questions.Economics;

/// <summary>The shock of a scenario against a baseline on a date, over the base-year flows held.</summary>
public sealed record ImpactRequest(string Scenario, DateOnly Date)
{
    public string Baseline { get; init; } = Policy.ScenarioCatalog.Actual;
    public string Importer { get; init; } = "US";
    public ImpactLevel Level { get; init; } = ImpactLevel.Hs6;
    /// <summary>Elasticities; the built-in defaults (with a visible note) when not given.</summary>
    public ElasticityTable? Elasticities { get; init; }
    public string Claim { get; init; } = "expected";
    /// <summary>The model's form: linear GSIM, or the exact CES model for large shocks.</summary>
    public GsimForm Form { get; init; } = GsimForm.Linear;
}

/// <summary>The shock a scenario gives, solved: the report, and what could not be rated.</summary>
public sealed record ScenarioImpactResult(ImpactReport Report, string Scenario, string Baseline, DateOnly Date, int FlowsRated, int FlowsNotRated, decimal ValueNotRated, string Schedule)
{
    /// <summary>Which preference claims both scenarios' tariffs assumed (expected, none or all).</summary>
    public ClaimSummary Claims { get; init; } = ClaimBasis.NoClaims.Summary();
}

/// <summary>
/// From a scenario to a shock: the tariffs of both scenarios on a date from the engine, the base-year flows from the
/// trade store, elasticities from a file (defaults with a visible note), then GSIM for every product group.
/// A partner that is a country group (Census's EU) is rated as one of its members, as indicators rate it.
/// </summary>
public sealed class ImpactQuestion(Rulebook rules, TradeData trade)
{
    /// <exception cref="NoTradeDataException">No base-year flows into the importer are held.</exception>
    public ScenarioImpactResult Ask(ImpactRequest r, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var (scenario, baseline, date, importer, level) = (r.Scenario, r.Baseline, r.Date, r.Importer.Trim().ToUpperInvariant(), r.Level);
        var w = rules.Workspace;
        // default: expected duty, each flow's claimed share rated with its programme (USMCA), the rest without
        var claims = ClaimBasis.Parse(r.Claim, w.ClaimShares);
        trade.RequireStamp();
        var flows = trade.LatestFlows(importer)
            ?? throw new NoTradeDataException($"the trade store holds no flows into {importer}; {TradeData.ImportHint}", storeMissing: false);
        // One revision answers on one date: rate against that one only (a lazily read revision costs one file).
        var revision = w.Schedules.TryGetValue(importer, out var full) ? full.On(date) : null;
        if (revision is null) throw new InvalidOperationException($"no {importer} schedule revision is in force on {date:yyyy-MM-dd}");
        var schedule = new Schedule([revision]);
        var before = IndicatorSetup.Rater(rules, baseline, importer, schedule);
        var after = IndicatorSetup.Rater(rules, scenario, importer, schedule);
        var ratedAs = flows.Select(f => f.Partner).Distinct().ToDictionary(p => p, p => TradeIndicators.RatingOrigin(after.Engine.Policy, p));
        var rows = new List<ShockRow>(flows.Count);
        int notRated = 0; decimal valueNotRated = 0;
        foreach (var f in flows)
        {
            if ((rows.Count & 1023) == 0) ct.ThrowIfCancellationRequested(); // rating every flow twice is the long part
            var perValue = f.Quantity is { } q && f.Value > 0 ? q with { Amount = q.Amount / f.Value } : (Duties.Quantity?)null;
            var a = claims.Rate(before, f.Partner, ratedAs[f.Partner], f.Code, date, perValue);
            var b = claims.Rate(after, f.Partner, ratedAs[f.Partner], f.Code, date, perValue);
            if (!a.IsRated || !b.IsRated) { notRated++; valueNotRated += f.Value; continue; }
            rows.Add(new ShockRow(f.Code.Truncate(6).Digits, f.Partner, f.Value, a.Total, b.Total));
        }
        var partners = rows.Select(r => r.Partner).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var report = new ImpactRunner(r.Elasticities ?? ElasticityFile.LoadBuiltIn(), r.Form)
            .Run(ProductShocks.FromRows(importer, rows), partners, level);
        return new ScenarioImpactResult(report, scenario, baseline, date, rows.Count, notRated, valueNotRated, revision.Label) { Claims = claims.Summary() };
    }

    /// <summary>The impact summed by sector: "section" (HS sections, from the codes) or "gtap" (GTAP sectors through
    /// the crosswalk file named); null when no grouping is asked.</summary>
    public static IReadOnlyList<SectorImpact>? Sectors(ScenarioImpactResult r, string? by, string? crosswalk)
    {
        if (by is null) return null;
        if (by != "gtap") return SectorImpact.BySection(r.Report);
        var gtap = GtapCrosswalk.Read(crosswalk ?? throw new ArgumentException("--crosswalk: the GTAP grouping needs the crosswalk file (HS10 to GTAP sector)"));
        return SectorImpact.By(r.Report, code => gtap.GetValueOrDefault(code));
    }
}
