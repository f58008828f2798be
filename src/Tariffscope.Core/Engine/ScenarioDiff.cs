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
    ImmutableArray<LineDifference> Lines, ImmutableArray<MeasureDifference> ByMeasure);

/// <summary>
/// Where two scenarios disagree on a date: every line quoted under both (per unit of value, so rates compare
/// directly), largest differences first, and the differences attributed to the measures whose layers differ.
/// </summary>
public static class ScenarioDiffs
{
    /// <param name="lines">(code, origin, trade value or null) to compare; values weight "duty at stake".</param>
    public static ScenarioDifference Compare(TariffEngine a, TariffEngine b, DateOnly date, IEnumerable<(HtsCode Code, string Origin, decimal? Trade)> lines, string importer = "US")
    {
        var diffs = new List<LineDifference>();
        var perMeasure = new Dictionary<string, (string Title, int Lines, decimal Sum, decimal? Stake)>();
        int compared = 0, notRated = 0;
        foreach (var (code, origin, trade) in lines)
        {
            var entry = new EntryLine { Code = code, Origin = origin, Date = date, CustomsValue = 10_000m, Importer = importer };
            Quote qa, qb;
            try { qa = a.Quote(entry); qb = b.Quote(entry); }
            catch (RatingException) { notRated++; continue; }
            compared++;
            if (qa.Total == qb.Total) continue;
            var la = qa.Layers.ToDictionary(l => l.MeasureId);
            var lb = qb.Layers.ToDictionary(l => l.MeasureId);
            var measures = la.Keys.Union(lb.Keys)
                .Select(id => (id, delta: (lb.GetValueOrDefault(id)?.Amount ?? 0) - (la.GetValueOrDefault(id)?.Amount ?? 0),
                    title: (lb.GetValueOrDefault(id) ?? la[id]).Title))
                .Where(x => x.delta != 0).ToList();
            diffs.Add(new LineDifference(code, origin, qa.Description, qa.EffectiveRate, qb.EffectiveRate,
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
                .OrderByDescending(m => Math.Abs(m.DutyAtStake ?? m.AverageDifference * m.Lines)).ToImmutableArray());
    }
}
