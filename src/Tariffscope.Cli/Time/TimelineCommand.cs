using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Cli.Quotes;
using Tariffscope.Data.Charts;
using Tariffscope.Engine;

namespace Tariffscope.Cli.Time;

public sealed class TimelineSettings : EngineSettings
{
    [CommandArgument(0, "<CODE>")]
    [Description("Tariff code of the line, e.g. 7326.90.86")]
    public string Code { get; set; } = "";

    [CommandOption("--origin <COUNTRY>")]
    [Description("Country of origin (ISO alpha-2)")]
    public string Origin { get; set; } = "";

    [CommandOption("--importer <COUNTRY>")]
    [Description("US (default) or CN")]
    public string Importer { get; set; } = "US";

    [CommandOption("--from <DATE>")]
    [Description("First day, YYYY-MM-DD (default 2025-01-01)")]
    public string From { get; set; } = "2025-01-01";

    [CommandOption("--to <DATE>")]
    [Description("Last day, YYYY-MM-DD (default 2026-06-30)")]
    public string To { get; set; } = "2026-06-30";

    [CommandOption("--value <USD>")]
    [Description("Customs value the rates are computed on (default 10000)")]
    public decimal Value { get; set; } = 10_000m;

    [CommandOption("--metal-share <FRACTION>")]
    [Description("Metal content share, 0 to 1")]
    public decimal? MetalShare { get; set; }

    [CommandOption("--chart <FILE>")]
    [Description("Also draw the rate as a step chart: out.png or out.svg")]
    public string? Chart { get; set; }

    public override ValidationResult Validate()
    {
        var v = base.Validate();
        if (!v.Successful) return v;
        v = ValidateDate(From, "--from");
        if (!v.Successful) return v;
        v = ValidateDate(To, "--to");
        if (!v.Successful) return v;
        if (Nomenclature.HtsCode.TryParse(Code) is null) return ValidationResult.Error($"CODE: '{Code}' is not a tariff code");
        if (Origin.Length != 2) return ValidationResult.Error("--origin: expected a two-letter country code such as CN");
        return ValidationResult.Success();
    }
}

/// <summary>`tariffscope timeline`: every date the duty on a line changes, under one or more scenarios.</summary>
public sealed class TimelineCommand(IAnsiConsole console) : Command<TimelineSettings>
{
    public override int Execute(CommandContext context, TimelineSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        var from = DateOnly.Parse(s.From); var to = DateOnly.Parse(s.To);
        if (to < from) throw new UserInputException("--to must not be before --from");
        TimelineDoc answer;
        try
        {
            answer = new TimelineQuestion(s.Rules()).Ask(new TimelineRequest(new QuoteRequest
            {
                Code = Nomenclature.HtsCode.Parse(s.Code), Origin = s.Origin, Importer = s.Importer, Value = s.Value, MetalShare = s.MetalShare,
                AsKnownOn = s.ResolveAsKnownOn(),
            }, from, to) { Scenarios = s.Scenario.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) });
        }
        catch (RatingException e) { throw new UserInputException($"{e.Field}: {e.Message}"); }
        var timelines = answer.Series;
        if (s.Chart is not null)
        {
            var events = timelines.SelectMany(t => t.Steps.Skip(1).Select(st => (st.Date, Label: ShortCause(st)))).DistinctBy(e => e.Date)
                .Select(e => new ChartEvent(e.Date, e.Label)).ToList();
            StepChart.Save(s.Chart, $"{answer.Code} from {answer.Origin}: duty over time", "total duty, % of customs value",
                timelines.Select(t => new StepSeries(t.Scenario, t.Steps.Select(st => (st.Date, (double)st.RateAfter * 100)).ToList())).ToList(),
                from, to, events);
        }
        if (s.Json) { CommandOutput.WriteJson(console, answer); return 0; }
        foreach (var t in timelines)
        {
            console.MarkupLine($"[bold]{answer.Code}[/] from [bold]{answer.Origin}[/] into {answer.Importer}, {answer.From:yyyy-MM-dd} to {answer.To:yyyy-MM-dd} · scenario [bold]{Markup.Escape(t.Scenario)}[/]");
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn("Date"); table.AddColumn(new TableColumn("Before").RightAligned()); table.AddColumn(new TableColumn("After").RightAligned()); table.AddColumn("Why");
            foreach (var st in t.Steps)
                table.AddRow(st.Date.ToString("yyyy-MM-dd"), st.RateBefore is { } b ? TariffEngine.Pct(b) : "", $"[bold]{TariffEngine.Pct(st.RateAfter)}[/]",
                    Markup.Escape(string.Join("\n", st.Causes)));
            console.Write(table);
        }
        if (s.Chart is not null) console.MarkupLine($"chart written to [bold]{Markup.Escape(s.Chart)}[/]");
        return 0;
    });

    private static string ShortCause(StepDoc st)
    {
        var c = st.Causes.FirstOrDefault() ?? "";
        var cut = c.IndexOfAny([':', '[']);
        return cut > 0 ? c[..cut].Trim() : c;
    }
}
