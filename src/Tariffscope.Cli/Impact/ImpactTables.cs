using System.Globalization;
using Spectre.Console;
using Tariffscope.Economics;

namespace Tariffscope.Cli.Impact;

/// <summary>The people's view of a GSIM result: effects by region, then every non-empty route before and after.</summary>
internal static class ImpactTables
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(IAnsiConsole console, GsimResult r, string modelPath)
    {
        var m = r.Market;
        console.MarkupLineInterpolated($"[bold]GSIM impact[/] of {Path.GetFileName(modelPath)}: {m.Size} regions; elasticities: import demand {List(m.ImportDemand, m.Size)}, substitution {List(m.Substitution, m.Size)}, export supply {List(m.ExportSupply, m.Size)}");
        console.MarkupLine("[grey]Values in the unit of the flows (at world prices); price changes in percent.[/]");

        var regions = new Table().Border(TableBorder.Rounded).Title("Effects by region");
        regions.AddColumn("Region");
        foreach (var h in new[] { "World price", "Domestic price", "Consumer surplus", "Producer surplus", "Tariff revenue", "Welfare" })
            regions.AddColumn(new TableColumn(h).RightAligned());
        foreach (var g in r.Regions)
            regions.AddRow(Markup.Escape(g.Region), Pct(g.WorldPriceChange), Pct(g.DomesticPriceChange), Val(g.ConsumerSurplus),
                Val(g.ProducerSurplus), Val(g.TariffRevenue), Signed(g.Welfare));
        var t = r.Totals;
        regions.AddRow("[bold]Total[/]", "", "", Val(t.ConsumerSurplus), Val(t.ProducerSurplus), Val(t.TariffRevenue), Signed(t.Welfare));
        console.Write(regions);

        var flows = new Table().Border(TableBorder.Rounded).Title("Flows (exporter → importer)");
        flows.AddColumn("Route");
        foreach (var h in new[] { "Before", "After", "Change", "Change %" }) flows.AddColumn(new TableColumn(h).RightAligned());
        for (var i = 0; i < m.Size; i++)
            for (var j = 0; j < m.Size; j++)
            {
                var before = m.Flow(i, j);
                if (before == 0) continue;
                flows.AddRow(Markup.Escape($"{m.Regions[i]} → {m.Regions[j]}"), Val(before), Val(r.FlowAfter(i, j)),
                    Signed(r.FlowChange(i, j)), Pct(r.FlowChange(i, j) / before));
            }
        flows.AddRow("[bold]World trade[/]", Val(t.TradeBefore), Val(t.TradeAfter), Signed(t.TradeAfter - t.TradeBefore),
            t.TradeBefore > 0 ? Pct((t.TradeAfter - t.TradeBefore) / t.TradeBefore) : "");
        console.Write(flows);

        foreach (var w in Warnings(r)) console.MarkupLineInterpolated($"[yellow]warning:[/] {w}");
    }

    public static IReadOnlyList<string> Warnings(GsimResult r) => r.OutOfRange
        .Select(w => $"{r.Market.Regions[w.Exporter]} → {r.Market.Regions[w.Importer]}: the linear demand change is " +
                     $"{w.DemandChange.ToString("P0", Inv)}, below -100%; the shock is too large for the linearised model and this route's results are not meaningful")
        .ToArray();

    private static string List(Func<int, double> value, int n)
    {
        var values = Enumerable.Range(0, n).Select(value).ToArray();
        return values.Distinct().Count() == 1 ? Num(values[0]) : string.Join("/", values.Select(Num));
    }

    private static string Num(double v) => double.IsPositiveInfinity(v) ? "inf" : v.ToString("0.###", Inv);
    private static string Val(double v) => v.ToString("#,0.00", Inv);
    private static string Pct(double v) => (v * 100).ToString("+0.00;-0.00;0.00", Inv) + "%";

    private static string Signed(double v)
    {
        var text = v.ToString("+#,0.00;-#,0.00;0.00", Inv);
        return v > 0 ? $"[green]{text}[/]" : v < 0 ? $"[red]{text}[/]" : text;
    }
}
