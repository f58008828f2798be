using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using Tariffscope.Duties;

namespace Tariffscope.Engine.Panel;

/// <summary>
/// One layer of a <see cref="PanelFormula"/>: a measure's rate as the engine would charge it on a line that declares
/// no entry facts, the share of value it is charged on (after the families it yields to), and whether it tops the
/// base up to a floor.
/// </summary>
public sealed record PanelTerm(
    string MeasureId,
    string Family,
    int Order,
    string? Heading,
    DutyExpression Rate,
    decimal Share,
    bool IsFloor,
    int HighestGroup) // terms of one group (≥ 0) are members of a family that charges only its highest
{
    /// <summary>The rate as a quote's layer prints it.</summary>
    public string RateText => IsFloor ? $"floor {Rate} incl. base" : Rate.ToString();

    /// <summary>The ad valorem part of the rate (a fraction of the share of value it is charged on), 0 when none.</summary>
    public decimal AdValorem => Rate is AdValoremDuty av ? av.Rate : 0m;
}

/// <summary>
/// The duty of one line from one origin class over one interval, as a small formula of customs value and quantity:
/// the base rate and the additional layers in the engine's order. Evaluating it gives the same layers and amounts as
/// <see cref="TariffEngine.Quote(EntryLine, QuoteDetail)"/> for any line that declares no programme, end use, metal
/// share or US content share; <see cref="EntryDependent"/> says whether declaring one of those can change the answer.
/// </summary>
public sealed class PanelFormula
{
    private readonly int[] _reportOrder;
    private readonly bool _hasHighest;
    private readonly AdValoremDuty? _baseAv;

    public DutyExpression Base { get; }
    public string BaseColumn { get; }
    public string? BaseHeading { get; }
    /// <summary>In the engine's stacking order (the order it prices them in).</summary>
    public ImmutableArray<PanelTerm> Terms { get; }
    /// <summary>True when a declared metal share or end use can change this line's duty (a Section 232 derivative
    /// charged on metal content, a heading charged only for a declared use): such entries need the full engine.</summary>
    public bool EntryDependent { get; }
    /// <summary>The ids of the additional measures charged, ';'-joined as batch output writes them (when no family
    /// picks its highest member by amount).</summary>
    public string Measures => _measures ??= string.Join(';', _reportOrder.Select(i => Terms[i].MeasureId));

    public PanelFormula(DutyExpression baseRate, string baseColumn, string? baseHeading, ImmutableArray<PanelTerm> terms, bool entryDependent)
    {
        Base = baseRate;
        BaseColumn = baseColumn;
        BaseHeading = baseHeading;
        Terms = terms;
        EntryDependent = entryDependent;
        _baseAv = baseRate as AdValoremDuty;
        _integer = IntegerForm(baseRate, terms);
        _reportOrder = new int[terms.Length];
        for (int i = 0; i < terms.Length; i++) { _reportOrder[i] = i; if (terms[i].HighestGroup >= 0) _hasHighest = true; }
        // insertion sort: a handful of terms, in the engine's order (family order, then measure id)
        for (int i = 1; i < _reportOrder.Length; i++)
            for (int j = i; j > 0 && Before(terms[_reportOrder[j]], terms[_reportOrder[j - 1]]); j--)
                (_reportOrder[j], _reportOrder[j - 1]) = (_reportOrder[j - 1], _reportOrder[j]);
    }

    private static bool Before(PanelTerm a, PanelTerm b) =>
        a.Order != b.Order ? a.Order < b.Order : string.CompareOrdinal(a.MeasureId, b.MeasureId) < 0;

    private string? _measures;

    /// <summary>The sum of the ad valorem rates charged (each times its share of value), the base included, when the
    /// formula is purely ad valorem; for a floor, the floor's top-up over an ad valorem base.</summary>
    public decimal? AdValoremTotal
    {
        get
        {
            if (_hasHighest && Terms.Count(t => t.HighestGroup >= 0) > 1) return null;
            if (Base is not (AdValoremDuty or FreeDuty)) return null;
            decimal baseAv = _baseAv?.Rate ?? 0m, sum = baseAv;
            foreach (var t in Terms)
            {
                if (t.Rate is not (AdValoremDuty or FreeDuty)) return null;
                sum += t.IsFloor ? Math.Max(0m, t.AdValorem - baseAv) * t.Share : t.AdValorem * t.Share;
            }
            return sum;
        }
    }

    /// <summary>
    /// The layers' amounts in cents-rounded dollars, written to <paramref name="amounts"/> in report order (the base
    /// last, at index <see cref="Terms"/>.Length; a term not charged because a higher member of its family is holds
    /// <see cref="NotCharged"/>). A specific or compound base without the quantity it needs is priced as the engine
    /// prices it: the parts that could be computed, with <paramref name="partly"/> set. False when the line needs the
    /// engine after all, where its answer is a refusal: an additional rate without the quantity it needs, a floor over
    /// a partial base, a base rate whose text is not read.
    /// </summary>
    public bool TryEvaluate(decimal value, ImmutableArray<Quantity> quantities, Span<decimal> amounts, out bool partly)
    {
        decimal baseRaw;
        DutyBasis? basis = null;
        partly = false;
        if (_baseAv is not null) baseRaw = value * _baseAv.Rate;
        else if (Base is FreeDuty) baseRaw = 0m;
        else
        {
            var o = Base.Evaluate(basis = new DutyBasis(value, quantities));
            if (!o.IsComplete && !Base.IsParsed) return false;
            partly = !o.IsComplete;
            baseRaw = o.Amount;
        }
        decimal baseAve = value == 0 ? 0 : baseRaw / value;
        Span<decimal> priced = Terms.Length <= 16 ? stackalloc decimal[Terms.Length] : new decimal[Terms.Length];
        for (int k = 0; k < Terms.Length; k++)
        {
            var t = Terms[k];
            decimal amount;
            if (t.IsFloor && partly) return false; // a floor tops up the whole base
            if (t.IsFloor) amount = Math.Max(0m, ((AdValoremDuty)t.Rate).Rate - baseAve) * value * t.Share;
            else if (t.Rate is AdValoremDuty av) amount = t.Share == 1m ? value * av.Rate : value * t.Share * av.Rate;
            else if (t.Rate is FreeDuty) amount = 0m;
            else
            {
                var scaled = t.Share == 1m ? basis ??= new DutyBasis(value, quantities) : Scaled(value, quantities, t.Share);
                var o = t.Rate.Evaluate(scaled);
                if (!o.IsComplete) return false;
                amount = o.Amount;
            }
            priced[k] = amount;
        }
        if (_hasHighest)
            // only the first highest of a group is charged (the engine keeps the first of equal amounts)
            for (int k = 0; k < Terms.Length; k++)
            {
                int g = Terms[k].HighestGroup;
                if (g < 0 || priced[k] == NotCharged) continue;
                int best = k;
                for (int j = k + 1; j < Terms.Length; j++)
                    if (Terms[j].HighestGroup == g && priced[j] > priced[best]) best = j;
                for (int j = k; j < Terms.Length; j++)
                    if (Terms[j].HighestGroup == g && j != best) priced[j] = NotCharged;
            }
        for (int r = 0; r < _reportOrder.Length; r++)
        {
            var p = priced[_reportOrder[r]];
            amounts[r] = p == NotCharged ? NotCharged : Cents(p);
        }
        amounts[Terms.Length] = Cents(baseRaw);
        return true;
    }

    /// <summary>
    /// As <see cref="TryEvaluate"/>, in whole cents (a displaced term holds <see cref="NotChargedCents"/>). A formula of
    /// ad valorem rates on the whole value, with no floor and no family choosing its highest member, on a value in
    /// whole cents, is computed in integers: cents × rate, rounded half away from zero, is exactly what the decimal
    /// product rounded to the cent gives. Anything else goes through the decimal evaluation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryEvaluateCents(decimal value, ImmutableArray<Quantity> quantities, Span<long> cents, out bool partly)
    {
        int n = Terms.Length;
        partly = false;
        if (_integer is { } form && Money.TryWholeCents(value, out var v))
        {
            for (int r = 0; r < n; r++)
            {
                var (m, s) = form[_reportOrder[r]];
                cents[r] = m == 0 ? 0 : Money.TimesRate(v, m, s);
            }
            cents[n] = form[n].Mantissa == 0 ? 0 : Money.TimesRate(v, form[n].Mantissa, form[n].Scale);
            return true;
        }
        Span<decimal> amounts = n < 32 ? stackalloc decimal[n + 1] : new decimal[n + 1];
        if (!TryEvaluate(value, quantities, amounts, out partly)) return false;
        for (int r = 0; r <= n; r++) cents[r] = amounts[r] == NotCharged ? NotChargedCents : Money.ToCents(amounts[r]);
        return true;
    }

    /// <summary>Where pricing stops short of a quantity: the first term (in the engine's order) whose rate needs one
    /// the line lacks, or a floor over a base that does, with the problem as the rate states it.</summary>
    public readonly record struct Shortfall(PanelTerm Term, string? Problem);

    /// <summary>Why <see cref="TryEvaluate"/> priced nothing, when the engine's answer is a refusal for a missing
    /// quantity (see <see cref="TariffEngine.Refusal"/>); null otherwise. Walks the terms in the order the engine
    /// prices them, so the refusal names the layer the engine's would.</summary>
    public Shortfall? ShortfallOf(decimal value, ImmutableArray<Quantity> quantities)
    {
        var basis = new DutyBasis(value, quantities);
        var b = Base.Evaluate(basis);
        if (!b.IsComplete && !Base.IsParsed) return null;
        foreach (var t in Terms)
        {
            if (t.IsFloor)
            {
                if (!b.IsComplete) return new(t, b.Problem);
                continue;
            }
            if (t.Rate is AdValoremDuty or FreeDuty) continue;
            var o = t.Rate.Evaluate(t.Share == 1m ? basis : Scaled(value, quantities, t.Share));
            if (!o.IsComplete) return new(t, o.Problem);
        }
        return null;
    }

    /// <summary>Marks, in cents, a term that its family's higher member displaced.</summary>
    public const long NotChargedCents = long.MinValue;

    // per term in the engine's order, then the base: each rate as an integer over a power of ten; null when the
    // formula is not a plain sum of ad valorem rates on the whole value
    private readonly (long Mantissa, int Scale)[]? _integer;

    private static (long, int)[]? IntegerForm(DutyExpression baseRate, ImmutableArray<PanelTerm> terms)
    {
        var form = new (long, int)[terms.Length + 1];
        static bool Of(DutyExpression e, out (long, int) x)
        {
            x = (0, 0);
            if (e is FreeDuty) return true;
            if (e is not AdValoremDuty av || !Money.TryScaled(av.Rate, out var m, out var s)) return false;
            x = (m, s);
            return true;
        }
        for (int k = 0; k < terms.Length; k++)
        {
            var t = terms[k];
            if (t.IsFloor || t.Share != 1m || t.HighestGroup >= 0 || !Of(t.Rate, out form[k])) return null;
        }
        return Of(baseRate, out form[terms.Length]) ? form : null;
    }

    /// <summary>The column of each term's family in report order, then the base's, for a batch's columns (kept for
    /// the last columns asked: one scenario's panel serves one set of columns).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int[] FamilyIndexes(Batch.ScenarioColumns columns)
    {
        if (_familyIndexes is { } kept && ReferenceEquals(kept.Columns, columns)) return kept.Index;
        var index = new int[Terms.Length + 1];
        for (int r = 0; r <= Terms.Length; r++)
        {
            var family = r < Terms.Length ? TermAt(r).Family : Layer.BaseFamily;
            index[r] = columns.FamilyIndex(family);
            if (index[r] < 0) throw new InvalidOperationException($"layer family '{family}' has no column");
        }
        _familyIndexes = new(columns, index);
        return index;
    }

    private sealed record ColumnIndex(Batch.ScenarioColumns Columns, int[] Index);
    private ColumnIndex? _familyIndexes;

    /// <summary>The term at report position <paramref name="r"/> (the order <see cref="TryEvaluate"/> writes).</summary>
    public PanelTerm TermAt(int r) => Terms[_reportOrder[r]];

    /// <summary>Whether the measures charged depend on the amounts (a family that charges only its highest member).</summary>
    public bool PicksHighest => _hasHighest;

    /// <summary>Marks a term that its family's higher member displaced.</summary>
    public const decimal NotCharged = decimal.MinValue;

    private static DutyBasis Scaled(decimal value, ImmutableArray<Quantity> quantities, decimal share)
    {
        var q = new Quantity[quantities.Length];
        for (int i = 0; i < q.Length; i++) q[i] = quantities[i] with { Amount = quantities[i].Amount * share };
        return new DutyBasis(value * share, q);
    }

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Same rules, same terms: formulas of neighbouring intervals that are equal merge into one.</summary>
    public bool SameAs(PanelFormula other) =>
        ReferenceEquals(this, other) || Base.Equals(other.Base) && BaseColumn == other.BaseColumn && BaseHeading == other.BaseHeading
        && EntryDependent == other.EntryDependent && Terms.SequenceEqual(other.Terms);
}
