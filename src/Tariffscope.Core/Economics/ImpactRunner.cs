namespace Tariffscope.Economics;

/// <summary>
/// Runs the GSIM model over a scenario's product shocks for one importer. Partners outside <c>partners</c> are summed
/// into one rest-of-world region; each product group (HS6, HS2 or total) becomes one market with the regions
/// [importer, partners..., rest of world], flows into the importer (plus any other routes given), and the power of
/// tariff on each route weighted by base flows. Elasticities come from the table by product code (longest prefix),
/// falling back to its defaults — which the report lists.
/// </summary>
public sealed class ImpactRunner(ElasticityTable? elasticities = null, GsimForm form = GsimForm.Linear)
{
    public const string DefaultRestOfWorld = "ROW";

    public ElasticityTable Elasticities { get; } = elasticities ?? ElasticityTable.GsimDefaultsOnly;

    /// <summary>Linearised GSIM (the default) or the exact CES form, which stays in range on large shocks.</summary>
    public GsimForm Form { get; } = form;

    public ImpactReport Run(IEnumerable<ProductShock> shocks, IReadOnlyList<string> partners, ImpactLevel level = ImpactLevel.Hs6,
        string restOfWorld = DefaultRestOfWorld)
    {
        var (importer, regions, groups) = Prepare(shocks, partners, level, restOfWorld);
        var matches = groups.Select(g => level == ImpactLevel.Total
            ? new ElasticityMatch(Elasticities.Defaults, null, Elasticities.DefaultsSource)
            : Elasticities.Lookup(g.Key)).ToArray();
        var markets = groups.Select((g, k) => g.ToMarket(regions, matches[k])).ToArray();
        var batch = CesModel.SolveMany(markets, Form);

        var products = new ProductImpact[groups.Count];
        for (var k = 0; k < groups.Count; k++)
        {
            var result = batch.Markets[k];
            var partnerImpacts = new PartnerImpact[regions.Length - 1];
            for (var r = 1; r < regions.Length; r++)
                partnerImpacts[r - 1] = new PartnerImpact(regions[r], result.Market.Flow(r, 0), result.FlowAfter(r, 0),
                    result.WorldPriceChange(r), result.ProducerSurplus(r));
            var imp = result[0];
            products[k] = new ProductImpact(groups[k].Key, matches[k], imp.ImportsBefore, imp.ImportsAfter, imp.DomesticPriceChange,
                imp.ConsumerSurplus, imp.TariffRevenue, partnerImpacts, result);
        }

        var partnerTotals = Enumerable.Range(1, regions.Length - 1).Select(r =>
        {
            // Over products, the world price change is averaged with base flows as weights.
            var before = products.Sum(p => p.Partners[r - 1].FlowBefore);
            var price = before > 0 ? products.Sum(p => p.Partners[r - 1].WorldPriceChange * p.Partners[r - 1].FlowBefore) / before : 0;
            return new PartnerImpact(regions[r], before, products.Sum(p => p.Partners[r - 1].FlowAfter), price,
                products.Sum(p => p.Partners[r - 1].ProducerSurplus));
        }).ToArray();
        var defaulted = products.Where(p => p.Elasticities.IsDefault).Select(p => p.Product).ToArray();
        return new ImpactReport(importer, level, regions, products, partnerTotals, batch.Regions, batch.Totals, defaulted,
            Elasticities.Defaults) { Form = Form };
    }

    /// <summary>The markets the runner would solve, without solving them (for inspection and for other models).</summary>
    public IReadOnlyList<GsimMarket> BuildMarkets(IEnumerable<ProductShock> shocks, IReadOnlyList<string> partners,
        ImpactLevel level = ImpactLevel.Hs6, string restOfWorld = DefaultRestOfWorld)
    {
        var (_, regions, groups) = Prepare(shocks, partners, level, restOfWorld);
        return groups.Select(g => g.ToMarket(regions,
            level == ImpactLevel.Total ? new ElasticityMatch(Elasticities.Defaults, null, null) : Elasticities.Lookup(g.Key))).ToArray();
    }

    /// <summary>The product group a code falls in at a level: its first 6 or 2 digits, or "TOTAL".</summary>
    public static string GroupKey(string product, ImpactLevel level)
    {
        var digits = new string(product.Where(char.IsAsciiDigit).ToArray());
        return level switch
        {
            ImpactLevel.Total => "TOTAL",
            ImpactLevel.Hs2 => digits.Length >= 2 ? digits[..2] : digits,
            _ => digits.Length >= 6 ? digits[..6] : digits,
        };
    }

    private static (string Importer, string[] Regions, List<ProductGroup> Groups) Prepare(IEnumerable<ProductShock> shocks,
        IReadOnlyList<string> partners, ImpactLevel level, string restOfWorld)
    {
        var list = shocks.ToList();
        if (list.Count == 0) throw new ArgumentException("no product shocks to run", nameof(shocks));
        var importer = list[0].Importer;
        var regions = new List<string> { importer };
        foreach (var p in partners)
        {
            if (p == importer) throw new ArgumentException($"partner '{p}' is the importer itself", nameof(partners));
            if (p == restOfWorld) throw new ArgumentException($"partner '{p}' has the name of the rest-of-world region", nameof(partners));
            if (regions.Contains(p)) throw new ArgumentException($"partner '{p}' is listed twice", nameof(partners));
            regions.Add(p);
        }
        regions.Add(restOfWorld);
        var index = regions.Select((name, k) => (name, k)).ToDictionary(t => t.name, t => t.k, StringComparer.Ordinal);
        int RegionOf(string name) => index.TryGetValue(name, out var k) ? k : regions.Count - 1;

        var groups = new Dictionary<string, ProductGroup>(StringComparer.Ordinal);
        var order = new List<ProductGroup>();
        foreach (var shock in list)
        {
            if (shock.Importer != importer)
                throw new ArgumentException($"product {shock.Product}: importer {shock.Importer}, but this run is for {importer} (one importer per run)", nameof(shocks));
            var key = GroupKey(shock.Product, level);
            if (key.Length < 2) throw new ArgumentException($"product '{shock.Product}' is not an HS code (expected at least 2 digits)", nameof(shocks));
            if (!groups.TryGetValue(key, out var group)) { group = new ProductGroup(key, regions.Count); groups[key] = group; order.Add(group); }
            foreach (var p in shock.Partners)
            {
                if (p.Partner == importer) throw new ArgumentException($"product {shock.Product}: partner {p.Partner} is the importer itself", nameof(shocks));
                group.Add(shock.Product, p.Partner, RegionOf(p.Partner), 0, p.BaseValue, p.RateBefore, p.RateAfter);
            }
            foreach (var route in shock.OtherRoutes ?? [])
                group.Add(shock.Product, $"{route.Exporter}->{route.Importer}", RegionOf(route.Exporter), RegionOf(route.Importer),
                    route.BaseValue, route.RateBefore, route.RateAfter);
        }
        return (importer, regions.ToArray(), order);
    }

    /// <summary>Flows and flow-weighted powers of tariff of one product group, summed route by route.</summary>
    private sealed class ProductGroup(string key, int n)
    {
        private readonly double[,] value = new double[n, n], weightedBefore = new double[n, n], weightedAfter = new double[n, n];
        public string Key { get; } = key;

        public void Add(string product, string who, int exporter, int importer, decimal baseValue, decimal rateBefore, decimal rateAfter)
        {
            if (baseValue < 0) throw new ArgumentException($"product {product}, {who}: base value {baseValue} must be >= 0");
            if (rateBefore < 0 || rateAfter < 0)
                throw new ArgumentException($"product {product}, {who}: rates {rateBefore} -> {rateAfter} must be >= 0 (0.25 = 25%)");
            var v = (double)baseValue;
            value[exporter, importer] += v;
            weightedBefore[exporter, importer] += v * (1 + (double)rateBefore);
            weightedAfter[exporter, importer] += v * (1 + (double)rateAfter);
        }

        public GsimMarket ToMarket(IReadOnlyList<string> regions, ElasticityMatch elasticities)
        {
            var before = new double[n, n];
            var after = new double[n, n];
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                {
                    // A route with no flow has no weight to average with and no effect on the model: leave it at 1.
                    var v = value[i, j];
                    before[i, j] = v > 0 ? Math.Max(1, weightedBefore[i, j] / v) : 1;
                    after[i, j] = v > 0 ? Math.Max(1, weightedAfter[i, j] / v) : 1;
                }
            return new GsimMarket(regions, (double[,])value.Clone(), before, after, elasticities.Values, Key);
        }
    }
}
