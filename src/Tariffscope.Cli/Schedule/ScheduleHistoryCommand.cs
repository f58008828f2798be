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

public sealed record HistoryView(string Code, string Schedule, int Revisions, IReadOnlyList<string> PresentIn, IReadOnlyList<ChangeView> Changes);

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
            if (present.Count == 0)
                ScheduleCommands.Resolve(schedule.Revisions[^1], code, source.Description); // throws, naming what exists near it
            var changes = schedule.History(code).Select(c => new ChangeView(c.From.Name, c.From.EffectiveDate, c.To.Name, c.To.EffectiveDate, c.What, c.Before, c.After)).ToList();
            var view = new HistoryView(code.ToString(), source.Description, schedule.Revisions.Count, present, changes);
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
            return 0;
        });
}
