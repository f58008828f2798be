using System.Runtime.CompilerServices;
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
    /// When set, a line without a programme is rated at its expected claim (for planning): the line's claimed share
    /// of the month (USMCA for Canada and Mexico) quoted with the programme, the rest without, each layer's amount
    /// weighed and rounded to cents. A line with a programme is always rated as claimed.
    /// </summary>
    public Trade.ClaimBasis? ExpectedClaims { get; init; }

    /// <summary>
    /// Rates <paramref name="entry"/>: adds each family's duty into <paramref name="families"/> (one slot per
    /// family of <see cref="Columns"/>) and returns the total. Throws <see cref="RatingException"/> as the engine does.
    /// </summary>
    public decimal Rate(EntryLine entry, Span<decimal> families, out string measures) => Rate(entry, families, out measures, out _);

    /// <summary>As <see cref="Rate(EntryLine, Span{decimal}, out string)"/>; <paramref name="partly"/> is true when the
    /// base rate needs a quantity the line lacks, so the total holds only the parts that could be computed.</summary>
    public decimal Rate(EntryLine entry, Span<decimal> families, out string measures, out bool partly)
    {
        Span<long> cents = families.Length <= 64 ? stackalloc long[families.Length] : new long[families.Length];
        var total = RateCents(entry, cents, out measures, out partly);
        for (int f = 0; f < families.Length; f++) families[f] += Money.FromCents(cents[f]);
        return Money.FromCents(total);
    }

    /// <summary>
    /// Rates <paramref name="entry"/> in whole cents (every amount the engine charges is rounded to the cent, so
    /// nothing is lost): adds each family's duty into <paramref name="families"/> and returns the total. Sums of cents
    /// are integer additions, and the writer prints them without formatting a decimal.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long RateCents(EntryLine entry, Span<long> families, out string measures, out bool partly)
    {
        if (entry.Program is null && ExpectedClaims?.ClaimOn(entry.Origin, entry.Code, entry.Date) is { } claim
            && Trade.ClaimBasis.Offers(_engine, entry.Importer, entry.Code, entry.Date, claim.Program))
            return RateExpected(entry, claim.Program, claim.Share, families, out measures, out partly);
        if (Panel is not null && TryPanel(entry, families, out var panelTotal, out measures, out partly)) return panelTotal;
        var q = _engine.Quote(entry, QuoteDetail.Amounts);
        partly = q.BaseIncomplete;
        long total = 0;
        int additional = 0;
        foreach (var l in q.Layers)
        {
            var f = columns.FamilyIndex(l.Family);
            if (f < 0) throw new InvalidOperationException($"layer family '{l.Family}' has no column");
            var c = Money.ToCents(l.Amount);
            families[f] += c;
            total += c;
            if (!l.IsBase) additional++;
        }
        measures = additional == 0 ? "" : string.Join(';', q.Layers.Where(l => !l.IsBase).Select(l => l.MeasureId));
        return total;
    }

    /// <summary>
    /// The compiled rules of this scenario (<see cref="Panel.RatePanel"/>): a line that declares no programme, and no
    /// metal share or end use where those count, is rated from its formula instead of a quote; every other line, and
    /// every line the formula cannot price alone (an additional rate or a floor that needs a quantity the line lacks, a date outside the panel's
    /// span), goes to the engine. The two give the same amounts (the panel's property tests).
    /// </summary>
    public Panel.RatePanel? Panel { get; init; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryPanel(EntryLine entry, Span<long> families, out long total, out string measures, out bool partly)
    {
        total = 0;
        measures = "";
        partly = false;
        if (entry.Program is not null || entry.Importer != Panel!.Importer) return false;
        // out-of-range input: the engine's refusal says what is wrong
        if (entry.CustomsValue is < 0 or > EntryLine.MaxAmount || entry.MetalShare is < 0 or > 1 || entry.UsContentShare is < 0 or > 1) return false;
        foreach (var q in entry.Quantities) if (q.Amount is < 0 or > EntryLine.MaxAmount) return false;
        if (!Panel.TryGet(entry.Code, entry.Origin, entry.Date, out var cell)) return false;
        // the engine's refusal (an unknown code) was planned once for the cell: said again without a second look
        if (cell.Refusal is { } no) throw new RatingException(no.Problem, no.Field, no.Message);
        if (cell.Formula is not { } f) return false;
        if (f.EntryDependent && (entry.MetalShare is not null || !entry.Uses.IsDefaultOrEmpty)) return false;
        int n = f.Terms.Length;
        Span<long> amounts = n < 32 ? stackalloc long[n + 1] : new long[n + 1];
        if (!f.TryEvaluateCents(entry.CustomsValue, entry.Quantities, amounts, out partly))
        {
            // short of a quantity: the engine's own refusal, without a quote (which would read the schedule again)
            if (f.ShortfallOf(entry.CustomsValue, entry.Quantities) is { } shortfall) throw _engine.Refusal(f, shortfall, entry.Code);
            return false;
        }
        var index = f.FamilyIndexes(columns);
        System.Text.StringBuilder? ids = null;
        for (int r = 0; r < n; r++)
        {
            if (amounts[r] == Engine.Panel.PanelFormula.NotChargedCents) continue;
            families[index[r]] += amounts[r];
            total += amounts[r];
            if (f.PicksHighest) (ids ??= new()).Append(ids.Length == 0 ? "" : ";").Append(f.TermAt(r).MeasureId);
        }
        families[index[n]] += amounts[n];
        total += amounts[n];
        measures = f.PicksHighest ? ids?.ToString() ?? "" : f.Measures;
        return true;
    }

    /// <summary>The claimed share with the programme, the rest without: each measure's amount weighed, in cents.</summary>
    private long RateExpected(EntryLine entry, string program, decimal share, Span<long> families, out string measures, out bool partly)
    {
        var without = _engine.Quote(entry, QuoteDetail.Amounts);
        var with = _engine.Quote(entry with { Program = program }, QuoteDetail.Amounts);
        partly = without.BaseIncomplete || with.BaseIncomplete;
        var amounts = new List<(Layer Layer, decimal Amount)>();
        void Add(Quote q, decimal weight)
        {
            foreach (var l in q.Layers)
            {
                int at = amounts.FindIndex(x => x.Layer.MeasureId == l.MeasureId);
                if (at < 0) amounts.Add((l, l.Amount * weight));
                else amounts[at] = (amounts[at].Layer, amounts[at].Amount + l.Amount * weight);
            }
        }
        Add(without, 1 - share);
        Add(with, share);
        long total = 0;
        foreach (var (l, raw) in amounts)
        {
            var amount = Money.ToCents(Math.Round(raw, 2, MidpointRounding.AwayFromZero));
            var f = columns.FamilyIndex(l.Family);
            if (f < 0) throw new InvalidOperationException($"layer family '{l.Family}' has no column");
            families[f] += amount;
            total += amount;
        }
        measures = string.Join(';', amounts.Where(x => !x.Layer.IsBase && x.Amount != 0).Select(x => x.Layer.MeasureId));
        return total;
    }
}
