using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Data.Policy;
using Tariffscope.Policy;

namespace Tariffscope.Cli.PolicyData;

/// <summary>`tariffscope policy lint` and `tariffscope data import-list`.</summary>
public static class PolicyCommands
{
    public static void Configure(IConfigurator<CommandSettings> b)
    {
        b.SetDescription("The policy data: measures, suspensions, lists");
        b.AddCommand<PolicyLintCommand>("lint").WithDescription("Overlaps, gaps, measures without a source, dates past the data's horizon");
    }
}

public sealed class PolicyLintSettings : EngineSettings
{
    [CommandOption("--today <DATE>")]
    [Description("The day to judge each file's horizon against (YYYY-MM-DD; default: today's date, UTC)")]
    public string? Today { get; set; }
}

public sealed class PolicyLintCommand(IAnsiConsole console) : Command<PolicyLintSettings>
{
    public override int Execute(CommandContext context, PolicyLintSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        var w = s.LoadWorkspace();
        var policy = s.Engine(w).Policy;
        var today = s.Today is null ? DateOnly.FromDateTime(DateTime.UtcNow)
            : DateOnly.TryParseExact(s.Today, "yyyy-MM-dd", out var d) ? d
            : throw new ArgumentException($"--today: '{s.Today}' is not a date (YYYY-MM-DD)");
        var findings = PolicyLint.Check(policy, today);
        if (s.Json) { CommandOutput.WriteJson(console, findings); return findings.Any(f => f.Severity == LintSeverity.Error) ? 1 : 0; }
        foreach (var g in findings.GroupBy(f => f.Severity).OrderBy(g => g.Key))
        {
            var color = g.Key switch { LintSeverity.Error => "red", LintSeverity.Warning => "yellow", _ => "grey" };
            console.MarkupLine($"[{color} bold]{g.Key.ToString().ToLowerInvariant()}s ({g.Count()})[/]");
            foreach (var f in g) console.MarkupLine($"  [{color}]{Markup.Escape(f.Where)}[/]: {Markup.Escape(f.Message)}");
        }
        console.MarkupLine($"{policy.Measures.Length} measures, {policy.Suspensions.Length} suspensions, {policy.Lists.Count} lists checked; horizon {policy.Horizon:yyyy-MM-dd}");
        return findings.Any(f => f.Severity == LintSeverity.Error) ? 1 : 0;
    });
}

public sealed class ImportListSettings : DataSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("List name; a shipped list's name (annex-ii, s232-steel, …) replaces its built-in sample")]
    public string Name { get; set; } = "";

    [CommandArgument(1, "<FILE>")]
    [Description("CSV or text file with one code per line (a header naming the code column is optional)")]
    public string File { get; set; } = "";

    [CommandOption("--source <TEXT>")]
    [Description("Where the list comes from (instrument, link), shown wherever it is used")]
    public string? Source { get; set; }
}

public sealed class ImportListCommand(IAnsiConsole console) : Command<ImportListSettings>
{
    public override int Execute(CommandContext context, ImportListSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        var dir = s.ResolveDataDirectory();
        var n = ImportedLists.Import(dir.Root, s.Name, s.File, s.Source);
        var known = PolicyLoader.Load().ActualPolicy.Lists.ContainsKey(s.Name);
        if (s.Json) { CommandOutput.WriteJson(console, new { name = s.Name, codes = n, replacesBuiltIn = known, directory = dir.Root }); return 0; }
        console.MarkupLine($"imported list [bold]{Markup.Escape(s.Name)}[/]: {n} codes" + (known ? " (replaces the built-in sample)" : " (a new list: refer to it as list:" + Markup.Escape(s.Name) + ")"));
        return 0;
    });
}
