using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Data.Hts;
using Tariffscope.Nomenclature;

namespace Tariffscope.Cli.Schedule;

public sealed class ScheduleHistorySettings : DataSettings
{
    [CommandArgument(0, "<CODE>")]
    [Description("HTS code, 4 to 10 digits")]
    public string Code { get; set; } = "";
}

public sealed record ChangeView(string From, DateOnly FromEffective, string To, DateOnly ToEffective, string What, string? Before, string? After);

public sealed record HistoryView(string Code, string Schedule, int Revisions, IReadOnlyList<string> PresentIn, IReadOnlyList<ChangeView> Changes, string? Now = null);

public sealed class ScheduleHistoryCommand(IAnsiConsole console) : Command<ScheduleHistorySettings>
{
    public override int Execute(CommandContext context, ScheduleHistorySettings settings, CancellationToken cancellationToken) =>
        CommandOutput.Guard(() =>
        {
            var code = ScheduleCommands.ParseCode(settings.Code);
            var source = ScheduleSource.Load(settings.ResolveDataDirectory());
            // Imported revisions are read one by one keeping only this code's lines; the record's share their lines.
            var schedule = source.AllFromFiles ? ScheduleLoader.Slice(source.Files, [code]) : source.Schedule;
            var present = schedule.Revisions.Where(r => r.Resolve(code) is not null).Select(r => r.Name).ToList();
            // The slice holds only this code's lines: what lies under its heading, or replaced it, is read from the
            // whole latest revision, with the slice as the history of where the code was.
            var latest = source.Schedule.Revisions[^1];
            if (present.Count == 0)
                ScheduleCommands.Resolve(latest, code, source.Description, schedule.Revisions); // throws, naming what exists near it
            var successor = present[^1] == latest.Name ? null : MissingCode.Explain(latest, code, schedule.Revisions).Message(source.Description);
            var changes = schedule.History(code).Select(c => new ChangeView(c.From.Name, c.From.EffectiveDate, c.To.Name, c.To.EffectiveDate, c.What, c.Before, c.After)).ToList();
            var view = new HistoryView(code.ToString(), source.Description, schedule.Revisions.Count, present, changes, successor);
            if (settings.Json) { CommandOutput.WriteJson(console, view); return 0; }

            console.MarkupLine($"[grey]Schedule:[/] {Markup.Escape(view.Schedule)}");
            console.MarkupLine($"[bold]{view.Code}[/] is in {present.Count} of {view.Revisions} revision(s): {Markup.Escape(string.Join(", ", present))}.");
            if (changes.Count == 0)
            {
                console.MarkupLine(schedule.Revisions.Count < 2
                    ? "Only one revision is loaded: import more with `tariffscope data import-hts` to see changes."
                    : "No change to its text, rates, units or Chapter 99 references.");
                return 0;
            }
            var table = new Table().AddColumns("From → to", "In force", "What", "Before", "After");
            foreach (var c in changes)
                table.AddRow(Markup.Escape($"{c.From} → {c.To}"), $"{c.ToEffective:yyyy-MM-dd}", Markup.Escape(c.What),
                    Markup.Escape(c.Before ?? ""), Markup.Escape(c.After ?? ""));
            console.Write(table);
            if (successor is not null) console.MarkupLine($"[grey]Now:[/] {Markup.Escape(successor)}");
            return 0;
        });
}
