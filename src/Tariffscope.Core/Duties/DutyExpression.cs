namespace Tariffscope.Duties;

/// <summary>A quantity declared on an entry line, e.g. 500 kg or 12 doz.</summary>
public readonly record struct Quantity(decimal Amount, string Unit)
{
    public override string ToString() => $"{Amount} {Unit}";
}

/// <summary>
/// What a duty is computed on: the customs value (USD), the declared quantities, and the values of the parts
/// some rates are charged on ("6% on the case", "25% upon the value of the steel content"), keyed by the part's
/// name as the rate prints it after "on the" ("case", "steel content"; case does not matter).
/// </summary>
public sealed record DutyBasis(decimal CustomsValue, IReadOnlyList<Quantity> Quantities)
{
    private static readonly IReadOnlyDictionary<string, decimal> NoParts = new Dictionary<string, decimal>();

    public IReadOnlyDictionary<string, decimal> PartValues { get; init; } = NoParts;

    public static DutyBasis Of(decimal value, params Quantity[] quantities) => new(value, quantities);

    /// <summary>This basis with the value of one more part.</summary>
    public DutyBasis WithPart(string part, decimal value)
    {
        var parts = new Dictionary<string, decimal>(PartValues, StringComparer.OrdinalIgnoreCase) { [DutyText.PartKey(part)] = value };
        return this with { PartValues = parts };
    }

    /// <summary>The declared quantity in <paramref name="unit"/>, converted exactly from any unit of the same
    /// dimension (a quantity declared in that very unit wins); null when none converts.</summary>
    public decimal? QuantityIn(DutyUnit unit) =>
        TryFindQuantity(unit, out var amount, out var declared) ? amount * declared.Factor / unit.Factor : null;

    /// <summary>The declared amount and its unit that can measure <paramref name="unit"/>; callers multiply before
    /// dividing by the factor, so 100 No. at $2.4/doz. is exactly $20.</summary>
    internal bool TryFindQuantity(DutyUnit unit, out decimal amount, out DutyUnit declared)
    {
        amount = 0m;
        declared = unit;
        var found = false;
        foreach (var q in Quantities)
        {
            var from = DutyUnits.Find(q.Unit);
            if (from is null || from.Dimension != unit.Dimension) continue;
            if (from == unit) { amount = q.Amount; declared = from; return true; }
            if (!found) { amount = q.Amount; declared = from; found = true; }
        }
        return found;
    }

    /// <summary>The declared value of a part, or null.</summary>
    public decimal? PartValue(string part)
    {
        if (PartValues.Count == 0) return null;
        var key = DutyText.PartKey(part);
        foreach (var (name, value) in PartValues)
            if (string.Equals(DutyText.PartKey(name), key, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }
}

/// <summary>
/// The duty an expression yields on a basis. <see cref="IsComplete"/> is false when a part could not be
/// computed (a specific rate without the quantity it needs, an unparsed text); <see cref="Problem"/> says why.
/// </summary>
public sealed record DutyOutcome(decimal Amount, bool IsComplete, string? Problem = null)
{
    public static DutyOutcome Zero { get; } = new(0m, true);
}

/// <summary>
/// A duty rate as structure, not text: free, ad valorem, specific, compound, conditional, or a text the parser
/// could not read (kept verbatim and flagged, never read as zero).
/// </summary>
public abstract partial record DutyExpression
{
    /// <summary>False for a text the parser could not read.</summary>
    public abstract bool IsParsed { get; }

    /// <summary>The expression's shape, for statistics: "free", "ad valorem", "specific", "compound", ….</summary>
    public abstract string Shape { get; }

    /// <summary>The duty owed on <paramref name="basis"/>.</summary>
    public abstract DutyOutcome Evaluate(DutyBasis basis);

    /// <summary>Duty ÷ customs value, or null when it cannot be computed (no value, or an incomplete outcome).</summary>
    public decimal? AdValoremEquivalent(DutyBasis basis)
    {
        if (basis.CustomsValue <= 0) return null;
        var o = Evaluate(basis);
        return o.IsComplete ? o.Amount / basis.CustomsValue : null;
    }
}
