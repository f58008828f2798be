using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Data.Hts;

namespace Tariffscope.Cli.DataDir;

public sealed class ImportHtsSettings : DataSettings
{
    [CommandArgument(0, "<FILE-OR-URL>")]
    [Description("A USITC HTS JSON export: a local file or an http(s) URL, plain JSON or gzip")]
    public string Source { get; set; } = "";

    [CommandOption("--revision <NAME>")]
    [Description("The revision's name (e.g. rev_17, 2026_basic); default: from the file name")]
    public string? Revision { get; set; }

    [CommandOption("--effective <DATE>")]
    [Description("The date the revision takes effect, YYYY-MM-DD; default: from the revisions list")]
    public string? Effective { get; set; }

    [CommandOption("--revision-dates <FILE>")]
    [Description("A revisions list (CSV with revision,effective_date columns); default: hts/revision_dates.csv in the data directory")]
    public string? RevisionDates { get; set; }

    [CommandOption("--partial")]
    [Description("Accept an export that is not a whole schedule (a few chapters, a test file); otherwise such a file is refused")]
    public bool Partial { get; set; }

    public override ValidationResult Validate() => ValidateDate(Effective, "--effective");
}

public sealed record ImportView(string Revision, string Title, DateOnly EffectiveDate, string Source, string StoredAt, bool Replaced, int Rows, int Lines, string Sha256, IReadOnlyList<string> Warnings);

public sealed class ImportHtsCommand(IAnsiConsole console) : AsyncCommand<ImportHtsSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ImportHtsSettings settings, CancellationToken cancellationToken) =>
        CommandOutput.GuardAsync(async () =>
        {
            var dir = settings.ResolveDataDirectory();
            DateOnly? effective = settings.Effective is null ? null : DataSettings.TryParseDate(settings.Effective, out var d) ? d : null;
            var result = await HtsImporter.ImportAsync(dir,
                new HtsImportRequest(settings.Source, settings.Revision, effective, settings.RevisionDates, settings.Partial), ct: cancellationToken);
            var r = result.Revision;
            var view = new ImportView(r.Name, r.Title, r.EffectiveDate, r.Source, result.StoredAt, result.Replaced, r.Rows, result.Lines, r.Sha256,
                result.Warnings.Select(w => w.ToString()).ToList());
            if (settings.Json) { CommandOutput.WriteJson(console, view); return 0; }
            console.MarkupLine($"{(view.Replaced ? "Replaced" : "Imported")} [bold]{Markup.Escape(view.Title)}[/] ({Markup.Escape(view.Revision)}), in force from {view.EffectiveDate:yyyy-MM-dd}: {view.Rows:N0} rows, {view.Lines:N0} numbered lines.");
            console.MarkupLine($"[grey]From:[/] {Markup.Escape(view.Source)}");
            console.MarkupLine($"[grey]Stored:[/] {Markup.Escape(view.StoredAt)} (sha256 {view.Sha256[..12]}…)");
            foreach (var w in view.Warnings) console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
            return 0;
        });
}
