namespace Tariffscope.Controls;

/// <summary>
/// A shipment to screen: from which country to which, on what date, what item (any of HS code, element,
/// control number/ECCN, product name, technical parameters), its content shares, the parties and the end use.
/// Countries are ISO alpha-2 codes. <see cref="ItemOrigin"/> defaults to <see cref="From"/>.
/// </summary>
public sealed record ControlQuery(
    string From,
    string To,
    DateOnly Date,
    string? Hs = null,
    string? Element = null,
    string? Eccn = null,
    string? Product = null,
    IReadOnlyDictionary<string, decimal>? Parameters = null,
    IReadOnlyDictionary<string, decimal>? Content = null,
    string? EndUser = null,
    string? EndUserOwner = null,
    string? EndUse = null,
    string? ItemOrigin = null)
{
    public string Origin => string.IsNullOrWhiteSpace(ItemOrigin) ? From : ItemOrigin!;
    public IReadOnlyDictionary<string, decimal> ParameterValues => Parameters ?? EmptyValues;
    public IReadOnlyDictionary<string, decimal> ContentShares => Content ?? EmptyValues;
    private static readonly IReadOnlyDictionary<string, decimal> EmptyValues = new Dictionary<string, decimal>();

    public ControlQuery On(DateOnly date) => this with { Date = date };
}
