using System.Text.Json;
using System.Text.Json.Serialization;
using Tariffscope.Economics;

namespace Tariffscope.Cli.Impact;

/// <summary>The machine-readable answer of `impact --json`. Price changes are proportions (0.05 = +5%); values are in the flows' unit.</summary>
internal sealed record ImpactJson(
    string Model,
    string ModelKind,
    IReadOnlyList<ImpactJson.Region> Regions,
    double[][] FlowsBefore,
    double[][] FlowsAfter,
    ImpactJson.Total Totals,
    IReadOnlyList<string> Warnings)
{
    internal sealed record Region([property: JsonPropertyName("region")] string Name, double WorldPriceChange,
        double DomesticPriceChange, double ConsumerSurplus, double ProducerSurplus, double TariffRevenue, double Welfare,
        double ExportsBefore, double ExportsAfter, double ImportsBefore, double ImportsAfter);

    internal sealed record Total(double ConsumerSurplus, double ProducerSurplus, double TariffRevenue, double Welfare,
        double TradeBefore, double TradeAfter);

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static ImpactJson From(GsimResult r, string modelPath)
    {
        var n = r.Size;
        var regions = r.Regions.Select(g => new Region(g.Region, g.WorldPriceChange, g.DomesticPriceChange, g.ConsumerSurplus,
            g.ProducerSurplus, g.TariffRevenue, g.Welfare, g.ExportsBefore, g.ExportsAfter, g.ImportsBefore, g.ImportsAfter)).ToArray();
        var before = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => r.Market.Flow(i, j)).ToArray()).ToArray();
        var after = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => r.FlowAfter(i, j)).ToArray()).ToArray();
        var t = r.Totals;
        return new ImpactJson(Path.GetFileName(modelPath), "gsim", regions, before, after,
            new Total(t.ConsumerSurplus, t.ProducerSurplus, t.TariffRevenue, t.Welfare, t.TradeBefore, t.TradeAfter),
            ImpactTables.Warnings(r));
    }
}
