using Spectre.Console;

namespace Tariffscope.Cli.Impact;

/// <summary>Tables and JSON for `impact --scenario`.</summary>
internal static class ScenarioImpactOutput
{
    public static ScenarioImpactDoc Json(ScenarioImpactResult r, int top) => ScenarioImpactDoc.From(r, top);

    public static void Write(IAnsiConsole console, ScenarioImpactResult r, int top)
    {
        var rep = r.Report;
        console.MarkupLine($"[bold]Impact of {Markup.Escape(r.Scenario)}[/] against [bold]{Markup.Escape(r.Baseline)}[/] on {r.Date:yyyy-MM-dd}: imports into {rep.Importer}, GSIM ({rep.Form.ToString().ToLowerInvariant()} form) per {rep.Level.ToString().ToLowerInvariant()} product group");
        console.MarkupLine($"[grey]{r.FlowsRated:N0} base-year flows rated ({Markup.Escape(r.Schedule)}); {r.FlowsNotRated:N0} not rated (${r.ValueNotRated / 1e9m:N1} bn), left out[/]");
        console.MarkupLine($"[grey]claims {r.Claims.Assumption}: {Markup.Escape(r.Claims.Description)}[/]");
        console.MarkupLine($"Imports ${rep.ImportsBefore / 1e9:N1} bn -> ${rep.ImportsAfter / 1e9:N1} bn ({(rep.ImportsAfter / rep.ImportsBefore - 1) * 100:+0.0;-0.0}%)");
        var p = new Table().Border(TableBorder.Rounded).Title("Flows by partner (creation and diversion), $ bn");
        p.AddColumn("Partner"); p.AddColumn(new TableColumn("Before").RightAligned()); p.AddColumn(new TableColumn("After").RightAligned()); p.AddColumn(new TableColumn("Change").RightAligned());
        foreach (var x in rep.Partners.OrderBy(x => x.FlowChange).Take(top).Concat(rep.Partners.OrderByDescending(x => x.FlowChange).Take(top)).DistinctBy(x => x.Partner).OrderBy(x => x.FlowChange))
            p.AddRow(x.Partner, $"{x.FlowBefore / 1e9:N2}", $"{x.FlowAfter / 1e9:N2}", $"{x.FlowChange / 1e9:+0.00;-0.00}");
        console.Write(p);
        var w = new Table().Border(TableBorder.Rounded).Title("Welfare by region, $ bn");
        w.AddColumn("Region"); foreach (var c in new[] { "Consumer surplus", "Producer surplus", "Tariff revenue", "Welfare" }) w.AddColumn(new TableColumn(c).RightAligned());
        foreach (var x in rep.RegionTotals.OrderBy(x => x.Welfare).Take(top).Concat(rep.RegionTotals.OrderByDescending(x => x.Welfare).Take(3)).DistinctBy(x => x.Region))
            w.AddRow(x.Region, $"{x.ConsumerSurplus / 1e9:N2}", $"{x.ProducerSurplus / 1e9:N2}", $"{x.TariffRevenue / 1e9:N2}", $"{x.Welfare / 1e9:+0.00;-0.00}");
        console.Write(w);
        if (rep.DefaultsNote is not null) console.MarkupLine($"[yellow]note:[/] {rep.ProductsOnDefaultElasticities.Count:N0} of {rep.Products.Count:N0} product groups used the default elasticities (import demand {rep.Defaults.ImportDemand}, substitution {rep.Defaults.Substitution}, export supply {rep.Defaults.ExportSupply})");
        if (rep.OutOfRange.Count > 0) console.MarkupLine($"[yellow]warning:[/] {rep.OutOfRange.Count:N0} routes have shocks too large for the linearised model (demand change below -100%); their flows after are not meaningful");
    }
}
