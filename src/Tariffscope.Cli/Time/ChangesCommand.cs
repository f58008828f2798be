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
        var w = s.LoadWorkspace();
        var since = DateOnly.Parse(s.Since);
        var until = s.Until is null ? s.ResolveDate() : DateOnly.Parse(s.Until);
        var policy = s.Engine(w).Policy;
        var (took, published) = PolicyEvents.Changes(policy, since, until, s.Importer?.ToUpperInvariant(), s.Origin?.ToUpperInvariant());
        if (s.Json)
        {
            object Doc(PolicyEvent e) => new { date = e.Date, published = e.Published, kind = e.Kind, importer = e.Importer, measure = e.MeasureId, suspension = e.SuspensionId, title = e.Title, what = e.What, source = QuoteDocument.Doc(e.Source) };
            CommandOutput.WriteJson(console, new { scenario = policy.Name, since, until, tookEffect = took.Select(Doc), published = published.Select(Doc) });
            return 0;
        }
        console.MarkupLine($"[bold]What changed[/] after {since:yyyy-MM-dd} up to {until:yyyy-MM-dd} · scenario {Markup.Escape(policy.Name)}");
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
