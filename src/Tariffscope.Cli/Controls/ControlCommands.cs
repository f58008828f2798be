using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Data.Controls;

namespace Tariffscope.Cli.Controls;

public sealed class ControlCheckSettings : ControlItemSettings
{
    [CommandOption("--date <DATE>"), Description("Date of export (YYYY-MM-DD). Default: today.")]
    public string? Date { get; init; }
}

public sealed class ControlCheckCommand : Command<ControlCheckSettings>
{
    public override int Execute(CommandContext context, ControlCheckSettings settings, CancellationToken cancellationToken) =>
        ControlOutput.Guard(() =>
        {
            var (date, dateError) = DateOption.Parse(settings.Date, "--date");
            if (dateError is not null) return ControlOutput.Fail(dateError);
            var (query, error) = settings.BuildQuery(date);
            if (error is not null) return ControlOutput.Fail(error);
            var screener = settings.Screener();
            if (settings.Json) ControlOutput.WriteJson(ControlsQuestion.Check(screener, query!));
            else ControlOutput.Answer(screener.Check(query!));
            return 0;
        });
}

public sealed class ControlTimelineSettings : ControlItemSettings
{
    [CommandOption("--from-date <DATE>"), Description("First date of the period (YYYY-MM-DD). Default: 2023-01-01.")]
    public string? FromDate { get; init; }

    [CommandOption("--to-date <DATE>"), Description("Last date of the period (YYYY-MM-DD). Default: two years from today.")]
    public string? ToDate { get; init; }
}

public sealed class ControlTimelineCommand : Command<ControlTimelineSettings>
{
    public override int Execute(CommandContext context, ControlTimelineSettings settings, CancellationToken cancellationToken) =>
        ControlOutput.Guard(() =>
        {
            var (from, e1) = DateOption.Parse(settings.FromDate, "--from-date", new DateOnly(2023, 1, 1));
            if (e1 is not null) return ControlOutput.Fail(e1);
            var (to, e2) = DateOption.Parse(settings.ToDate, "--to-date", Questions.Today.System.Date.AddYears(2));
            if (e2 is not null) return ControlOutput.Fail(e2);
            if (to < from) return ControlOutput.Fail($"--to-date: {to:yyyy-MM-dd} is before --from-date {from:yyyy-MM-dd}");
            var (query, error) = settings.BuildQuery(from);
            if (error is not null) return ControlOutput.Fail(error);
            var screener = settings.Screener();
            var timeline = ControlsQuestion.Timeline(screener, query!, from, to);
            if (settings.Json) ControlOutput.WriteJson(timeline);
            else ControlOutput.Timeline(query!, timeline.Scenario, timeline.Steps);
            return 0;
        });
}

public sealed class ControlDeadlinesSettings : ControlDataSettings
{
    [CommandOption("--date <DATE>"), Description("Start of the window (YYYY-MM-DD). Default: today.")]
    public string? Date { get; init; }

    [CommandOption("--days <DAYS>"), Description("Length of the window in days. Default: 365.")]
    public int Days { get; init; } = 365;

    public override ValidationResult Validate() =>
        Days is >= 0 and <= 36500 ? ValidationResult.Success() : ValidationResult.Error("--days: expected a number of days from 0 to 36500");
}

public sealed class ControlDeadlinesCommand : Command<ControlDeadlinesSettings>
{
    public override int Execute(CommandContext context, ControlDeadlinesSettings settings, CancellationToken cancellationToken) =>
        ControlOutput.Guard(() =>
        {
            var (date, error) = DateOption.Parse(settings.Date, "--date");
            if (error is not null) return ControlOutput.Fail(error);
            var screener = settings.Screener();
            var answer = ControlsQuestion.Deadlines(screener, date, settings.Days);
            if (settings.Json) ControlOutput.WriteJson(answer);
            else ControlOutput.Deadlines(date, settings.Days, answer.Scenario, answer.Deadlines);
            return 0;
        });
}

public sealed class ControlScreenSettings : ControlDataSettings
{
    [CommandArgument(0, "<SHIPMENTS>"), Description("CSV or XLSX file of shipments: columns from,to,date[[,hs,element,eccn,product,params,content,end_user,owner,end_use,origin]].")]
    public string Input { get; init; } = "";

    [CommandOption("--out <FILE>"), Description("Result CSV, one line per screened shipment.")]
    public string? Out { get; init; }

    [CommandOption("--rejects <FILE>"), Description("Rejected lines (line, field, reason). Default: beside --out, with .rejects before the extension.")]
    public string? Rejects { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out: expected the path of the result CSV") : ValidationResult.Success();
}

public sealed class ControlScreenCommand : Command<ControlScreenSettings>
{
    public override int Execute(CommandContext context, ControlScreenSettings settings, CancellationToken cancellationToken) =>
        ControlOutput.Guard(() =>
        {
            var summary = ScreenFileQuestion.Run(settings.Input, settings.Out!, settings.Rejects, settings.Screener());
            if (settings.Json) ControlOutput.WriteJson(new { summary, balanced = summary.Balanced });
            else
            {
                AnsiConsole.WriteLine($"input {summary.InputLines} lines = {summary.Screened} screened + {summary.Rejected} rejected" +
                                      (summary.Balanced ? "" : "  (DOES NOT ADD UP)"));
                foreach (var (outcome, n) in summary.ByOutcome) AnsiConsole.WriteLine($"  {outcome}: {n}");
                AnsiConsole.WriteLine($"results: {summary.Output}");
                AnsiConsole.WriteLine($"rejects: {summary.RejectsFile}");
                foreach (var c in summary.IgnoredColumns) AnsiConsole.MarkupLine($"[yellow]warning:[/] column '{Markup.Escape(c)}' is not one the screener reads; ignored");
            }
            if (!summary.Balanced) return ControlOutput.Fail($"{settings.Input}: counts do not add up: input {summary.InputLines} ≠ {summary.Screened} screened + {summary.Rejected} rejected");
            return 0;
        });
}
