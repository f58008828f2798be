using System.Diagnostics;
using Tariffscope.Data.Trade;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;
using Tariffscope.Trade;

namespace Tariffscope.Questions.Trade;

public sealed record IndicatorsRequest
{
    public string Importer { get; init; } = "US";
    /// <summary>Partners to weigh (countries, or a group Census reports as one partner, such as EU); none for every partner held.</summary>
    public IReadOnlyList<string> Partners { get; init; } = [];
    public DateOnly From { get; init; } = new(2025, 1, 1);
    /// <summary>The last date; the policy data's horizon when not given.</summary>
    public DateOnly? To { get; init; }
    public IReadOnlyList<string> Scenarios { get; init; } = [ScenarioCatalog.Actual];
    public IndicatorGrouping By { get; init; } = IndicatorGrouping.None;
    public int? Year { get; init; }
    public string Claim { get; init; } = "expected";
    /// <summary>Quantities of flows without them: "estimate" (from sourced unit values, e.g. crude oil a barrel) or
    /// "none" (a specific base rate counts only by its ad valorem part: the lower bound).</summary>
    public string Quantities { get; init; } = "estimate";
    /// <summary>Only the values in force on these dates (re-dated to them); every change date when empty.</summary>
    public IReadOnlyList<DateOnly> On { get; init; } = [];

    /// <summary>The request in one line, for caches: two requests with the same key have the same answer.</summary>
    public string Key => string.Join('|', Importer.ToUpperInvariant(), string.Join(',', Partners.Select(p => p.ToUpperInvariant()).Order()), From, To, string.Join(',', Scenarios.Select(n => n.ToLowerInvariant())),
        By, Year, Claim.Trim().ToUpperInvariant(), Quantities.Trim().ToLowerInvariant(), string.Join(',', On));
}

/// <summary>The answer of `tariffscope indicators --json` and of <c>GET /api/v1/indicators</c>.</summary>
public sealed record IndicatorsAnswer(string Schedule, IReadOnlyList<IndicatorSeries> Series, IReadOnlyList<string> Notes);

/// <summary>Import-weighted average tariffs over time per scenario, over the base-year flows held.</summary>
public sealed class IndicatorsQuestion(Rulebook rules, TradeData trade)
{
    /// <summary>Refuses what cannot be asked before any work: unknown scenarios, partners or claim options.</summary>
    public void Check(IndicatorsRequest r)
    {
        if (r.Scenarios.Count is 0 or > 6) throw new ArgumentException($"scenario: name 1 to 6 scenarios, found {r.Scenarios.Count}");
        foreach (var n in r.Scenarios) rules.Catalog.Resolve(n);
        foreach (var p in r.Partners) Origin.Resolve(rules.Catalog.ActualPolicy, p);
        if (ClaimBasis.Check(r.Claim) is { } claimError) throw new ArgumentException(claimError);
        UnitValueFile.ForOption(r.Quantities);
        if (r.To is { } to && to < r.From) throw new ArgumentException($"to: must not be before from ({r.From:yyyy-MM-dd})");
    }

    /// <exception cref="NoTradeDataException">No trade flows are held for the question.</exception>
    /// <remarks>A US question from 2025-01-01 on is a slice of the scenario's indicator horizon (every partner walked
    /// once from 2025-01-01 to the end of 2026, or to the policy horizon or the request's end if later), kept in memory and in the data directory's cache
    /// folder (<see cref="IndicatorHorizons"/>): any other span, partner subset or grouping of it costs no quote.
    /// Other questions are computed on their own.</remarks>
    public IndicatorsAnswer Ask(IndicatorsRequest r, CancellationToken ct = default)
    {
        Check(r);
        var clock = Stopwatch.StartNew();
        var w = rules.Workspace;
        var importer = r.Importer.Trim().ToUpperInvariant();
        var partners = r.Partners.Select(p => p.Trim().ToUpperInvariant()).Distinct().ToList();
        var claims = ClaimBasis.Parse(r.Claim, w.ClaimShares);
        var unitValues = UnitValueFile.ForOption(r.Quantities);
        var series = new List<IndicatorSeries>();
        var notes = new List<string>();
        if (importer == "US" && r.From >= IndicatorHorizon.DefaultStart)
        {
            var stamp = trade.RequireStamp();
            IReadOnlyList<TradeFlow>? all = null;
            Schedule? schedule = null;
            foreach (var name in r.Scenarios)
            {
                var policy = rules.Catalog.Resolve(name);
                var to = r.To ?? policy.Horizon;
                var end = IndicatorHorizon.EndFor(to, policy.Horizon);
                var key = IndicatorHorizonKey.Of(w, policy, stamp, importer, r.Year, IndicatorHorizon.DefaultStart, end, r.Claim, r.Quantities);
                var (horizon, source) = trade.Horizons.Get(key.Named, key.Content, token =>
                {
                    all ??= Flows(importer, r.Year, []);
                    schedule ??= IndicatorSetup.ScheduleFor(w, importer, all.Select(f => f.Code).Distinct());
                    var rater = IndicatorSetup.Rater(rules, policy, importer, schedule);
                    return TradeIndicators.ComputeHorizon(rater, all, new IndicatorRequest(importer, IndicatorHorizon.DefaultStart, end) { Basis = claims, UnitValues = unitValues }, token);
                }, ct);
                var x = TradeIndicators.Slice(policy, horizon, new IndicatorRequest(importer, r.From, to, r.By) { Basis = claims, UnitValues = unitValues }, partners, ct)
                    ?? throw NoFlows(importer, partners, r.Year);
                series.Add(r.On.Count == 0 ? x : x.On(r.On));
                var h = horizon.Stats;
                notes.Add($"{x.Scenario}: {x.Stats.Lines:N0} lines, {x.Stats.Dates} dates, 0 quotes: read from the indicator horizon " + source switch
                {
                    HorizonSource.Memory => "held in memory",
                    HorizonSource.Disk => "in the cache file",
                    _ => "computed now",
                } + $" ({horizon.From:yyyy-MM-dd} to {horizon.To:yyyy-MM-dd}, {h.Lines:N0} lines, {h.Dates} dates, {h.Quotes:N0} quotes, {h.Shared:N0} ratings shared between partners treated alike, {h.Reused:N0} kept from the date before, computed in {h.Elapsed.TotalSeconds:0.0} s)");
            }
        }
        else
        {
            var flows = Flows(importer, r.Year, partners);
            var schedule = IndicatorSetup.ScheduleFor(w, importer, flows.Select(f => f.Code).Distinct());
            foreach (var name in r.Scenarios)
            {
                var rater = IndicatorSetup.Rater(rules, name, importer, schedule);
                var x = TradeIndicators.Compute(rater, flows, new IndicatorRequest(importer, r.From, r.To ?? rater.Engine.Policy.Horizon, r.By) { Basis = claims, UnitValues = unitValues }, ct);
                series.Add(r.On.Count == 0 ? x : x.On(r.On));
            }
            notes.Add($"{flows.Count:N0} flows; " + string.Join("; ", series.Select(x => $"{x.Scenario}: {x.Stats.Dates} dates, {x.Stats.Quotes:N0} quotes, {x.Stats.Shared:N0} ratings shared between partners treated alike, {x.Stats.Reused:N0} kept from the date before")));
        }
        notes.Add($"computed in {clock.Elapsed.TotalSeconds:0.0} s");
        return new IndicatorsAnswer(importer == "US" ? w.UsSchedule.Description : w.ScheduleDescription(importer, r.From), series, notes);
    }

    private IReadOnlyList<TradeFlow> Flows(string importer, int? year, List<string> partners)
    {
        var flows = trade.Read(s => s.LatestYear(importer) is null ? [] : s.Read(importer, year, partners));
        return flows.Count > 0 ? flows : throw NoFlows(importer, partners, year);
    }

    private static NoTradeDataException NoFlows(string importer, List<string> partners, int? year) =>
        new($"the trade store holds no flows of importer {importer}" +
            (partners.Count > 0 ? $" from {string.Join(", ", partners)}" : "") + (year is { } y ? $" in {y}" : "") +
            $"; `tariffscope data trade-status` (GET /api/v1/trade) lists what is held, or {TradeData.ImportHint}", storeMissing: false);
}
