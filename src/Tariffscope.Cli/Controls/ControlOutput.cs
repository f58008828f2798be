using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Tariffscope.Controls;
using Tariffscope.Data.Controls;

namespace Tariffscope.Cli.Controls;

/// <summary>How control answers are shown: Spectre tables for people, JSON for machines, one-line errors.</summary>
internal static class ControlOutput
{
    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, AnswerJson.Indented));

    public static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return 2;
    }

    /// <summary>Runs a command body, turning data and scenario errors into one-line messages.</summary>
    public static int Guard(Func<int> body)
    {
        try { return body(); }
        catch (ControlDataException e) { return Fail(e.Message); }
        catch (IOException e) { return Fail(e.Message); }
        catch (UnauthorizedAccessException e) { return Fail(e.Message); }
    }

    private static string Colour(ControlOutcome o) => o switch
    {
        ControlOutcome.Prohibited => "red",
        ControlOutcome.PresumptionOfDenial => "red",
        ControlOutcome.LicenceRequired => "yellow",
        ControlOutcome.NeedsReview => "blue",
        _ => "green",
    };

    public static string Outcome(ControlOutcome o) => $"[bold {Colour(o)}]{Markup.Escape(o.Words())}[/]";

    private static string Source(Provenance p) =>
        Markup.Escape(p.Instrument + (p.Confidence == Confidence.High ? "" : $" [{p.Confidence.ToString().ToLowerInvariant()}]"));

    public static void Answer(ControlAnswer a)
    {
        var q = a.Query;
        AnsiConsole.MarkupLine($"{Outcome(a.Outcome)} - {q.From} → {q.To} on {q.Date:yyyy-MM-dd} (scenario: {Markup.Escape(a.Scenario)})");
        AnsiConsole.WriteLine(a.Summary);
        if (a.Rules.Count > 0)
        {
            var t = new Table().Title("Rules matched").AddColumns("Rule", "Status", "Would mean", "Source");
            foreach (var r in a.Rules)
                t.AddRow(Markup.Escape(r.ControlId), Markup.Escape(Status(r)), Markup.Escape(r.RuleOutcome.Words()), Source(r.Source));
            AnsiConsole.Write(t);
            foreach (var r in a.Rules)
                AnsiConsole.MarkupLine($"  [bold]{Markup.Escape(r.ControlId)}[/]: {Markup.Escape(string.Join("; ", r.Reasons.Concat(r.Missing.Select(m => "missing: " + m))))}");
        }
        if (a.Suspensions.Count > 0)
        {
            var t = new Table().Title("Suspensions in play").AddColumns("Suspension", "From", "Through", "Pauses", "Source");
            foreach (var s in a.Suspensions)
                t.AddRow(Markup.Escape(s.SuspensionId), $"{s.From:yyyy-MM-dd}", s.Through is { } u ? $"{u:yyyy-MM-dd}" : "open-ended",
                    Markup.Escape(string.Join(", ", s.Controls)), Source(s.Source));
            AnsiConsole.Write(t);
        }
        if (a.WhatWouldChange.Count > 0)
        {
            var t = new Table().Title("What would change the answer").AddColumns("From", "Outcome", "Because");
            foreach (var c in a.WhatWouldChange)
                t.AddRow($"{c.Date:yyyy-MM-dd}", Outcome(c.Outcome), Markup.Escape(string.Join("; ", c.Why)));
            AnsiConsole.Write(t);
        }
        foreach (var w in a.Warnings) AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
    }

    private static string Status(RuleFinding r) => r.Status switch
    {
        RuleStatus.Suspended => r.SuspendedThrough is { } u ? $"suspended through {u:yyyy-MM-dd} ({r.SuspendedBy})" : $"suspended ({r.SuspendedBy})",
        RuleStatus.Superseded => $"set aside by {r.SupersededBy}",
        RuleStatus.NeedsReview => "needs review",
        _ => "applies",
    };

    public static void Timeline(ControlQuery q, string scenario, IReadOnlyList<TimelineStep> steps)
    {
        AnsiConsole.MarkupLine($"Timeline - {q.From} → {q.To} (scenario: {Markup.Escape(scenario)})");
        var t = new Table().AddColumns("From", "Outcome", "Rules applying", "Because");
        foreach (var s in steps)
            t.AddRow($"{s.Date:yyyy-MM-dd}", Outcome(s.Outcome), Markup.Escape(string.Join(", ", s.GoverningRules)), Markup.Escape(string.Join("; ", s.Why)));
        AnsiConsole.Write(t);
    }

    public static void Deadlines(DateOnly from, int days, string scenario, IReadOnlyList<ControlDeadline> list)
    {
        AnsiConsole.MarkupLine($"Control deadlines from {from:yyyy-MM-dd} for {days} days (scenario: {Markup.Escape(scenario)})");
        if (list.Count == 0) { AnsiConsole.WriteLine("No dated events in this window."); return; }
        var t = new Table().AddColumns("Date", "Event", "Id", "By", "What");
        foreach (var d in list)
            t.AddRow($"{d.Date:yyyy-MM-dd}", Markup.Escape(Kind(d.Kind)), Markup.Escape(d.Id), d.Exporter, Markup.Escape(d.Description));
        AnsiConsole.Write(t);
    }

    private static string Kind(DeadlineKind k) => k switch
    {
        DeadlineKind.ControlStarts => "control starts",
        DeadlineKind.ControlEnds => "control ends",
        DeadlineKind.SuspensionStarts => "suspension starts",
        DeadlineKind.SuspensionEnds => "suspension ends",
        DeadlineKind.PartyListed => "party listed",
        _ => "party delisted",
    };
}
