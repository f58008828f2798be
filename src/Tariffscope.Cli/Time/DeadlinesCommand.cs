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
        var w = s.LoadWorkspace();
        var from = s.From is null ? s.ResolveDate() : DateOnly.Parse(s.From);
        var policy = s.Engine(w).Policy;
        var events = PolicyEvents.Deadlines(policy, from, s.Days, s.Importer?.ToUpperInvariant(), s.Origin?.ToUpperInvariant())
            .Where(e => s.Hs is null || Tariffscope.Questions.Feeds.EventFeed.Touches(policy, e, s.Hs)).ToList();
        if (s.Ics is not null) IcsFile.Write(s.Ics, policy, events);
        // With base-year trade loaded, each event says how many products and how much trade it touches.
        var flows = Tariffscope.Data.Trade.TradeExposure.Flows(w, "US");
        var engine = s.Engine(w);
        var exposure = flows is null ? null : events.ToDictionary(e => e, e => e.Importer == "US" ? Tariffscope.Data.Trade.TradeExposure.Of(engine, e, flows) : null);
        if (s.Json)
        {
            CommandOutput.WriteJson(console, new
            {
                scenario = policy.Name, from, days = s.Days, horizon = policy.Horizon,
                events = events.Select(e => new { date = e.Date, inDays = e.Date.DayNumber - from.DayNumber, kind = e.Kind, importer = e.Importer, measure = e.MeasureId, suspension = e.SuspensionId, title = e.Title, what = e.What, origins = e.Origins.ToString(), source = QuoteDocument.Doc(e.Source),
                    tradeProducts = exposure?[e]?.Products, tradeValue = exposure?[e]?.Value }),
            });
            return 0;
        }
        console.MarkupLine($"Changes written into the rules from [bold]{from:yyyy-MM-dd}[/] for {s.Days} days · scenario [bold]{Markup.Escape(policy.Name)}[/]");
        if (from.AddDays(s.Days) > policy.Horizon)
            console.MarkupLine($"[yellow]note:[/] the data's horizon is {policy.Horizon:yyyy-MM-dd}; later changes are not known");
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn("Date"); t.AddColumn(new TableColumn("In").RightAligned()); t.AddColumn("Importer"); t.AddColumn("Measure"); t.AddColumn("What happens"); t.AddColumn("Source");
        if (exposure is not null) t.AddColumn(new TableColumn("Trade touched").RightAligned());
        foreach (var e in events)
        {
            var row = new List<string> { e.Date.ToString("yyyy-MM-dd"), $"{e.Date.DayNumber - from.DayNumber} d", e.Importer, Markup.Escape(e.Title), Markup.Escape(e.What), Markup.Escape(e.Source.Instrument) };
            if (exposure is not null) row.Add(exposure[e] is { } x ? $"{x.Products:N0} lines, ${x.Value / 1e9m:N1} bn" : "");
            t.AddRow(row.ToArray());
        }
        if (events.Count == 0) console.MarkupLine("nothing changes in that window");
        else console.Write(t);
        return 0;
    });
}
