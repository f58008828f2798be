using System.Collections.Immutable;
using Tariffscope.Duties;

namespace Tariffscope.Policy;

/// <summary>How a measure's duty is computed.</summary>
public enum MeasureKind
{
    /// <summary>The rate is added on top of everything else.</summary>
    Adds,
    /// <summary>Tops the base (MFN) rate up to the rate: nothing where the base or its ad valorem equivalent already reaches it (EU and Japan 15%).</summary>
    Floor,
}

/// <summary>Which part of the customs value a measure is charged on.</summary>
public enum ValueShare
{
    Full,
    /// <summary>The declared metal content (Section 232 steel, aluminium and copper derivatives).</summary>
    Metal,
}

/// <summary>What claiming an exception does to a measure's layer.</summary>
public enum ClaimEffect
{
    /// <summary>The layer is not charged.</summary>
    Exempt,
    /// <summary>The layer is charged on the value that is not US content (USMCA vehicles under Proclamation 10908).</summary>
    NonUsContent,
}

/// <summary>
/// An exception of a measure that applies only when the importer claims it on the entry: a special programme
/// ("S" for USMCA) or a Chapter 99 heading ("9903.88.69", a Section 301 exclusion). <see cref="List"/>, when given,
/// names the lines the claim is available on; its per-code notes say what the claim covers, and a quote on such a
/// line that does not make the claim lists them.
/// </summary>
public sealed record ProgramClaim(
    ImmutableArray<string> Programs,
    ClaimEffect Effect,
    string? List,
    Validity When,
    Provenance Source,
    string? Note = null,
    string? Heading = null)
{
    public bool Names(string program) => Programs.Contains(program, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// A rate in force from a date (until the next period starts), with the heading that reports it and, when it was
/// announced later than the measure itself, the day it was published (for "as known on" views).
/// </summary>
public sealed record RatePeriod(DateOnly From, DutyExpression Rate, string? Heading = null, string? Note = null, DateOnly? Published = null);

/// <summary>
/// One legal layer: who imposes it, on what, on whom, at what rate over time, under which law, and how it
/// combines with others (through its family).
/// </summary>
public sealed record Measure
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Family { get; init; }
    public required string Importer { get; init; }
    public required OriginScope Origins { get; init; }
    public required ProductScope Products { get; init; }
    /// <summary>Rates in date order; the measure is in force from the first period's date through <see cref="Through"/>.</summary>
    public required ImmutableArray<RatePeriod> Rates { get; init; }
    public DateOnly? Through { get; init; }
    public MeasureKind Kind { get; init; } = MeasureKind.Adds;
    public ValueShare Share { get; init; } = ValueShare.Full;
    /// <summary>Special-programme claims that exempt a line (USMCA "S"/"S+" from the Canada and Mexico IEEPA duties).</summary>
    public ImmutableArray<string> ExemptPrograms { get; init; } = [];
    /// <summary>Claims an importer can make on the measure's exceptions (a programme or Chapter 99 heading claimed on
    /// the entry): what each does to the layer, on which lines and when.</summary>
    public ImmutableArray<ProgramClaim> Claims { get; init; } = [];
    /// <summary>Families this measure yields to, beyond its family's own list.</summary>
    public ImmutableArray<string> YieldsTo { get; init; } = [];
    public required Provenance Source { get; init; }
    /// <summary>The day the measure was published (for "as known on" views); defaults to its first effective date.</summary>
    public DateOnly? Published { get; init; }
    /// <summary>Where in the policy files it was written, for messages.</summary>
    public string? Origin { get; init; }
    /// <summary>The last day the record confirms this measure (its rate, scope or end) for; a quote for a later day
    /// carries a "not confirmed after" warning, and an end after it is reported with its outcome unknown.</summary>
    public DateOnly? ConfirmedThrough { get; init; }

    public Validity Validity => new(Rates[0].From, Through);
    public DateOnly PublishedOn => Published ?? Rates[0].From;

    /// <summary>The rate period in force on <paramref name="date"/>, or null when the measure is not in force.</summary>
    public RatePeriod? RateOn(DateOnly date)
    {
        if (!Validity.Contains(date)) return null;
        RatePeriod? found = null;
        foreach (var p in Rates) { if (p.From <= date) found = p; else break; }
        return found;
    }

    public override string ToString() => $"{Id} ({Title})";
}

/// <summary>
/// A dated pause of all or part of a measure: a truce is a suspension with an end date; an extension is a new
/// suspension that starts where the last one ends; a snap-back is the end arriving with no extension.
/// </summary>
public sealed record Suspension
{
    public required string Id { get; init; }
    public required string MeasureId { get; init; }
    /// <summary>Percentage points suspended, as a fraction (0.24 for 24 points); null suspends the whole measure.</summary>
    public decimal? Points { get; init; }
    public required Validity Validity { get; init; }
    public required Provenance Source { get; init; }
    public DateOnly? Published { get; init; }
    public string? Title { get; init; }
    public string? Origin { get; init; }
    /// <summary>The last day the record confirms this suspension for (usually its stated end): what follows is not
    /// known, and quotes for later days say so.</summary>
    public DateOnly? ConfirmedThrough { get; init; }

    public DateOnly PublishedOn => Published ?? Validity.From;
    public bool IsFull => Points is null;

    public string Describe() => IsFull
        ? $"suspended in full {Validity}"
        : $"{Points!.Value * 100m:0.##} points suspended {Validity}";
}
