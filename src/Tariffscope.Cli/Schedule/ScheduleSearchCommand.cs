using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Nomenclature;

namespace Tariffscope.Cli.Schedule;

public sealed class ScheduleSearchSettings : DatedDataSettings
{
    [CommandArgument(0, "<TEXT>")]
    [Description("Everyday words to find in the descriptions and the headings above them (each must occur; \"suits\" finds \"suit\"), or a code prefix such as 8471.30")]
    public string Text { get; set; } = "";

    [CommandOption("--limit <N>")]
    [Description("At most this many lines (default 20)")]
    [DefaultValue(20)]
    public int Limit { get; set; } = 20;

    public override ValidationResult Validate() =>
        Limit < 1 ? ValidationResult.Error($"--limit: expected a whole number of 1 or more, found {Limit}") : base.Validate();
}

public sealed class ScheduleSearchCommand(IAnsiConsole console) : Command<ScheduleSearchSettings>
{
    public override int Execute(CommandContext context, ScheduleSearchSettings settings, CancellationToken cancellationToken) =>
        CommandOutput.Guard(() =>
        {
            SearchView view;
            try { view = ScheduleCommands.Question(settings).Search(settings.Text, settings.ResolveDate(), settings.Limit); }
            catch (Tariffscope.Engine.RatingException e) { throw new UserInputException(e.Message); }
            var hits = view.Lines;
            if (settings.Json) { CommandOutput.WriteJson(console, view); return 0; }

            console.MarkupLine($"[grey]Schedule:[/] {Markup.Escape(view.Schedule)}");
            if (hits.Count == 0)
            {
                console.MarkupLine($"No line's description path holds all of \"{Markup.Escape(settings.Text)}\".");
                return 0;
            }
            var table = new Table().AddColumns("Code", "Description", "General");
            foreach (var h in hits)
                table.AddRow(h.Code, Markup.Escape(h.Description) + (h.Path.Count > 0 ? $"\n[grey]{Markup.Escape(string.Join(" › ", h.Path))}[/]" : ""), Markup.Escape(h.General ?? ""));
            console.Write(table);
            return 0;
        });
}
