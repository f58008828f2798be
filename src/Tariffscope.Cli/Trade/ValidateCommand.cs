using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Data;
using Tariffscope.Data.Trade;
using Tariffscope.Trade;

namespace Tariffscope.Cli.Trade;

public sealed class ValidateSettings : DataSettings
{
    [CommandOption("--year <YEAR>")]
    [Description("Base year to check (default: the latest year held)")]
    public int? Year { get; set; }

    [CommandOption("--date <DATE>")]
    [Description("Rate the whole year with the rules of this one date (default: the rules of every day of the year, averaged by days)")]
    public string? Date { get; set; }

    [CommandOption("--importer <COUNTRY>")]
    [Description("Importing country (default US)")]
    public string Importer { get; set; } = "US";

    [CommandOption("--partner <LIST>")]
    [Description("Partners, comma-separated ISO codes (default: every partner held); chapters are for these partners")]
    public string? Partner { get; set; }

    [CommandOption("--top <N>")]
    [Description("Chapters to list, largest gaps first (default 15)")]
    [DefaultValue(15)]
    public int Top { get; set; } = 15;

    [CommandOption("--claim <ASSUMPTION>")]
    [Description("Preference claims assumed: expected (default: each line's claimed share of the year or month rated as claimed, the rest without), none, all, or PARTNER=PROGRAMME pairs claimed on every line")]
    public string Claim { get; set; } = "expected";

    [CommandOption("--quantities <BASIS>")]
    [Description("Specific rates on lines whose flows report no quantity: estimate (default: the quantity from a sourced unit value, e.g. crude oil per barrel, listed in the answer) or none (counted as 0: the lower bound)")]
    public string Quantities { get; set; } = "estimate";

    public IReadOnlyList<string> Partners => (Partner ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToUpperInvariant()).ToList();

    public override ValidationResult Validate() =>
        ClaimBasis.Check(Claim) is { } bad ? ValidationResult.Error(bad)
        : UnitValueFile.Check(Quantities) is { } badQuantities ? ValidationResult.Error(badQuantities)
        : ValidateDate(Date, "--date");
}

/// <summary>`tariffscope indicators validate`: computed duty on the base year against the duty collected.</summary>
public sealed class ValidateCommand(IAnsiConsole console) : Command<ValidateSettings>
{
    public override int Execute(CommandContext context, ValidateSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        var rules = new Rulebook(Workspace.Load(s.ResolveDataDirectory()));
        ValidationAnswer view;
        try
        {
            view = new ValidateQuestion(rules, new TradeData(rules.Workspace.Directory)).Ask(new ValidateRequest
            {
                Year = s.Year, Date = s.Date is null ? null : DateOnly.ParseExact(s.Date, "yyyy-MM-dd"), Importer = s.Importer, Partners = s.Partners,
                Top = s.Top, Claim = s.Claim, Quantities = s.Quantities,
            });
        }
        catch (NoTradeDataException e) { throw new UserInputException(e.Message); }
        var (report, largest, importer, notes) = (view.Report, view.LargestChapterGaps, s.Importer.ToUpperInvariant(), view.Notes);
        if (s.Json) { CommandOutput.WriteJson(console, view); return 0; }

        console.MarkupLine($"[bold]Computed against collected duty[/], {importer} imports {report.Year} (scenario {report.Scenario}), {Markup.Escape(Method(report))}");
        console.MarkupLine($"Claims: [bold]{report.Claims.Assumption}[/] — {Markup.Escape(report.Claims.Description)}");
        if (report.Segments.Length > 1)
        {
            var g = new Table().Border(TableBorder.Rounded).Title("Rule segments (each line's rate is the days-weighted mean over them)")
                .AddColumn("From").AddColumn("Through").AddColumn(new TableColumn("Days").RightAligned()).AddColumn("What changes");
            foreach (var seg in report.Segments)
                g.AddRow(seg.From.ToString("yyyy-MM-dd"), seg.Through.ToString("yyyy-MM-dd"), seg.Days.ToString(), Markup.Escape(seg.Changes.Count == 0 ? "(start)" : string.Join("; ", seg.Changes)));
            console.Write(g);
        }
        var t = Table("Partner");
        foreach (var r in report.Partners.Prepend(report.Total)) AddRow(t, r);
        console.Write(t);
        var m = Table("Measures charged");
        foreach (var r in report.ByMeasures) AddRow(m, r);
        console.Write(m);
        var c = Table("HS2").Title($"Largest chapter gaps{(s.Partners.Count > 0 ? " for " + string.Join(", ", s.Partners) : "")}");
        foreach (var r in largest) AddRow(c, r);
        console.Write(c);
        foreach (var n in notes.Concat(report.Notes)) console.MarkupLine($"[grey]note: {Markup.Escape(n)}[/]");
        return 0;
    });

    /// <summary>The method in words: one date's rules, or the days-weighted mean over the span.</summary>
    private static string Method(ValidationReport r) => ValidateQuestion.Method(r);

    private static Table Table(string first)
    {
        var t = new Table().Border(TableBorder.Rounded).AddColumn(first);
        foreach (var c in new[] { "Imports", "Collected", "Computed", "of which base", "of which additional", "Gap", "Gap %", "Not rated" })
            t.AddColumn(new TableColumn(c).RightAligned());
        return t;
    }

    private static void AddRow(Table t, ValidationRow r) => t.AddRow(
        r.Group == "all" ? "[bold]all[/]" : r.Group, TradeFormat.Money(r.Value),
        $"{TradeFormat.Money(r.Collected)} ({TradeFormat.Pct(r.CollectedRate)})", $"{TradeFormat.Money(r.Computed)} ({TradeFormat.Pct(r.ComputedRate)})",
        TradeFormat.Money(r.ComputedBase), TradeFormat.Money(r.ComputedAdditional), TradeFormat.Money(r.Gap),
        r.GapShare is { } g ? TradeFormat.Pct(g, 1) : "-", TradeFormat.Pct(r.UnratedShare, 1));
}
