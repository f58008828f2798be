namespace Tariffscope.Economics;

/// <summary>
/// An impact report summed over the products of one sector: the importer's imports, consumer surplus, tariff
/// revenue and welfare (consumer surplus + revenue: the importer's own welfare in these markets), the partners'
/// producer surplus, and trade diversion (the rise of imports from partners whose flow grew) beside the fall from
/// those whose flow shrank.
/// </summary>
public sealed record SectorImpact(
    string Sector,
    int Products,
    double ImportsBefore,
    double ImportsAfter,
    double ConsumerSurplus,
    double TariffRevenue,
    double PartnersProducerSurplus,
    double Diverted,
    double Lost)
{
    public double ImporterWelfare => ConsumerSurplus + TariffRevenue;
    public double ImportChange => ImportsAfter - ImportsBefore;

    /// <summary>
    /// Sums the report's products by sector. <paramref name="sectorOf"/> names the sector of a product code (null:
    /// the product is counted under "unmapped", so the totals still add up to the report's).
    /// </summary>
    public static IReadOnlyList<SectorImpact> By(ImpactReport report, Func<string, string?> sectorOf) =>
        report.Products
            .GroupBy(p => sectorOf(p.Product) ?? "unmapped", StringComparer.Ordinal)
            .Select(g => new SectorImpact(g.Key, g.Count(),
                g.Sum(p => p.ImportsBefore), g.Sum(p => p.ImportsAfter), g.Sum(p => p.ConsumerSurplus), g.Sum(p => p.TariffRevenue),
                g.Sum(p => p.Partners.Sum(x => x.ProducerSurplus)),
                g.Sum(p => p.Partners.Where(x => x.FlowChange > 0).Sum(x => x.FlowChange)),
                g.Sum(p => p.Partners.Where(x => x.FlowChange < 0).Sum(x => x.FlowChange))))
            .OrderBy(s => s.ImporterWelfare)
            .ToArray();

    /// <summary>By HS section, from the code itself (no crosswalk needed).</summary>
    public static IReadOnlyList<SectorImpact> BySection(ImpactReport report) => By(report, code => HsSections.Of(code)?.Label);
}
