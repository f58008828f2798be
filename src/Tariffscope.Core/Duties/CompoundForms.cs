using System.Collections.Immutable;

namespace Tariffscope.Duties;

/// <summary>
/// Parts that add up: "25¢/kg + 3.1%", "40¢ each + 6% on the case + 5.3% on the battery". Incomplete when any
/// part is; the amount is then the sum of the parts that could be computed.
/// </summary>
public sealed record CompoundDuty(ImmutableArray<DutyExpression> Parts) : DutyExpression
{
    public static CompoundDuty Of(params DutyExpression[] parts) => new(parts.ToImmutableArray());

    public override bool IsParsed => Parts.All(p => p.IsParsed);
    public override string Shape => "compound";

    public override DutyOutcome Evaluate(DutyBasis basis)
    {
        var total = 0m;
        string? problem = null;
        foreach (var part in Parts)
        {
            var o = part.Evaluate(basis);
            total += o.Amount;
            if (!o.IsComplete) problem = problem is null ? o.Problem : $"{problem}; {o.Problem}";
        }
        return new(total, problem is null, problem);
    }

    public bool Equals(CompoundDuty? other) =>
        other is not null && Parts.AsSpan().SequenceEqual(other.Parts.AsSpan());

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var p in Parts) h.Add(p);
        return h.ToHashCode();
    }

    public override string ToString() => string.Join(" + ", Parts);
}

/// <summary>
/// A percentage of the value of a part of the goods rather than of the whole: "6% on the case",
/// "2.5% on the value of the lead content", "1.5 percent of the fair retail value". <see cref="Part"/> is the
/// part's name ("case", "lead content"); its value comes from <see cref="DutyBasis.PartValues"/>, except for
/// the parts that name the whole entry ("entire set"), which take the customs value.
/// </summary>
public sealed record AdValoremOnPartDuty(decimal Rate, string Part) : DutyExpression
{
    /// <summary>Parts that are the whole of what is entered: the customs value is their value.</summary>
    private static readonly HashSet<string> WholeEntry = new(StringComparer.OrdinalIgnoreCase)
    {
        "entire set",
        "full value of the imported article",
    };

    public override bool IsParsed => true;
    public override string Shape => "ad valorem on part";

    public override DutyOutcome Evaluate(DutyBasis basis)
    {
        if (WholeEntry.Contains(Part)) return new(basis.CustomsValue * Rate, true);
        var value = basis.PartValue(Part);
        if (value is null && Part.EndsWith(", if any", StringComparison.OrdinalIgnoreCase))
            value = basis.PartValue(Part[..^", if any".Length]);
        return value is null
            ? new(0m, false, $"needs the value of the {Part}")
            : new(Math.Max(0m, value.Value * Rate), true);
    }

    public override string ToString() => $"{DutyFormat.Percent(Rate)} on the {Part}";
}

/// <summary>
/// A rate that another text sets: "The duty provided in the applicable subheading + 25%", "No change",
/// "The rate applicable to each garment in the ensemble if separately entered", "See 9822.04.40". Kept as
/// structure (the reference verbatim, the added or subtracted part parsed) but not evaluable on its own:
/// <see cref="Resolve"/> it against the referenced rate first.
/// </summary>
public sealed record ReferencedDuty(string Reference, DutyExpression? Additional = null, bool Subtract = false) : DutyExpression
{
    public static ReferencedDuty NoChange { get; } = new("No change");

    public override bool IsParsed => Additional?.IsParsed ?? true;
    public override string Shape => "reference";

    public override DutyOutcome Evaluate(DutyBasis basis) =>
        new(0m, false, $"the rate is set by another text (\"{Reference}\"): resolve it against that rate first");

    /// <summary>The rate in force once the referenced rate is known: the referenced rate plus (or, for
    /// "minus 0.5%", less, in percentage points of its ad valorem part) the additional part.</summary>
    public DutyExpression Resolve(DutyExpression referenced)
    {
        if (Additional is null) return referenced;
        if (!Subtract)
        {
            var parts = ImmutableArray.CreateBuilder<DutyExpression>();
            foreach (var e in new[] { referenced, Additional })
                if (e is CompoundDuty c) parts.AddRange(c.Parts); else if (e is not FreeDuty) parts.Add(e);
            return parts.Count switch { 0 => FreeDuty.Instance, 1 => parts[0], _ => new CompoundDuty(parts.ToImmutable()) };
        }
        if (Additional is not AdValoremDuty cut)
            return new UnparsedDuty($"{referenced} minus {Additional}", "only a percentage can be subtracted");
        return referenced switch
        {
            AdValoremDuty a => new AdValoremDuty(Math.Max(0m, a.Rate - cut.Rate)),
            FreeDuty => referenced,
            CompoundDuty c when c.Parts.Count(p => p is AdValoremDuty) == 1 => new CompoundDuty(
                c.Parts.Select(p => p is AdValoremDuty a ? new AdValoremDuty(Math.Max(0m, a.Rate - cut.Rate)) : p).ToImmutableArray()),
            _ => new UnparsedDuty($"{referenced} minus {Additional}", "no single percentage to reduce"),
        };
    }

    public override string ToString() =>
        Additional is null ? Reference : $"{Reference} {(Subtract ? "minus" : "+")} {Additional}";
}

/// <summary>A rate that applies on a stated condition: "Free, under bond, as prescribed in U.S. note 1 to this
/// subchapter". It evaluates as its rate; checking the condition is for whoever claims it.</summary>
public sealed record ConditionalDuty(DutyExpression Rate, string Condition) : DutyExpression
{
    public override bool IsParsed => Rate.IsParsed;
    public override string Shape => "conditional";
    public override DutyOutcome Evaluate(DutyBasis basis) => Rate.Evaluate(basis);
    public override string ToString() => $"{Rate}, {Condition}";
}
