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


public sealed class ScheduleHistoryCommand(IAnsiConsole console) : Command<ScheduleHistorySettings>
{
    public override int Execute(CommandContext context, ScheduleHistorySettings settings, CancellationToken cancellationToken) =>
        CommandOutput.Guard(() =>
        {
            var code = ScheduleCommands.ParseCode(settings.Code);
            HistoryView view;
            try { view = ScheduleCommands.Question(settings).History(code); }
            catch (Tariffscope.Engine.RatingException e) { throw new UserInputException(e.Message); }
            var (present, changes) = (view.PresentIn, view.Changes);
            if (settings.Json) { CommandOutput.WriteJson(console, view); return 0; }

            console.MarkupLine($"[grey]Schedule:[/] {Markup.Escape(view.Schedule)}");
            console.MarkupLine($"[bold]{view.Code}[/] is in {present.Count} of {view.Revisions} revision(s): {Markup.Escape(string.Join(", ", present))}.");
            if (changes.Count == 0)
            {
                console.MarkupLine(view.Revisions < 2
                    ? "Only one revision is loaded: import more with `tariffscope data import-hts` to see changes."
                    : "No change to its text, rates, units or Chapter 99 references.");
                return 0;
            }
            var table = new Table().AddColumns("From → to", "In force", "What", "Before", "After");
            foreach (var c in changes)
                table.AddRow(Markup.Escape($"{c.From} → {c.To}"), $"{c.ToEffective:yyyy-MM-dd}", Markup.Escape(c.What),
                    Markup.Escape(c.Before ?? ""), Markup.Escape(c.After ?? ""));
            console.Write(table);
            if (view.Now is { } successor) console.MarkupLine($"[grey]Now:[/] {Markup.Escape(successor)}");
            return 0;
        });
}
