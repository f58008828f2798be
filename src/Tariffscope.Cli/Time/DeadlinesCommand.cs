using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Engine;

namespace Tariffscope.Cli.Time;

public sealed class DeadlinesSettings : EventFilterSettings
{
    [CommandOption("--from <DATE>")]
    [Description("Start of the window, YYYY-MM-DD (default: --date, else today)")]
    public string? From { get; set; }

    [CommandOption("--days <N>")]
    [Description("Length of the window in days (default 90)")]
    public int Days { get; set; } = 90;

    [CommandOption("--ics <FILE>")]
    [Description("Also write the events as an iCalendar file (RFC 5545) to FILE, to import into a calendar")]
    public string? Ics { get; set; }

    [CommandOption("--hs <PREFIX>")]
    [Description("Only measures that can reach products under this HS/HTS prefix (8471, 8541.40)")]
    public string? Hs { get; set; }

    public override ValidationResult Validate()
    {
        var v = base.Validate();
        if (!v.Successful) return v;
        if (Days is < 1 or > 3660) return ValidationResult.Error("--days: expected 1 to 3660");
        return ValidateDate(From, "--from");
    }
}

/// <summary>`tariffscope deadlines`: the coming changes already written into the rules.</summary>
public sealed class DeadlinesCommand(IAnsiConsole console) : Command<DeadlinesSettings>
{
    public override int Execute(CommandContext context, DeadlinesSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        var rules = s.Rules();
        var a = new DeadlinesQuestion(rules, new TradeData(rules.Workspace.Directory)).Ask(new DeadlinesRequest
        {
            From = s.From is null ? s.Date is null ? null : s.ResolveDate() : DateOnly.Parse(s.From),
            Days = s.Days, Importer = s.Importer, Origin = s.Origin, Hs = s.Hs, Scenario = s.Scenario, AsKnownOn = s.ResolveAsKnownOn(),
        });
        if (s.Ics is not null) IcsFile.Write(s.Ics, new Tariffscope.Questions.Feeds.CalendarQuestion(rules).Ask(new Tariffscope.Questions.Feeds.CalendarRequest(a.From, a.Days, a.Importer, s.Origin, s.Hs, Scenario: a.Scenario)).ICalendar);
        if (s.Json) { CommandOutput.WriteJson(console, a); return 0; }
        var events = a.Events;
        console.MarkupLine($"Changes written into the rules from [bold]{a.From:yyyy-MM-dd}[/] for {a.Days} days · scenario [bold]{Markup.Escape(a.Scenario)}[/]");
        foreach (var n in a.Notes) console.MarkupLine($"[yellow]note:[/] {Markup.Escape(n)}");
        bool withTrade = events.Any(e => e.Trade is not null);
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn("Date"); t.AddColumn(new TableColumn("In").RightAligned()); t.AddColumn("Importer"); t.AddColumn("Measure"); t.AddColumn("What happens"); t.AddColumn("Source");
        if (withTrade) t.AddColumn(new TableColumn("Trade touched").RightAligned());
        foreach (var e in events)
        {
            var row = new List<string> { e.Date.ToString("yyyy-MM-dd"), $"{e.DaysAway} d", e.Importer, Markup.Escape(e.Title), Markup.Escape(e.What), Markup.Escape(e.Source.Instrument) };
            if (withTrade) row.Add(e.Trade is { } x ? $"{x.Products:N0} lines, ${x.Value / 1e9m:N1} bn" : "");
            t.AddRow(row.ToArray());
        }
        if (events.Count == 0) console.MarkupLine("nothing changes in that window");
        else console.Write(t);
        return 0;
    });
}
