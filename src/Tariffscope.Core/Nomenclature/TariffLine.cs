using System.Collections.Immutable;
using Tariffscope.Duties;

namespace Tariffscope.Nomenclature;

/// <summary>A note attached to a line, e.g. "See 9903.88.15." on the general column.</summary>
public sealed record Footnote(string Text, ImmutableArray<string> Columns, string Type)
{
    /// <summary>The mark printed beside the column ("1", "2", …) for a "footnote"; none for an "endnote".</summary>
    public string? Marker { get; init; }
}

/// <summary>A special-programme rate: the expression and the programme codes it applies to ("A+", "AU", …).</summary>
public sealed record SpecialRate(DutyExpression Rate, ImmutableArray<string> Programs)
{
    /// <summary>Whether a claim of <paramref name="program"/> ("S" for USMCA) gets this rate; the marks "*" and "+"
    /// that the HTS prints beside a code (only some products, or a later stage) do not change the programme.</summary>
    public bool Offers(string program) =>
        Programs.Any(p => p.TrimEnd('*', '+').Equals(program.TrimEnd('*', '+'), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// One row of the schedule that carries a code (unnumbered group headings are kept as descriptions of their
/// children, not as lines). Rates are as printed on the row; statistical (10-digit) rows usually print none
/// and take their parent's: use <see cref="ScheduleRevision.Resolve"/> for the rates in force.
/// </summary>
public sealed class TariffLine
{
    public required HtsCode Code { get; init; }
    public required int Indent { get; init; }
    public required string Description { get; init; }
    /// <summary>Descriptions of the unnumbered group headings between this line and its numbered parent.</summary>
    public ImmutableArray<string> GroupHeadings { get; init; } = [];
    public ImmutableArray<string> Units { get; init; } = [];
    public string GeneralText { get; init; } = "";
    public string SpecialText { get; init; } = "";
    public string OtherText { get; init; } = "";
    public DutyExpression? General { get; init; }
    public ImmutableArray<SpecialRate> Special { get; init; } = [];
    public DutyExpression? Other { get; init; }
    public ImmutableArray<Footnote> Footnotes { get; init; } = [];
    /// <summary>Chapter 99 headings this row points to (from footnotes and from the additional-duties text).</summary>
    public ImmutableArray<HtsCode> Chapter99Refs { get; init; } = [];
    public string? QuotaQuantity { get; init; }
    public string? AdditionalDuties { get; init; }
    /// <summary>The numbered line this one sits under (null at chapter-heading level).</summary>
    public TariffLine? Parent { get; set; }
    /// <summary>1-based position in the source file, for error messages.</summary>
    public int SourceRow { get; init; }

    public bool HasRates => General is not null || Other is not null || !Special.IsEmpty;

    public IEnumerable<TariffLine> Ancestors()
    {
        for (var p = Parent; p is not null; p = p.Parent) yield return p;
    }

    public override string ToString() => $"{Code} {Description}";
}
