using ScottPlot;
using Spectre.Console;
using Tariffscope.Economics;

namespace Tariffscope.Cli.Impact;

/// <summary>The impact by sector (HS section or GTAP sector): a table, JSON rows and a chart of welfare and diversion.</summary>
internal static class SectorOutput
{
    public static void Write(IAnsiConsole console, IReadOnlyList<SectorImpact> sectors, string by, string importer, int top)
    {
        var t = new Table().Border(TableBorder.Rounded).Title($"By {by}: {importer} imports and welfare, $ bn");
        foreach (var c in new[] { "Sector", "Products", "Imports before", "Change", "Diverted to others", "Consumer surplus", "Revenue", "Importer welfare", "Partners' PS" })
            t.AddColumn(c == "Sector" ? new TableColumn(c) : new TableColumn(c).RightAligned());
        foreach (var s in sectors.OrderByDescending(s => Math.Abs(s.ImporterWelfare)).Take(top).OrderBy(s => s.ImporterWelfare))
            t.AddRow(Markup.Escape(s.Sector), $"{s.Products:N0}", $"{s.ImportsBefore / 1e9:N2}", Bn(s.ImportChange), Bn(s.Diverted),
                Bn(s.ConsumerSurplus), Bn(s.TariffRevenue), Bn(s.ImporterWelfare), Bn(s.PartnersProducerSurplus));
        t.AddRow("[bold]all[/]", $"{sectors.Sum(s => s.Products):N0}", $"{sectors.Sum(s => s.ImportsBefore) / 1e9:N2}", Bn(sectors.Sum(s => s.ImportChange)),
            Bn(sectors.Sum(s => s.Diverted)), Bn(sectors.Sum(s => s.ConsumerSurplus)), Bn(sectors.Sum(s => s.TariffRevenue)),
            Bn(sectors.Sum(s => s.ImporterWelfare)), Bn(sectors.Sum(s => s.PartnersProducerSurplus)));
        console.Write(t);
        if (sectors.Count > top) console.MarkupLine($"[grey]{top} of {sectors.Count} sectors shown (largest welfare changes); --json lists all[/]");
    }

    /// <summary>Two bar series per sector: the importer's welfare and the imports diverted to other partners, $ bn.</summary>
    public static void Chart(IReadOnlyList<SectorImpact> sectors, string by, string path, int top = 15)
    {
        var shown = sectors.OrderByDescending(s => Math.Abs(s.ImporterWelfare) + Math.Abs(s.Diverted)).Take(top).OrderBy(s => s.ImporterWelfare).ToList();
        var plot = new Plot();
        var bars = new List<Bar>();
        for (var k = 0; k < shown.Count; k++)
        {
            bars.Add(new Bar { Position = 3 * k, Value = shown[k].ImporterWelfare / 1e9, FillColor = Colors.FireBrick });
            bars.Add(new Bar { Position = 3 * k + 1, Value = shown[k].Diverted / 1e9, FillColor = Colors.SteelBlue });
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(shown.Select((_, k) => 3.0 * k + 0.5).ToArray(), shown.Select(s => Short(s.Sector)).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = shown.Any(s => s.Sector.Length > 6) ? 160 : 60; // room for rotated section titles
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "importer welfare (CS + revenue)", FillColor = Colors.FireBrick });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "imports diverted to other partners", FillColor = Colors.SteelBlue });
        plot.ShowLegend();
        plot.Title($"Welfare and trade diversion by {by}");
        plot.YLabel("$ billion");
        if (Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase)) File.WriteAllText(path, plot.GetSvgXml(1000, 600));
        else plot.SavePng(path, 1000, 600);
    }

    // rounded first, so that a tiny negative prints as 0.00, not -0.00
    private static string Bn(double x) => $"{Math.Round(x / 1e9, 2):+0.00;-0.00;0.00}";

    private static string Short(string s) => s.Length > 28 ? s[..28] + "…" : s;
}
