namespace Tariffscope.Engine.Batch;

/// <summary>
/// Rates lines under one scenario into its result columns: the duty per measure family, the total and the ids of
/// the measures applied, from the engine's quote without the words (<see cref="QuoteDetail.Amounts"/>).
/// </summary>
/// <remarks>
/// A memo of earlier quotes (by code, origin, rule segment) was tried here and measured: once quotes skip the words,
/// a lookup with its key costs about what a quote does, and the memo lost on every file tried, spread dates or one.
/// </remarks>
public sealed class ScenarioRater(ScenarioColumns columns)
{
    private readonly TariffEngine _engine = columns.Engine;

    public ScenarioColumns Columns => columns;

    /// <summary>
    /// Rates <paramref name="entry"/>: adds each family's duty into <paramref name="families"/> (one slot per
    /// family of <see cref="Columns"/>) and returns the total. Throws <see cref="RatingException"/> as the engine does.
    /// </summary>
    public decimal Rate(EntryLine entry, Span<decimal> families, out string measures) => Rate(entry, families, out measures, out _);

    /// <summary>As <see cref="Rate(EntryLine, Span{decimal}, out string)"/>; <paramref name="partly"/> is true when the
    /// base rate needs a quantity the line lacks, so the total holds only the parts that could be computed.</summary>
    public decimal Rate(EntryLine entry, Span<decimal> families, out string measures, out bool partly)
    {
        var q = _engine.Quote(entry, QuoteDetail.Amounts);
        partly = q.BaseIncomplete;
        decimal total = 0;
        int additional = 0;
        foreach (var l in q.Layers)
        {
            var f = columns.FamilyIndex(l.Family);
            if (f < 0) throw new InvalidOperationException($"layer family '{l.Family}' has no column");
            families[f] += l.Amount;
            total += l.Amount;
            if (!l.IsBase) additional++;
        }
        measures = additional == 0 ? "" : string.Join(';', q.Layers.Where(l => !l.IsBase).Select(l => l.MeasureId));
        return total;
    }
}
