using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Engine;
using Tariffscope.Policy;

namespace Tariffscope.Cli.Scenarios;

/// <summary>`tariffscope scenario list|show|diff`.</summary>
public static class ScenarioCommands
{
    public static void Configure(IConfigurator<CommandSettings> b)
    {
        b.SetDescription("What-if scenarios: the actual timeline plus overrides (see data/scenarios/ and the README)");
        b.AddCommand<ScenarioListCommand>("list").WithDescription("The scenarios known (shipped and in the data directory)");
        b.AddCommand<ScenarioShowCommand>("show").WithDescription("What a scenario changes relative to the one it inherits")
            .WithExample("scenario", "show", "truce-lapses-aug-2025");
        b.AddCommand<ScenarioDiffCommand>("diff").WithDescription("Where two scenarios disagree on a date, largest differences first")
            .WithExample("scenario", "diff", "actual", "truce-lapses-aug-2025", "--date", "2025-08-20", "--origin", "CN");
    }
}

public sealed class ScenarioListCommand(IAnsiConsole console) : Command<EngineSettings>
{
    public override int Execute(CommandContext context, EngineSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        var rows = new ScenariosQuestion(s.Rules()).List();
        if (s.Json) { CommandOutput.WriteJson(console, rows); return 0; }
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn("Scenario"); t.AddColumn("Inherits"); t.AddColumn("What it assumes");
        foreach (var r in rows) t.AddRow($"[bold]{Markup.Escape(r.Name)}[/]", Markup.Escape(r.Inherits), Markup.Escape(r.Description ?? ""));
        console.Write(t);
        return 0;
    });
}

public sealed class ScenarioShowSettings : EngineSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("Scenario name")]
    public string Name { get; set; } = "";
}

public sealed class ScenarioShowCommand(IAnsiConsole console) : Command<ScenarioShowSettings>
{
    public override int Execute(CommandContext context, ScenarioShowSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        ScenarioDoc doc;
        try { doc = new ScenariosQuestion(s.Rules()).Show(s.Name); }
        catch (ScenarioException e) { throw new UserInputException(e.Message); }
        if (s.Json) { CommandOutput.WriteJson(console, doc); return 0; }
        console.MarkupLine($"[bold]{Markup.Escape(doc.Name)}[/]" + (doc.Inherits == "" ? "" : $" (inherits {Markup.Escape(doc.Inherits)})"));
        if (doc.Description is { } d) console.WriteLine(d.Trim());
        console.MarkupLine($"{doc.Measures} measures, {doc.Suspensions} suspensions, horizon {doc.Horizon:yyyy-MM-dd}");
        foreach (var c in doc.Changes) console.MarkupLine($"  · {Markup.Escape(c)}");
        return 0;
    });
}

public sealed class ScenarioDiffSettings : EngineSettings
{
    [CommandArgument(0, "<A>")]
    [Description("First scenario")]
    public string A { get; set; } = "";

    [CommandArgument(1, "<B>")]
    [Description("Second scenario")]
    public string B { get; set; } = "";

    [CommandOption("--origin <COUNTRY>")]
    [Description("Origin of the goods compared (default CN; US when --importer CN)")]
    public string? Origin { get; set; }

    [CommandOption("--importer <COUNTRY>")]
    [Description("US (default) or CN")]
    public string Importer { get; set; } = "US";

    [CommandOption("--limit <N>")]
    [Description("How many lines to show (default 25)")]
    public int Limit { get; set; } = 25;

    [CommandOption("--claim <ASSUMPTION>")]
    [Description("Preference claims assumed: expected (default: each line's claimed USMCA share quoted as claimed, the rest without), none, all, or PARTNER=PROGRAMME pairs claimed on every line")]
    public string Claim { get; set; } = "expected";

    public override ValidationResult Validate() =>
        Tariffscope.Trade.ClaimBasis.Check(Claim) is { } claimError ? ValidationResult.Error(claimError) : base.Validate();
}

public sealed class ScenarioDiffCommand(IAnsiConsole console) : Command<ScenarioDiffSettings>
{
    public override int Execute(CommandContext context, ScenarioDiffSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        var rules = s.Rules();
        var diff = new ScenarioDiffQuestion(rules, new TradeData(rules.Workspace.Directory)).Ask(new ScenarioDiffRequest(s.A, s.B)
        {
            Date = s.ResolveDate(), Importer = s.Importer, Origin = s.Origin, Limit = s.Limit, Claim = s.Claim, AsKnownOn = s.ResolveAsKnownOn(),
        });
        if (s.Json) { CommandOutput.WriteJson(console, diff); return 0; }
        console.MarkupLine($"[bold]{Markup.Escape(diff.A)}[/] vs [bold]{Markup.Escape(diff.B)}[/] on {diff.Date:yyyy-MM-dd}, goods of {diff.Origin} into {diff.Importer}: " +
            $"{diff.LinesDiffering} of {diff.LinesCompared} lines differ" + (diff.LinesNotRated > 0 ? $" ({diff.LinesNotRated} could not be rated)" : ""));
        foreach (var n in diff.Notes) console.MarkupLine($"[grey]{Markup.Escape(n)}[/]");
        console.MarkupLine($"[grey]claims {diff.Claims.Assumption}: {Markup.Escape(diff.Claims.Description)}[/]");
        var bm = new Table().Border(TableBorder.Rounded).Title("By measure");
        bm.AddColumn("Measure"); bm.AddColumn(new TableColumn("Lines").RightAligned()); bm.AddColumn(new TableColumn("Average difference").RightAligned());
        if (diff.Weighed) bm.AddColumn(new TableColumn("Duty at stake / yr").RightAligned());
        foreach (var m in diff.ByMeasure)
            bm.AddRow(new[] { Markup.Escape(m.Title), m.Lines.ToString(), (m.AverageDifference >= 0 ? "+" : "") + TariffEngine.Pct(m.AverageDifference) }
                .Concat(diff.Weighed ? [$"${m.DutyAtStake / 1e9m:N2} bn"] : []).ToArray());
        console.Write(bm);
        var bl = new Table().Border(TableBorder.Rounded).Title("By product (largest first)");
        bl.AddColumn("Code"); bl.AddColumn("Description"); bl.AddColumn(new TableColumn(diff.A).RightAligned()); bl.AddColumn(new TableColumn(diff.B).RightAligned()); bl.AddColumn("Why");
        foreach (var l in diff.Lines)
            bl.AddRow(l.Code.ToString(), Markup.Escape(l.Description.Length > 40 ? l.Description[..40] + "…" : l.Description), TariffEngine.Pct(l.RateA), TariffEngine.Pct(l.RateB), Markup.Escape(string.Join("; ", l.Measures)));
        console.Write(bl);
        return 0;
    });
}
