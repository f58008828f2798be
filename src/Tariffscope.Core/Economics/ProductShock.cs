namespace Tariffscope.Economics;

/// <summary>How finely the impact runner solves: one market per HS6 line, per HS chapter (2 digits), or one for everything.</summary>
public enum ImpactLevel { Hs6, Hs2, Total }

/// <summary>
/// One partner's base-year flow of a product into the importer (customs value, any currency unit) and the total ad
/// valorem rate it faces before and after the scenario, as decimal fractions (0.25m = 25%).
/// </summary>
public sealed record PartnerShock(string Partner, decimal BaseValue, decimal RateBefore, decimal RateAfter);

/// <summary>A flow between two other regions (e.g. China → Vietnam), when known. Routes not given are zero.</summary>
public sealed record RouteShock(string Exporter, string Importer, decimal BaseValue, decimal RateBefore, decimal RateAfter);

/// <summary>
/// What the tariff engine hands to the impact model for one product line of one importer: the product code (HS6 or a
/// longer national line; lines are summed to the chosen level), the importer and each partner's flow and rates.
/// </summary>
public sealed record ProductShock(
    string Product,
    string Importer,
    IReadOnlyList<PartnerShock> Partners,
    IReadOnlyList<RouteShock>? OtherRoutes = null);

/// <summary>One rated line as the tariff engine produces it: product, partner, base-year value, rates before and after.</summary>
public sealed record ShockRow(string Product, string Partner, decimal BaseValue, decimal RateBefore, decimal RateAfter);

public static class ProductShocks
{
    /// <summary>Groups flat rows into one <see cref="ProductShock"/> per product code, in order of first appearance.</summary>
    public static IReadOnlyList<ProductShock> FromRows(string importer, IEnumerable<ShockRow> rows) =>
        rows.GroupBy(r => r.Product, StringComparer.Ordinal)
            .Select(g => new ProductShock(g.Key, importer,
                g.Select(r => new PartnerShock(r.Partner, r.BaseValue, r.RateBefore, r.RateAfter)).ToArray()))
            .ToArray();
}
