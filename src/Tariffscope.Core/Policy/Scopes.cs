using System.Collections.Immutable;
using Tariffscope.Nomenclature;

namespace Tariffscope.Policy;

/// <summary>
/// One term of a product scope: a code prefix, a named list, or every product. A list term may carry its own
/// dates (Annex II was replaced on 2025-11-13 by a longer list).
/// </summary>
public sealed record ProductTerm(string? Prefix, string? ListName, Validity? When = null)
{
    public static ProductTerm All { get; } = new(Prefix: "", ListName: null);
    public bool IsAll => ListName is null && Prefix == "";
    /// <summary>The origins (countries, group:NAME) the term holds for; empty for every origin the measure covers.
    /// An exception for the goods of some partners only: civil aircraft of the EU under a measure on all origins.</summary>
    public ImmutableArray<string> Origins { get; init; } = [];
    public override string ToString() =>
        (ListName is not null ? "list " + ListName : IsAll ? "all products" : HtsCode.TryParse(Prefix)?.ToString() ?? Prefix!)
        + (Origins.IsDefaultOrEmpty ? "" : " of " + string.Join(", ", Origins))
        + (When is { } w ? $" ({w})" : "");
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

    /// <summary>True when the list names the whole of the built-in sample only, not the official list.</summary>
    public bool IsSample { get; init; }

    /// <summary>A note per listed code (keyed like <see cref="Prefixes"/>): what the entry covers when that is
    /// narrower than the line, such as the product description of a Section 301 exclusion.</summary>
    public ImmutableDictionary<string, string> Notes { get; init; } = ImmutableDictionary<string, string>.Empty;
}
