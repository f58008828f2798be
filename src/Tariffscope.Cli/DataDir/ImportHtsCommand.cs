using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Data;
using Tariffscope.Data.Hts;
using Tariffscope.Data.Record;

namespace Tariffscope.Cli.DataDir;

public class ImportHtsSettings : DataSettings
{
    [CommandArgument(0, "<FILE-OR-URL>")]
    [Description("USITC HTS JSON exports: local files, folders of them (hts_2026_rev_11.json.gz and the like) or http(s) URLs, plain JSON or gzip")]
    public string[] Sources { get; set; } = [];

    [CommandOption("--revision <NAME>")]
    [Description("The revision's name (e.g. rev_17, 2026_basic); default: from the file name. Only with a single file")]
    public string? Revision { get; set; }

    [CommandOption("--effective <DATE>")]
    [Description("The date the revision takes effect, YYYY-MM-DD; default: from the revisions list, else the built-in record's. Only with a single file")]
    public string? Effective { get; set; }

    [CommandOption("--revision-dates <FILE>")]
    [Description("A revisions list (CSV with revision,effective_date columns); default: hts/revision_dates.csv in the data directory, else the revisions the built-in record knows")]
    public string? RevisionDates { get; set; }

    [CommandOption("--partial")]
    [Description("Accept an export that is not a whole schedule (a few chapters, a test file); otherwise such a file is refused")]
    public bool Partial { get; set; }

    public override ValidationResult Validate()
    {
        if (Sources.Length == 0) return ValidationResult.Error("give at least one file, folder or URL");
        if ((Revision is not null || Effective is not null) && Sources.Length > 1)
            return ValidationResult.Error("--revision and --effective name one revision: give a single file with them");
        return ValidateDate(Effective, "--effective");
    }
}

public sealed record ImportView(string Revision, string Title, DateOnly EffectiveDate, string Source, string StoredAt, bool Replaced, int Rows, int Lines, string Sha256, IReadOnlyList<string> Warnings);

public sealed record ImportRunView(IReadOnlyList<ImportView> Imported, IReadOnlyList<string> Skipped);

/// <summary>`data import-hts` and `data update`: USITC exports into the data directory, one or many at once.</summary>
public class ImportHtsCommand(IAnsiConsole console) : AsyncCommand<ImportHtsSettings>
{
    /// <summary>Whether only revisions the built-in record does not hold are taken (`data update`).</summary>
    protected virtual bool NewerOnly => false;

    public override Task<int> ExecuteAsync(CommandContext context, ImportHtsSettings settings, CancellationToken cancellationToken) =>
        CommandOutput.GuardAsync(async () =>
        {
            var dir = settings.ResolveDataDirectory();
            var record = BuiltInRecord.For(dir);
            DateOnly? effective = settings.Effective is null ? null : DataSettings.TryParseDate(settings.Effective, out var d) ? d : null;
            var imported = new List<ImportView>();
            var skipped = new List<string>();
            foreach (var source in Expand(settings.Sources, skipped))
            {
                if (NewerOnly && record.Holds(Path.GetFileName(source)))
                {
                    skipped.Add($"{Path.GetFileName(source)}: the built-in record holds this revision already");
                    continue;
                }
                var result = await HtsImporter.ImportAsync(dir, new HtsImportRequest(source, settings.Revision, effective, settings.RevisionDates, settings.Partial), ct: cancellationToken);
                var r = result.Revision;
                var view = new ImportView(r.Name, r.Title, r.EffectiveDate, r.Source, result.StoredAt, result.Replaced, r.Rows, result.Lines, r.Sha256,
                    result.Warnings.Select(w => w.ToString()).ToList());
                imported.Add(view);
                if (settings.Json) continue;
                console.MarkupLine($"{(view.Replaced ? "Replaced" : "Imported")} [bold]{Markup.Escape(view.Title)}[/] ({Markup.Escape(view.Revision)}), in force from {view.EffectiveDate:yyyy-MM-dd}: {view.Rows:N0} rows, {view.Lines:N0} numbered lines.");
                console.MarkupLine($"[grey]From:[/] {Markup.Escape(view.Source)}");
                console.MarkupLine($"[grey]Stored:[/] {Markup.Escape(view.StoredAt)} (sha256 {view.Sha256[..12]}…)");
                foreach (var w in view.Warnings) console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
            }
            if (settings.Json) { CommandOutput.WriteJson(console, new ImportRunView(imported, skipped)); return 0; }
            foreach (var s in skipped) console.MarkupLine($"[grey]skipped:[/] {Markup.Escape(s)}");
            if (imported.Count == 0) console.MarkupLine(NewerOnly ? "Nothing newer than the built-in record was found." : "Nothing was imported.");
            return 0;
        });

    /// <summary>The exports to import: files and URLs as given, folders as the exports they hold, in name order.</summary>
    private static IEnumerable<string> Expand(IEnumerable<string> sources, List<string> skipped)
    {
        foreach (var s in sources)
        {
            if (!Directory.Exists(s)) { yield return s; continue; }
            var exports = Directory.EnumerateFiles(s).Where(f => RevisionNames.FromFileName(f) is not null).Order(StringComparer.Ordinal).ToList();
            if (exports.Count == 0) skipped.Add($"{s}: no USITC export in this folder (expected files named like hts_2026_rev_11.json.gz)");
            foreach (var f in exports) yield return f;
        }
    }
}

/// <summary>`data update`: the revisions newer than the built-in record, from a folder, files or URLs.</summary>
public sealed class UpdateCommand(IAnsiConsole console) : ImportHtsCommand(console)
{
    protected override bool NewerOnly => true;
}
