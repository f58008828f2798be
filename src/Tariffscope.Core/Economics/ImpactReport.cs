namespace Tariffscope.Economics;

/// <summary>
/// One partner's flow of a product (or total) into the importer before and after, its world price change and producer
/// surplus. The flow change is the partner's trade creation plus diversion. In totals over products the world price
/// change is the base-flow-weighted average.
/// </summary>
public sealed record PartnerImpact(string Partner, double FlowBefore, double FlowAfter, double WorldPriceChange, double ProducerSurplus)
{
    public double FlowChange => FlowAfter - FlowBefore;
}

/// <summary>The solved market of one product group: the importer's side, each partner's flow, and every region's welfare.</summary>
public sealed record ProductImpact(
    string Product,
    ElasticityMatch Elasticities,
    double ImportsBefore,
    double ImportsAfter,
    double DomesticPriceChange,
    double ConsumerSurplus,
    double TariffRevenue,
    IReadOnlyList<PartnerImpact> Partners,
    GsimResult Model)
{
    public double ImportChange => ImportsAfter - ImportsBefore;
    public IReadOnlyList<GsimRegionResult> Regions => Model.Regions;
}

/// <summary>
/// The impact of a scenario on one importer: per product group and summed. <see cref="ProductsOnDefaultElasticities"/>
/// lists every product that had no estimated elasticities and used the defaults, which a report must show.
/// </summary>
public sealed record ImpactReport(
    string Importer,
    ImpactLevel Level,
    IReadOnlyList<string> Regions,
    IReadOnlyList<ProductImpact> Products,
    IReadOnlyList<PartnerImpact> Partners,
    IReadOnlyList<RegionTotals> RegionTotals,
    GsimTotals Totals,
    IReadOnlyList<string> ProductsOnDefaultElasticities,
    Elasticities Defaults)
{
    /// <summary>The form of GSIM that solved the markets.</summary>
    public GsimForm Form { get; init; } = GsimForm.Linear;

    public double ImportsBefore => Partners.Sum(p => p.FlowBefore);
    public double ImportsAfter => Partners.Sum(p => p.FlowAfter);

    /// <summary>
    /// Routes whose shock is too large for the linearised model (demand change below -100%), as "product: exporter → importer".
    /// Their flows after are not meaningful; a report must show them.
    /// </summary>
    public IReadOnlyList<string> OutOfRange => Products
        .SelectMany(p => p.Model.OutOfRange.Select(w => $"{p.Product}: {Regions[w.Exporter]} → {Regions[w.Importer]}"))
        .ToArray();

    /// <summary>A sentence naming the products that used default elasticities, or null when none did.</summary>
    public string? DefaultsNote => ProductsOnDefaultElasticities.Count == 0 ? null
        : $"{ProductsOnDefaultElasticities.Count} of {Products.Count} product group(s) used the default elasticities " +
          $"(import demand {Defaults.ImportDemand}, substitution {Defaults.Substitution}, export supply {Defaults.ExportSupply}): " +
          string.Join(", ", ProductsOnDefaultElasticities);
}
