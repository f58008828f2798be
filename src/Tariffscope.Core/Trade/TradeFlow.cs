using Tariffscope.Duties;
using Tariffscope.Nomenclature;

namespace Tariffscope.Trade;

/// <summary>
/// Imports of one product from one partner in a base year: the weights of trade-weighted indicators. Value is the
/// customs value in US dollars; the duty collected, when the source reports it, is what customs actually charged
/// (after free-trade claims, exclusions and drawback), which the engine's computed duty can be checked against.
/// </summary>
public sealed record TradeFlow(
    string Importer,
    string Partner,
    HtsCode Code,
    int Year,
    decimal Value,
    decimal? DutyCollected,
    string Source)
{
    /// <summary>The first quantity the source reports, when it reports one (specific rates need it).</summary>
    public Quantity? Quantity { get; init; }
}
