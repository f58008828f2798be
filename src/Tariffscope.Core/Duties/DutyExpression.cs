namespace Tariffscope.Duties;

/// <summary>A quantity declared on an entry line, e.g. 500 kg or 12 doz.</summary>
public readonly record struct Quantity(decimal Amount, string Unit)
{
    public override string ToString() => $"{Amount} {Unit}";
}

/// <summary>What a duty is computed on: the customs value (USD) and the declared quantities.</summary>
public sealed record DutyBasis(decimal CustomsValue, IReadOnlyList<Quantity> Quantities)
{
    public static DutyBasis Of(decimal value, params Quantity[] quantities) => new(value, quantities);
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
