using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Data;

namespace Tariffscope.Cli.DataDir;

public sealed class DataStatusSettings : DatedDataSettings;

public sealed class DataStatusCommand(IAnsiConsole console) : Command<DataStatusSettings>
{
    public override int Execute(CommandContext context, DataStatusSettings settings, CancellationToken cancellationToken) =>
        CommandOutput.Guard(() =>
        {
            var dir = settings.ResolveDataDirectory();
            var view = DataStatusQuestion.Ask(dir, settings.ResolveDate());
            if (settings.Json) { CommandOutput.WriteJson(console, view); return 0; }

            console.MarkupLine($"[grey]Data directory:[/] {Markup.Escape(view.DataDirectory)} (chosen by {Markup.Escape(view.ChosenBy)})");
            var rec = view.Record;
            console.MarkupLine($"[bold]Record {rec.Edition}[/] ({Markup.Escape(rec.Origin)}): {rec.Revisions.Count} HTS revisions from " +
                               $"{rec.Revisions[0].EffectiveDate:yyyy-MM-dd} to {rec.Revisions[^1].EffectiveDate:yyyy-MM-dd}, {view.Lists.Count(l => l.Kind == "official")} official lists, " +
                               $"{rec.ClaimTables} claim-share tables, compiled from {rec.Sources.Count} source files (sha256 of each in --json)");
            foreach (var (name, why) in rec.LeftOut) console.MarkupLine($"[grey]  left out:[/] {Markup.Escape(name)}: {Markup.Escape(why)}");
            if (rec.NotHeld.Count > 0)
                console.MarkupLine($"[yellow]  not held:[/] {string.Join(", ", rec.NotHeld.Select(u => $"{u.Name} ({u.EffectiveDate:yyyy-MM-dd})"))}: " +
                                   "answers after those dates rest on the last revision held; `tariffscope data update FOLDER` adds them");
            if (view.Imported.Count > 0)
            {
                var table = new Table().AddColumns("Imported revision", "Edition", "In force from", "Rows", "Imported", "sha256", "Fast copy");
                foreach (var r in view.Imported)
                    table.AddRow(Markup.Escape(r.Revision), Markup.Escape(r.Title), $"{r.EffectiveDate:yyyy-MM-dd}", $"{r.Rows:N0}",
                        $"{r.ImportedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z", r.FilePresent ? r.Sha256[..12] + "…" : "[red]file missing[/]",
                        r.FastCopy ? "yes" : "[grey]made on next read[/]");
                console.Write(table);
                if (view.Imported.Any(r => !r.FilePresent))
                    console.MarkupLine("[red]Some imported files are missing:[/] queries use the built-in record alone until they are imported again.");
            }
            var lists = new Table().AddColumns("List", "Kind", "Codes", "Dates", "Source");
            foreach (var l in view.Lists)
                lists.AddRow(Markup.Escape(l.Name), l.Kind == "sample" ? "[yellow]sample[/]" : l.Kind, l.Kind == "footnotes" ? "-" : $"{l.Codes:N0}",
                    l.Versions.Count == 0 ? "" : Markup.Escape(string.Join("; ", l.Versions.Select(v => v.Through is { } t ? $"{v.From:yyyy-MM-dd}–{t:yyyy-MM-dd}" : $"from {v.From:yyyy-MM-dd}"))),
                    Markup.Escape(l.Source));
            console.Write(lists);
            console.MarkupLine($"[grey]Answers on {view.Date:yyyy-MM-dd}:[/] {Markup.Escape(view.AnswersOn)}");
            console.MarkupLine(Markup.Escape(Tariffscope.Cli.Trade.TradeStatusCommand.Summary(dir)));
            return 0;
        });
}
