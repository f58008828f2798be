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
    [Description("The date whose rules rate the year (default: 1 July of the year)")]
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

    public IReadOnlyList<string> Partners => (Partner ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToUpperInvariant()).ToList();

    public override ValidationResult Validate() => ValidateDate(Date, "--date");
}

public sealed record ValidationView(string Schedule, ValidationReport Report, IReadOnlyList<ValidationRow> LargestChapterGaps, IReadOnlyList<string> Notes);

/// <summary>`tariffscope indicators validate`: computed duty on the base year against the duty collected.</summary>
public sealed class ValidateCommand(IAnsiConsole console) : Command<ValidateSettings>
{
    public override int Execute(CommandContext context, ValidateSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        var importer = s.Importer.ToUpperInvariant();
        var w = Workspace.Load(s.ResolveDataDirectory());
        IReadOnlyList<TradeFlow> flows;
        using (var store = TradeStore.Open(w.Directory)) flows = store.Read(importer, s.Year, s.Partners);
        if (flows.Count == 0) throw new UserInputException($"no trade flows of importer {importer} for partner(s) {string.Join(", ", s.Partners)}");
        var year = flows[0].Year;
        var date = s.Date is null ? new DateOnly(year, 7, 1) : DateOnly.ParseExact(s.Date, "yyyy-MM-dd");
        var schedule = IndicatorSetup.ScheduleFor(w, importer, flows.Select(f => f.Code).Distinct());
        var notes = new List<string>();
        if (schedule.On(date) is null)
        {
            notes.Add($"no revision is in force on {date:yyyy-MM-dd}: the earliest one ({schedule.Revisions[0].Name}, from {schedule.Revisions[0].EffectiveDate:yyyy-MM-dd}) is read as the nearest schedule; codes renumbered since are not rated");
            schedule = IndicatorSchedules.Backdated(schedule, new DateOnly(year, 1, 1));
        }
        var report = DutyValidation.Run(IndicatorSetup.Rater(w, "actual", importer, schedule), flows, date);
        var largest = report.Chapters.OrderByDescending(r => Math.Abs(r.Gap)).Take(s.Top).ToList();
        var view = new ValidationView(importer == "US" ? w.UsSchedule.Description : importer, report, largest, notes);
        if (s.Json) { CommandOutput.WriteJson(console, view); return 0; }

        console.MarkupLine($"[bold]Computed against collected duty[/], {importer} imports {report.Year}, rated with the rules of {report.Date:yyyy-MM-dd} (scenario {report.Scenario})");
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
