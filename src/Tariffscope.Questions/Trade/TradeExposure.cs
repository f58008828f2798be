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
    public static Exposure Of(TariffEngine engine, PolicyEvent e, IReadOnlyList<TradeFlow> flows)
    {
        var day = e.Kind is EventKind.MeasureEnds or EventKind.SuspensionEnds ? e.Date.AddDays(-1) : e.Date;
        var products = new HashSet<string>(StringComparer.Ordinal);
        decimal value = 0;
        foreach (var f in flows)
        {
            if (!PolicyEventsCover(engine, e, f, day)) continue;
            products.Add(f.Code.Digits);
            value += f.Value;
        }
        return new Exposure(products.Count, value);
    }

    // The Census files carry the EU as one partner; every US measure treats its members alike, so one stands for all.
    private static bool PolicyEventsCover(TariffEngine engine, PolicyEvent e, TradeFlow f, DateOnly day) =>
        f.Importer == e.Importer && engine.Reaches(e.MeasureId, f.Code, f.Partner == "EU" ? "DE" : f.Partner, day);
}
