using System.Collections.Immutable;
using Tariffscope.Nomenclature;

namespace Tariffscope.Policy;

/// <summary>
/// One term of a product scope: a code prefix, a named list, or every product. A list term may carry its own
/// dates (Annex II was replaced on 2025-11-13 by a longer list), and an end use the goods must be declared for
/// (<see cref="Use"/>): the auto-parts duty names whole headings such as 8471 and 8507, but charges their goods only
/// when they are parts of passenger vehicles.
/// </summary>
public sealed record ProductTerm(string? Prefix, string? ListName, Validity? When = null, string? Use = null)
{
    public static ProductTerm All { get; } = new(Prefix: "", ListName: null);
    public bool IsAll => ListName is null && Prefix == "";
    /// <summary>The origins (countries, group:NAME) the term holds for; empty for every origin the measure covers.
    /// An exception for the goods of some partners only: civil aircraft of the EU under a measure on all origins.</summary>
    public ImmutableArray<string> Origins { get; init; } = [];
    public override string ToString() =>
        (ListName is not null ? "list " + ListName : IsAll ? "all products" : HtsCode.TryParse(Prefix)?.ToString() ?? Prefix!)
        + (Origins.IsDefaultOrEmpty ? "" : " of " + string.Join(", ", Origins))
        + (When is { } w ? $" ({w})" : "") + (Use is { } u ? $" (when declared for use as {u})" : "");
}

/// <summary>What a measure covers: terms included, minus terms excluded.</summary>
public sealed record ProductScope(ImmutableArray<ProductTerm> Include, ImmutableArray<ProductTerm> Exclude)
{
    public static ProductScope Everything { get; } = new([ProductTerm.All], []);
}

/// <summary>An origin left out of a measure, for good or for a span of days (EU goods leave the baseline on the day the deal takes over).</summary>
public sealed record OriginException(string Origin, Validity? When = null)
{
    public override string ToString() => When is { } w ? $"{Origin} ({w})" : Origin;
}

/// <summary>Whom a measure covers: countries and named groups, minus exceptions ("all" covers every origin).</summary>
public sealed record OriginScope(ImmutableArray<string> Include, ImmutableArray<OriginException> Except)
{
    public const string AllOrigins = "all";
    public static OriginScope Everyone { get; } = new([AllOrigins], []);
    public override string ToString() =>
        string.Join(", ", Include) + (Except.IsEmpty ? "" : " except " + string.Join(", ", Except));
}

/// <summary>A named group of countries (the EU's 27 members, CBP's column 2 countries, …).</summary>
public sealed record CountryGroup(string Name, string Title, ImmutableArray<string> Members, Provenance Source);

/// <summary>
/// A named set of products with its own source: code prefixes written out, or the schedule lines whose footnotes
/// point to given Chapter 99 headings (the Section 301 lists are defined that way by the HTS itself).
/// </summary>
public sealed record ProductList(
    string Name,
    string Title,
    Provenance Source,
    ImmutableHashSet<string> Prefixes,
    ImmutableArray<HtsCode> FootnoteHeadings)
{
    /// <summary>
    /// The prefix a listed code stands for. Official lists pad 8-digit subheadings to 10 digits with "00"; a "00"
    /// suffix is either that padding or the only statistical line of its subheading, so the 8-digit prefix is right
    /// in both cases.
    /// </summary>
    public static string PrefixOf(HtsCode code) =>
        code.Length == 10 && code.Digits.EndsWith("00", StringComparison.Ordinal) ? code.Digits[..8] : code.Digits;

    /// <summary>True when the list holds a hand-picked part of an official list, not the list itself: every answer
    /// that rests on it says so.</summary>
    public bool IsSample { get; init; }

    /// <summary>A note per listed code (keyed like <see cref="Prefixes"/>): what the entry covers when that is
    /// narrower than the line, such as the product description of a Section 301 exclusion.</summary>
    public ImmutableDictionary<string, string> Notes { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// The list as amended over time, when it was: each version holds the codes in force over its span (Annex II as
    /// issued in April 2025, then as amended in September and November). Empty for a list that never changed, whose
    /// codes are <see cref="Prefixes"/> on every date.
    /// </summary>
    public ImmutableArray<ListVersion> Versions { get; init; } = [];

    /// <summary>The codes in force on <paramref name="date"/>: the version whose span holds it (none before the first).</summary>
    public ImmutableHashSet<string> PrefixesOn(DateOnly date)
    {
        if (Versions.IsEmpty) return Prefixes;
        foreach (var v in Versions) if (v.When.Contains(date)) return v.Prefixes;
        return ImmutableHashSet<string>.Empty;
    }
}

/// <summary>One version of a dated product list: its codes and the days they were the list.</summary>
public sealed record ListVersion(Validity When, ImmutableHashSet<string> Prefixes, string? Note = null);
