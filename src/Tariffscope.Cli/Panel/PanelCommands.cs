using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Data.Panel;
using Tariffscope.Engine.Batch;
using Tariffscope.Engine.Panel;

namespace Tariffscope.Cli.Panel;

/// <summary>`tariffscope panel export`.</summary>
public static class PanelCommands
{
    public static void Configure(IConfigurator<CommandSettings> b)
    {
        b.SetDescription("The rate panel: every line's duty formula from every origin, interval by interval");
        b.AddCommand<PanelExportCommand>("export")
            .WithDescription("Write the panel (one row per line, origin and interval) as Parquet or CSV")
            .WithExample("panel", "export", "--from", "2025-01-01", "--to", "2026-12-31", "--origins", "CN,DE", "--out", "panel.parquet");
    }
}

public sealed class PanelExportSettings : EngineSettings
{
    [CommandOption("--from <DATE>")]
    [Description("First day, YYYY-MM-DD (default 2025-01-01)")]
    public string From { get; set; } = "2025-01-01";

    [CommandOption("--to <DATE>")]
    [Description("Last day, YYYY-MM-DD (default 2026-12-31)")]
    public string To { get; set; } = "2026-12-31";

    [CommandOption("--origins <LIST>")]
    [Description("Origins, comma-separated ISO codes (default: every country but the importer)")]
    public string? Origins { get; set; }

    [CommandOption("--codes <PREFIXES>")]
    [Description("Only lines under these code prefixes, comma-separated (default: every 10-digit line)")]
    public string? Codes { get; set; }

    [CommandOption("--out <FILE>")]
    [Description("Output file: .parquet, .csv or .tsv")]
    public string Out { get; set; } = "";

    public override ValidationResult Validate()
    {
        var v = base.Validate();
        if (!v.Successful) return v;
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out: give the file to write (.parquet, .csv or .tsv)");
        v = ValidateDate(From, "--from");
        return v.Successful ? ValidateDate(To, "--to") : v;
    }
}

public sealed class PanelExportCommand(IAnsiConsole console) : Command<PanelExportSettings>
{
    public override int Execute(CommandContext context, PanelExportSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        TryParseDates(s, out var from, out var to);
        static IReadOnlyList<string> List(string? text) => (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = new Tariffscope.Questions.Panel.PanelExportQuestion(s.Rules()).Ask(new(from, to, s.Out)
        {
            Scenario = s.Scenario, AsKnownOn = s.ResolveAsKnownOn(), Origins = List(s.Origins), Codes = List(s.Codes),
        });
        if (s.Json) { CommandOutput.WriteJson(console, result); return 0; }
        console.WriteLine($"{s.Out}: {result.Rows:N0} rows ({result.Lines:N0} lines × {result.Origins} origins in {result.Classes} classes, " +
                          $"{result.Intervals} intervals from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}), {new FileInfo(result.Path).Length / 1e6:0.0} MB in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    });

    private static void TryParseDates(PanelExportSettings s, out DateOnly from, out DateOnly to)
    {
        DataSettings.TryParseDate(s.From, out from);
        DataSettings.TryParseDate(s.To, out to);
        if (to < from) throw new ArgumentException($"--to ({s.To}) is before --from ({s.From})");
    }
}
