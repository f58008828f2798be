namespace Tariffscope.Duties;

// The basic forms. Specific, compound, graded, part-value, reference and conditional forms live beside these.

/// <summary>No duty.</summary>
public sealed record FreeDuty : DutyExpression
{
    public static FreeDuty Instance { get; } = new();
    public override bool IsParsed => true;
    public override string Shape => "free";
    public override DutyOutcome Evaluate(DutyBasis basis) => DutyOutcome.Zero;
    public override string ToString() => "Free";
}

/// <summary>A percentage of customs value; <see cref="Rate"/> is a fraction (0.065 for 6.5%).</summary>
public sealed record AdValoremDuty(decimal Rate) : DutyExpression
{
    public override bool IsParsed => true;
    public override string Shape => "ad valorem";
    public override DutyOutcome Evaluate(DutyBasis basis) => new(basis.CustomsValue * Rate, true);
    public override string ToString() => Texts.GetOrAdd(Rate, static r => DutyFormat.Percent(r));

    // A handful of distinct rates print millions of times in batch rating.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<decimal, string> Texts = new();
}

/// <summary>A text that could not be read: kept verbatim and flagged, never evaluated as zero.</summary>
public sealed record UnparsedDuty(string Text, string Reason) : DutyExpression
{
    public override bool IsParsed => false;
    public override string Shape => "unparsed";
    public override DutyOutcome Evaluate(DutyBasis basis) => new(0m, false, $"rate text not understood: \"{Text}\" ({Reason})");
    public override string ToString() => Text;
}
