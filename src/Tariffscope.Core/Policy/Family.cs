using System.Collections.Immutable;

namespace Tariffscope.Policy;

/// <summary>How the measures of one family combine when several match the same line.</summary>
public enum CombineRule
{
    /// <summary>All apply and add up.</summary>
    Sum,
    /// <summary>Only the highest applies (overlapping Section 301 lists: a 9903.91 code replaces the 9903.88 one).</summary>
    Highest,
}

/// <summary>
/// A family of measures that share a legal basis and stacking behaviour (Section 301, IEEPA reciprocal, Section 232
/// steel and aluminium, …). Stacking rules are data: the families this one yields to (on the share of value those
/// cover), how its members combine, and CBP's reporting order.
/// </summary>
public sealed record MeasureFamily(
    string Id,
    string Title,
    int Order,
    CombineRule Combine,
    ImmutableArray<string> YieldsTo,
    string? Note = null)
{
    /// <summary>Products no member of the family charges, on top of each member's own exceptions: the entries under
    /// Chapter 98 that the IEEPA notes take out of every IEEPA duty.</summary>
    public ImmutableArray<ProductTerm> ExceptProducts { get; init; } = [];
}
