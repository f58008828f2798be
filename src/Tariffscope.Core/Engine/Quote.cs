using System.Collections.Immutable;
using Tariffscope.Policy;

namespace Tariffscope.Engine;

/// <summary>
/// One line of the duty owed: a measure (or the base rate), the rate charged, the share of value it was charged
/// on, the amount (rounded to the cent, as customs reports it) and where it comes from.
/// </summary>
public sealed record Layer(
    string MeasureId,
    string Title,
    string Family,
    string FamilyTitle,
    string? Heading,
    string Rate,
    decimal Share,
    decimal Amount,
    Provenance Source,
    int Order,
    ImmutableArray<string> Notes)
{
    public const string BaseFamily = "base";
    public bool IsBase => Family == BaseFamily;
}

/// <summary>How much a quote says: everything (layers with notes, omitted layers and why), or only the layers and
/// their amounts, which is what batch rating and indicators read.</summary>
public enum QuoteDetail { Full, Amounts }

/// <summary>A measure that matched the line but was not charged, and why.</summary>
public sealed record OmittedLayer(string MeasureId, string Title, string Family, string? Heading, string Reason, Provenance Source);

/// <summary>
/// The answer to "what duty is owed on this line, entered on this date, and why": every layer in CBP's reporting
/// order (Chapter 99 first, the base rate last), the layers left out with their reason, the total and effective rate.
/// </summary>
public sealed record Quote(
    EntryLine Entry,
    string Scenario,
    string Schedule,
    string Description,
    ImmutableArray<Layer> Layers,
    ImmutableArray<OmittedLayer> Omitted,
    ImmutableArray<string> Warnings)
{
    /// <summary>Why the base duty could not be computed in full (a specific or compound rate without the quantity or
    /// part value it needs), or null. The base layer then holds only the parts that could be computed, and the total
    /// is a lower bound.</summary>
    public string? BaseProblem { get; init; }
    public bool BaseIncomplete => BaseProblem is not null;
    public decimal Total => Layers.Sum(l => l.Amount);
    public decimal AdditionalDuty => Layers.Where(l => !l.IsBase).Sum(l => l.Amount);
    /// <summary>Total duty ÷ customs value (0 for a zero value).</summary>
    public decimal EffectiveRate => Entry.CustomsValue == 0 ? 0 : Total / Entry.CustomsValue;
    public Layer Base => Layers.Single(l => l.IsBase);
}
