using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Data.Trade;

namespace Tariffscope.Cli.Trade;

public sealed class ImportTradeSettings : DataSettings
{
    [CommandArgument(0, "<PATH-OR-URL>")]
    [Description("A Census-style .parquet file, a folder of them, a .csv (importer,partner,hs10,year,value,duty[[,quantity,unit]]) or a Census international trade API URL")]
    public string Source { get; set; } = "";

    [CommandOption("--importer <COUNTRY>")]
    [Description("Importing country of Parquet and API flows (default US; a CSV names it per row)")]
    public string Importer { get; set; } = "US";

    [CommandOption("--year <YEAR>")]
    [Description("Base year of the flows (default: from the files' time column)")]
    public int? Year { get; set; }

    [CommandOption("--countries <FILE>")]
    [Description("Census country code mapping, CSV cty_code,iso2[[,name]] (default: the built-in list of 51 partners)")]
    public string? Countries { get; set; }

    public override ValidationResult Validate()
    {
        if (Importer.Length != 2 || !Importer.All(char.IsAsciiLetter)) return ValidationResult.Error($"--importer: expected a two-letter country code such as US, found '{Importer}'");
        if (Year is < 1900 or > 2200) return ValidationResult.Error($"--year: expected a year such as 2024, found {Year}");
        return ValidationResult.Success();
    }
}

/// <summary>`tariffscope data import-trade`: trade flows into the data directory's DuckDB store.</summary>
public sealed class ImportTradeCommand(IAnsiConsole console) : AsyncCommand<ImportTradeSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ImportTradeSettings s, CancellationToken cancellationToken) =>
        CommandOutput.GuardAsync(async () =>
        {
            var result = await TradeImporter.ImportAsync(s.ResolveDataDirectory(),
                new TradeImportRequest(s.Source, s.Importer.ToUpperInvariant(), s.Year, s.Countries), ct: cancellationToken);
            if (s.Json) { CommandOutput.WriteJson(console, result); return 0; }
            console.MarkupLine($"Imported [bold]{result.Rows:N0}[/] flows of importer {result.Importer}, {result.Year}, from {result.Partners.Count} partner(s): " +
                               $"{TradeFormat.Money(result.Value)} of imports" + (result.DutyCollected is { } d ? $", {TradeFormat.Money(d)} duty collected" : "") +
                               $" in {result.Elapsed.TotalSeconds:0.0} s.");
            console.MarkupLine($"[grey]From:[/] {Markup.Escape(result.Source)} ({result.Kind})");
            console.MarkupLine($"[grey]Stored:[/] {Markup.Escape(result.StoredAt)}");
            var t = new Table().AddColumns("Partner", "Rows", "Imports", "Duty collected");
            foreach (var p in result.Partners.Take(10))
                t.AddRow(p.Partner, $"{p.Rows:N0}", TradeFormat.Money(p.Value), p.DutyCollected is { } pd ? TradeFormat.Money(pd) : "-");
            if (result.Partners.Count > 10) t.AddRow($"… {result.Partners.Count - 10} more", "", "", "");
            console.Write(t);
            return 0;
        });
}
