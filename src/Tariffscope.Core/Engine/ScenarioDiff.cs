using System.Collections.Immutable;
using Tariffscope.Nomenclature;

namespace Tariffscope.Engine;

/// <summary>One line on which two scenarios disagree: the rates under each and the measures behind the difference.</summary>
public sealed record LineDifference(HtsCode Code, string Origin, string Description, decimal RateA, decimal RateB, ImmutableArray<string> Measures, decimal? TradeValue)
{
    public decimal Difference => RateB - RateA;
    /// <summary>Duty at stake on the line's trade value, when trade data is loaded.</summary>
    public decimal? DutyAtStake => TradeValue * Difference;
}

/// <summary>The difference attributed to one measure, summed over lines.</summary>
public sealed record MeasureDifference(string MeasureId, string Title, int Lines, decimal AverageDifference, decimal? DutyAtStake);

public sealed record ScenarioDifference(string A, string B, DateOnly Date, int LinesCompared, int LinesNotRated,
    ImmutableArray<LineDifference> Lines, ImmutableArray<MeasureDifference> ByMeasure)
{
    /// <summary>Which preference claims the rates assumed (expected, none or all).</summary>
    public Trade.ClaimSummary Claims { get; init; } = Trade.ClaimBasis.NoClaims.Summary();
}

/// <summary>
/// Where two scenarios disagree on a date: every line quoted under both (per unit of value, so rates compare
/// directly), largest differences first, and the differences attributed to the measures whose layers differ.
/// </summary>
public static class ScenarioDiffs
{
    /// <param name="lines">(code, origin, trade value or null) to compare; values weight "duty at stake".</param>
    /// <param name="claims">Preference claims assumed (default none): a line's claimed share is quoted with the
    /// programme under both scenarios, the rest without, and each measure's amount is the weighted sum.</param>
    public static ScenarioDifference Compare(TariffEngine a, TariffEngine b, DateOnly date, IEnumerable<(HtsCode Code, string Origin, decimal? Trade)> lines, string importer = "US",
        Trade.ClaimBasis? claims = null)
    {
        claims ??= Trade.ClaimBasis.NoClaims;
        var diffs = new List<LineDifference>();
        var perMeasure = new Dictionary<string, (string Title, int Lines, decimal Sum, decimal? Stake)>();
        int compared = 0, notRated = 0;
        foreach (var (code, origin, trade) in lines)
        {
            var entry = new EntryLine { Code = code, Origin = origin, Date = date, CustomsValue = 10_000m, Importer = importer };
            Quote qa, qb;
            Dictionary<string, (decimal Amount, string Title)> la, lb;
            try
            {
                qa = a.Quote(entry); qb = b.Quote(entry);
                var claim = claims.ClaimOn(origin, code, date);
                if (claim is { } c && !Trade.ClaimBasis.Offers(a, importer, code, date, c.Program)) claim = null;
                la = Amounts(qa, claim is { } ca ? a.Quote(entry with { Program = ca.Program }) : null, claim?.Share ?? 0);
                lb = Amounts(qb, claim is { } cb ? b.Quote(entry with { Program = cb.Program }) : null, claim?.Share ?? 0);
            }
            catch (RatingException) { notRated++; continue; }
            compared++;
            decimal totalA = la.Values.Sum(x => x.Amount), totalB = lb.Values.Sum(x => x.Amount);
            if (totalA == totalB) continue;
            var measures = la.Keys.Union(lb.Keys)
                .Select(id => (id, delta: (lb.TryGetValue(id, out var xb) ? xb.Amount : 0) - (la.TryGetValue(id, out var xa) ? xa.Amount : 0),
                    title: lb.TryGetValue(id, out var tb) ? tb.Title : la[id].Title))
                .Where(x => x.delta != 0).ToList();
            diffs.Add(new LineDifference(code, origin, qa.Description, totalA / entry.CustomsValue, totalB / entry.CustomsValue,
                measures.Select(m => $"{m.title} {(m.delta > 0 ? "+" : "")}{m.delta / entry.CustomsValue * 100m:0.##} pts").ToImmutableArray(), trade));
            foreach (var m in measures)
            {
                var rate = m.delta / entry.CustomsValue;
                var cur = perMeasure.GetValueOrDefault(m.id, (m.title, 0, 0m, trade is null ? null : 0m));
                perMeasure[m.id] = (m.title, cur.Lines + 1, cur.Sum + rate, trade is null ? cur.Stake : (cur.Stake ?? 0) + rate * trade.Value);
            }
        }
        return new ScenarioDifference(a.Policy.Name, b.Policy.Name, date, compared, notRated,
            diffs.OrderByDescending(d => Math.Abs(d.DutyAtStake ?? d.Difference)).ThenBy(d => d.Code).ToImmutableArray(),
            perMeasure.Select(kv => new MeasureDifference(kv.Key, kv.Value.Title, kv.Value.Lines, kv.Value.Sum / kv.Value.Lines, kv.Value.Stake))
                .OrderByDescending(m => Math.Abs(m.DutyAtStake ?? m.AverageDifference * m.Lines)).ToImmutableArray())
        { Claims = claims.Summary() };
    }

    /// <summary>Each measure's amount on the line as claimed: (1 − share) × unclaimed + share × claimed.</summary>
    private static Dictionary<string, (decimal Amount, string Title)> Amounts(Quote unclaimed, Quote? claimed, decimal share)
    {
        var map = new Dictionary<string, (decimal Amount, string Title)>();
        void Add(Quote q, decimal weight)
        {
            foreach (var l in q.Layers)
            {
                var (amount, _) = map.GetValueOrDefault(l.MeasureId, (0m, l.Title));
                map[l.MeasureId] = (amount + l.Amount * weight, l.Title);
            }
        }
        if (claimed is null || share <= 0) { Add(unclaimed, 1m); return map; }
        Add(unclaimed, 1m - share);
        Add(claimed, share);
        return map;
    }
}
