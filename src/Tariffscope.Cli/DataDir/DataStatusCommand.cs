using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Data.Hts;

namespace Tariffscope.Cli.DataDir;

public sealed class DataStatusSettings : DatedDataSettings;

/// <param name="FastCopy">Whether the revision has a current binary copy of its lines (hts/cache), which commands
/// read instead of the JSON; one is made on the next read when missing.</param>
public sealed record RevisionStatus(string Revision, string Title, DateOnly EffectiveDate, int Rows, DateTimeOffset ImportedAt, string Source, string Sha256, bool FilePresent, bool FastCopy);

public sealed record StatusView(string DataDirectory, string ChosenBy, IReadOnlyList<RevisionStatus> Revisions, string Schedule, DateOnly Date, string AnswersOn);

public sealed class DataStatusCommand(IAnsiConsole console) : Command<DataStatusSettings>
{
    public override int Execute(CommandContext context, DataStatusSettings settings, CancellationToken cancellationToken) =>
        CommandOutput.Guard(() =>
        {
            var dir = settings.ResolveDataDirectory();
            var date = settings.ResolveDate();
            var imported = ImportedRevisions.Read(dir);
            var revisions = imported.Select(r => new RevisionStatus(r.Name, r.Title, r.EffectiveDate, r.Rows, r.ImportedAt, r.Source, r.Sha256,
                File.Exists(dir.RevisionFile(r.Name)), RevisionCache.IsCurrent(dir.RevisionCacheFile(r.Name), new FileInfo(dir.RevisionFile(r.Name))))).ToList();
            var source = revisions.All(r => r.FilePresent) ? ScheduleSource.Load(dir) : ScheduleSource.BuiltIn();
            var view = new StatusView(dir.Root, dir.Origin, revisions, source.Description, date, source.DescribeOn(date));
            if (settings.Json) { CommandOutput.WriteJson(console, view); return 0; }

            console.MarkupLine($"[grey]Data directory:[/] {Markup.Escape(view.DataDirectory)} (chosen by {Markup.Escape(view.ChosenBy)})");
            if (revisions.Count == 0) console.MarkupLine("No HTS revision imported: queries use the built-in sample. Import one with `tariffscope data import-hts FILE-OR-URL`.");
            else
            {
                var table = new Table().AddColumns("Revision", "Edition", "In force from", "Rows", "Imported", "sha256", "Fast copy");
                foreach (var r in revisions)
                    table.AddRow(Markup.Escape(r.Revision), Markup.Escape(r.Title), $"{r.EffectiveDate:yyyy-MM-dd}", $"{r.Rows:N0}",
                        $"{r.ImportedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z", r.FilePresent ? r.Sha256[..12] + "…" : "[red]file missing[/]",
                        r.FastCopy ? "yes" : "[grey]made on next read[/]");
                console.Write(table);
                if (revisions.Any(r => !r.FilePresent))
                    console.MarkupLine("[red]Some imported files are missing:[/] queries fall back to the built-in sample until they are imported again.");
            }
            console.MarkupLine($"[grey]Answers on {date:yyyy-MM-dd}:[/] {Markup.Escape(view.AnswersOn)}");
            console.MarkupLine(Markup.Escape(Tariffscope.Cli.Trade.TradeStatusCommand.Summary(dir)));
            return 0;
        });
}
