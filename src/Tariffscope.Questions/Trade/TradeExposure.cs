using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Trade;

namespace Tariffscope.Questions.Trade;

/// <summary>How much base-year trade a dated event touches: the lines its measure reaches, and their value.</summary>
public sealed record Exposure(int Products, decimal Value);

public static class TradeExposure
{
    /// <summary>
    /// The lines a scenario diff compares: with base-year trade in <paramref name="flows"/>, the lines actually traded
    /// from <paramref name="origin"/>, each weighed by its value (so the diff ranks by duty at stake, in dollars); else
    /// every leaf line of the revision (not Chapters 98–99), unweighted.
    /// </summary>
    public static IReadOnlyList<(HtsCode Code, string Origin, decimal? Trade)> DiffLines(
        ScheduleRevision revision, string origin, IReadOnlyList<TradeFlow>? flows)
    {
        var traded = flows?.Where(f => f.Partner == origin).ToList();
        if (traded is { Count: > 0 })
            return traded
                // A statistical suffix the revision lacks is rated at its 8-digit line, where rates are set.
                .GroupBy(f => revision.Find(f.Code) is null && revision.Find(f.Code.Truncate(8)) is not null ? f.Code.Truncate(8) : f.Code)
                .Select(g => (g.Key, origin, (decimal?)g.Sum(f => f.Value))).ToList();
        return revision.LeafLines().Where(l => !l.Code.Digits.StartsWith("98") && !l.Code.Digits.StartsWith("99"))
            .Select(l => (l.Code, origin, (decimal?)null)).ToList();
    }

    /// <summary>
    /// The flows an event's measure reaches on the day it matters: the event's own date when something starts or
    /// changes, the day before when something ends (the last day it was in force).
    /// </summary>
    public static Exposure Of(TariffEngine engine, PolicyEvent e, TradedLines lines)
    {
        var day = e.Kind is EventKind.MeasureEnds or EventKind.SuspensionEnds ? e.Date.AddDays(-1) : e.Date;
        var reach = engine.ReachOf(e.MeasureId, day);
        var traded = lines.Of(e.Importer);
        // most measures cover few origins: each partner is tested once, and a line none of whose partners is covered
        // costs no product test
        var covered = traded.Partners.Select(p => reach.Covers(p)).ToArray();
        if (!covered.Contains(true)) return new Exposure(0, 0m);
        int products = 0;
        decimal value = 0;
        foreach (var line in traded.Lines)
        {
            if (!line.Partners.Any(p => covered[p]) || !reach.TakesIn(line.Code)) continue;
            bool any = false;
            for (int i = 0; i < line.Partners.Length; i++)
            {
                int p = line.Partners[i];
                if (!covered[p] || !reach.Reaches(line.Code, traded.Partners[p])) continue;
                any = true;
                value += line.Values[i];
            }
            if (any) products++;
        }
        return new Exposure(products, value);
    }
}

/// <summary>Base-year flows by importer and line, partners numbered, so an event's exposure tests each partner and
/// each line's products once.</summary>
public sealed class TradedLines(IReadOnlyList<TradeFlow> flows)
{
    /// <summary>One line's flows: the partners (indexes into <see cref="Into.Partners"/>) and their values.</summary>
    public sealed record Line(HtsCode Code, int[] Partners, decimal[] Values);

    /// <summary>The flows into one importer. Partners are named as rated: the Census files carry the EU as one
    /// partner, and every US measure treats its members alike, so one stands for all.</summary>
    public sealed record Into(IReadOnlyList<string> Partners, IReadOnlyList<Line> Lines);

    private readonly Dictionary<string, Into> _byImporter = flows.GroupBy(f => f.Importer, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => Index(g.ToList()), StringComparer.Ordinal);

    public Into Of(string importer) => _byImporter.GetValueOrDefault(importer) ?? new([], []);

    private static Into Index(List<TradeFlow> flows)
    {
        var partners = flows.Select(f => RatedAs(f.Partner)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var number = partners.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        var lines = flows.GroupBy(f => f.Code.Digits, StringComparer.Ordinal)
            .Select(g => new Line(g.First().Code, g.Select(f => number[RatedAs(f.Partner)]).ToArray(), g.Select(f => f.Value).ToArray()))
            .ToList();
        return new Into(partners, lines);
    }

    private static string RatedAs(string partner) => partner == "EU" ? "DE" : partner;
}
