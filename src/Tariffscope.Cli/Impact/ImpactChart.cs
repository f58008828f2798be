using ScottPlot;
using Tariffscope.Economics;

namespace Tariffscope.Cli.Impact;

/// <summary>
/// Two charts, one above the other: welfare change by region, and the change of each exporter's flow into the
/// most-shocked importer (the one whose imports carry the largest flow-weighted tariff change, sum_i M_ij*|dT_ij|).
/// </summary>
internal static class ImpactChart
{
    private const int Width = 900, Height = 450;

    public static string? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "png",
        ".svg" => "svg",
        _ => null,
    };

    public static void Save(GsimResult r, string path) => SaveTwo(WelfarePlot(r), FlowPlot(r), path);

    /// <summary>For a scenario run: diversion by partner (flow change into the importer, $ bn) and welfare by region.</summary>
    public static void Save(ImpactReport r, string path, int top = 12)
    {
        var partners = r.Partners.Where(p => p.Partner != ImpactRunner.DefaultRestOfWorld)
            .OrderByDescending(p => Math.Abs(p.FlowChange)).Take(top).OrderBy(p => p.FlowChange).ToList();
        var flows = new Plot();
        AddBars(flows, partners.Select(p => p.Partner).ToArray(), partners.Select(p => p.FlowChange / 1e9).ToArray());
        flows.Title($"Change in {r.Importer} imports by partner (trade creation and diversion)");
        flows.YLabel("$ billion");
        var regions = r.RegionTotals.OrderByDescending(x => Math.Abs(x.Welfare)).Take(top).OrderBy(x => x.Welfare).ToList();
        var welfare = new Plot();
        AddBars(welfare, regions.Select(x => x.Region).ToArray(), regions.Select(x => x.Welfare / 1e9).ToArray());
        welfare.Title("Welfare change by region");
        welfare.YLabel("$ billion");
        SaveTwo(flows, welfare, path);
    }

    private static void SaveTwo(Plot welfare, Plot flows, string path)
    {
        if (FormatOf(path) == "svg")
        {
            // ScottPlot saves one plot per SVG: stack the two documents inside one.
            File.WriteAllText(path,
                $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{2 * Height}\">" +
                $"<g>{Inner(welfare.GetSvgXml(Width, Height))}</g>" +
                $"<g transform=\"translate(0,{Height})\">{Inner(flows.GetSvgXml(Width, Height))}</g></svg>");
            return;
        }
        var multiplot = new Multiplot(welfare); // starts with the welfare plot as its only subplot
        multiplot.AddPlot(flows);
        multiplot.SavePng(path, Width, 2 * Height);
    }

    /// <summary>The importer whose imports carry the largest flow-weighted tariff change.</summary>
    public static int MostShockedImporter(GsimMarket m)
    {
        int best = 0;
        double bestShock = -1;
        for (var j = 0; j < m.Size; j++)
        {
            double shock = 0;
            for (var i = 0; i < m.Size; i++) shock += m.Flow(i, j) * Math.Abs(m.PowerAfter(i, j) / m.PowerBefore(i, j) - 1);
            if (shock > bestShock) { bestShock = shock; best = j; }
        }
        return best;
    }

    private static Plot WelfarePlot(GsimResult r)
    {
        var plot = new Plot();
        AddBars(plot, r.Market.Regions, Enumerable.Range(0, r.Size).Select(r.Welfare).ToArray());
        plot.Title("Welfare change by region");
        plot.YLabel("change (unit of the flows)");
        return plot;
    }

    private static Plot FlowPlot(GsimResult r)
    {
        var j = MostShockedImporter(r.Market);
        var exporters = Enumerable.Range(0, r.Size).Where(i => r.Market.Flow(i, j) > 0).ToArray();
        var plot = new Plot();
        AddBars(plot, exporters.Select(i => r.Market.Regions[i]).ToArray(), exporters.Select(i => r.FlowChange(i, j)).ToArray());
        plot.Title($"Change in imports of {r.Market.Regions[j]} by exporter");
        plot.YLabel("change (unit of the flows)");
        return plot;
    }

    private static void AddBars(Plot plot, IReadOnlyList<string> labels, double[] values)
    {
        var bars = values.Select((v, k) => new Bar { Position = k, Value = v, FillColor = v >= 0 ? Colors.SeaGreen : Colors.IndianRed }).ToArray();
        plot.Add.Bars(bars);
        plot.Add.HorizontalLine(0, 1, Colors.Black);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, labels.Count).Select(k => (double)k).ToArray(), labels.ToArray());
        plot.Axes.Margins(bottom: 0.1, top: 0.1);
    }

    private static string Inner(string svgDocument)
    {
        var start = svgDocument.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? svgDocument : svgDocument[start..];
    }
}
