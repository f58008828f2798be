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
        var policy = s.Engine(s.Rules()).Policy;
        var today = s.Today is null ? Questions.Today.System.Date
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
    [Description("List name; a built-in list's name (annex-ii, s232-steel-derivatives, …) replaces it")]
    public string Name { get; set; } = "";

    [CommandArgument(1, "<FILE>")]
    [Description("CSV or text file with one code per line (a header naming the code column is optional)")]
    public string File { get; set; } = "";

    [CommandOption("--source <TEXT>")]
    [Description("Where the list comes from (instrument, link), shown wherever it is used")]
    public string? Source { get; set; }

    [CommandOption("--from <DATE>")]
    [Description("First day the list is in force, YYYY-MM-DD: a dated version, kept beside the list's other versions")]
    public string? From { get; set; }

    [CommandOption("--through <DATE>")]
    [Description("Last day the list is in force, YYYY-MM-DD (with --from; open-ended without)")]
    public string? Through { get; set; }

    [CommandOption("--column <NAME>")]
    [Description("Split the file into one list per value of this column, named NAME-VALUE, beside NAME with every code")]
    public string? Column { get; set; }

    public override ValidationResult Validate()
    {
        var v = ValidateDate(From, "--from");
        if (!v.Successful) return v;
        v = ValidateDate(Through, "--through");
        if (!v.Successful) return v;
        if (Through is not null && From is null) return ValidationResult.Error("--through needs --from: a list version runs from one day to another");
        if (From is not null && Through is not null && string.CompareOrdinal(Through.Trim(), From.Trim()) < 0)
            return ValidationResult.Error($"--through {Through} is before --from {From}");
        return ValidationResult.Success();
    }
}

public sealed record ListImportView(string Directory, IReadOnlyDictionary<string, int> Lists, IReadOnlyList<string> ReplacesBuiltIn, int Rows,
    IReadOnlyList<ListFileReject> Rejected, DateOnly? From, DateOnly? Through);

public sealed class ImportListCommand(IAnsiConsole console) : Command<ImportListSettings>
{
    public override int Execute(CommandContext context, ImportListSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        var dir = s.ResolveDataDirectory();
        Validity? when = s.From is null ? null : new Validity(DateOnly.Parse(s.From), s.Through is null ? null : DateOnly.Parse(s.Through));
        var result = ImportedLists.Import(dir.Root, s.Name, s.File, s.Source, when, s.Column);
        var builtIn = PolicyLoader.Load().ActualPolicy.Lists;
        var view = new ListImportView(dir.Root, result.Lists, result.Lists.Keys.Where(builtIn.ContainsKey).ToList(), result.Rows, result.Rejects, when?.From, when?.Through);
        if (s.Json) { CommandOutput.WriteJson(console, view); return 0; }
        foreach (var (name, n) in view.Lists)
            console.MarkupLine($"imported list [bold]{Markup.Escape(name)}[/]: {n} codes" + (when is { } w ? $", in force {w}" : "") +
                               (view.ReplacesBuiltIn.Contains(name) ? " (replaces the built-in list of that name)" : $" (a new list: refer to it as list:{Markup.Escape(name)})"));
        if (view.Rejected.Count > 0)
        {
            console.MarkupLine($"[yellow]{view.Rejected.Count} of {view.Rows} rows left out:[/]");
            foreach (var r in view.Rejected.Take(20)) console.MarkupLine($"  {Markup.Escape(r.ToString())}");
            if (view.Rejected.Count > 20) console.MarkupLine($"  … and {view.Rejected.Count - 20} more (all of them in --json)");
        }
        return 0;
    });
}
