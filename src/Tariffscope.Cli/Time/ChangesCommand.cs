using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Engine;

namespace Tariffscope.Cli.Time;

public sealed class ChangesSettings : EventFilterSettings
{
    [CommandOption("--since <DATE>")]
    [Description("Changes after this date, YYYY-MM-DD (required)")]
    public string Since { get; set; } = "";

    [CommandOption("--until <DATE>")]
    [Description("Up to and including this date (default: --date, else today)")]
    public string? Until { get; set; }

    public override ValidationResult Validate()
    {
        var v = base.Validate();
        if (!v.Successful) return v;
        if (string.IsNullOrWhiteSpace(Since)) return ValidationResult.Error("--since is required (YYYY-MM-DD)");
        v = ValidateDate(Since, "--since");
        return v.Successful ? ValidateDate(Until, "--until") : v;
    }
}

/// <summary>`tariffscope changes`: what changed in the rules between two dates, as a reader would want it.</summary>
public sealed class ChangesCommand(IAnsiConsole console) : Command<ChangesSettings>
{
    public override int Execute(CommandContext context, ChangesSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        var a = new ChangesQuestion(s.Rules()).Ask(new ChangesRequest(DateOnly.Parse(s.Since))
        {
            Until = s.Until is null ? s.Date is null ? null : s.ResolveDate() : DateOnly.Parse(s.Until),
            Importer = s.Importer, Origin = s.Origin, Scenario = s.Scenario, AsKnownOn = s.ResolveAsKnownOn(),
        });
        if (s.Json) { CommandOutput.WriteJson(console, a); return 0; }
        var (took, published) = (a.TookEffect, a.Published);
        console.MarkupLine($"[bold]What changed[/] after {a.Since:yyyy-MM-dd} up to {a.Until:yyyy-MM-dd} · scenario {Markup.Escape(a.Scenario)}");
        console.MarkupLine($"[bold]Took effect[/] ({took.Count})");
        foreach (var day in took.GroupBy(e => e.Date))
        {
            console.MarkupLine($"  [bold]{day.Key:yyyy-MM-dd}[/]");
            foreach (var e in day) console.MarkupLine($"    · {e.Importer}: {Markup.Escape(e.Title)} — {Markup.Escape(e.What)} [grey]({Markup.Escape(e.Source.Instrument)})[/]");
        }
        console.MarkupLine($"[bold]Published[/] ({published.Count}): rules announced in the window, whenever they take effect");
        foreach (var e in published)
            console.MarkupLine($"  · {e.Published:yyyy-MM-dd} {e.Importer}: {Markup.Escape(e.Title)} (effective {e.Date:yyyy-MM-dd}) [grey]({Markup.Escape(e.Source.Instrument)})[/]");
        return 0;
    });
}
