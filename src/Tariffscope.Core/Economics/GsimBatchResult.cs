namespace Tariffscope.Economics;

/// <summary>One region's effects summed over many markets (products). Price changes are not summed: they are per market.</summary>
public sealed record RegionTotals(
    string Region,
    double ConsumerSurplus,
    double ProducerSurplus,
    double TariffRevenue,
    double Welfare,
    double ExportsBefore,
    double ExportsAfter,
    double ImportsBefore,
    double ImportsAfter);

/// <summary>The results of many GSIM markets, in input order, with totals by region name (in order of first appearance).</summary>
public sealed class GsimBatchResult
{
    public GsimBatchResult(IReadOnlyList<GsimResult> markets)
    {
        Markets = markets;
        var order = new List<string>();
        var sums = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var result in markets)
            for (var r = 0; r < result.Size; r++)
            {
                var region = result[r];
                if (!sums.TryGetValue(region.Region, out var s)) { s = new double[8]; sums[region.Region] = s; order.Add(region.Region); }
                s[0] += region.ConsumerSurplus; s[1] += region.ProducerSurplus; s[2] += region.TariffRevenue; s[3] += region.Welfare;
                s[4] += region.ExportsBefore; s[5] += region.ExportsAfter; s[6] += region.ImportsBefore; s[7] += region.ImportsAfter;
            }
        Regions = order.Select(name => { var s = sums[name]; return new RegionTotals(name, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]); })
            .ToArray();
        Totals = new GsimTotals(
            markets.Sum(m => m.Totals.ConsumerSurplus), markets.Sum(m => m.Totals.ProducerSurplus),
            markets.Sum(m => m.Totals.TariffRevenue), markets.Sum(m => m.Totals.Welfare),
            markets.Sum(m => m.Totals.TradeBefore), markets.Sum(m => m.Totals.TradeAfter));
    }

    public IReadOnlyList<GsimResult> Markets { get; }
    public IReadOnlyList<RegionTotals> Regions { get; }
    public GsimTotals Totals { get; }
}
