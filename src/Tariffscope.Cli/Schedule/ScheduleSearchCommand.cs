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

public sealed record SearchHitView(string Code, string Description, string Under, IReadOnlyList<string> Path, string? General, double Score);

public sealed record SearchView(string Query, DateOnly Date, string Schedule, int Shown, IReadOnlyList<SearchHitView> Lines);

public sealed class ScheduleSearchCommand(IAnsiConsole console) : Command<ScheduleSearchSettings>
{
    public override int Execute(CommandContext context, ScheduleSearchSettings settings, CancellationToken cancellationToken) =>
        CommandOutput.Guard(() =>
        {
            var date = settings.ResolveDate();
            var (source, revision) = ScheduleCommands.RevisionOn(settings, date);
            var hits = ScheduleSearch.Search(revision, settings.Text, settings.Limit)
                .Select(h => View(revision, h)).ToList();
            var view = new SearchView(settings.Text, date, source.DescribeOn(date), hits.Count, hits);
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

    private static SearchHitView View(ScheduleRevision revision, SearchHit hit)
    {
        var line = hit.Line;
        var own = string.Join(" ", line.GroupHeadings.Append(line.Description));
        var heading = line.Ancestors().LastOrDefault();
        var under = heading is null ? "" : $"{heading.Code} {Shorten(heading.Description, 70)}";
        // the headings above the line, broadest first, so "Other" says what it is the other of
        var path = line.Ancestors().Reverse().Select(a => $"{a.Code} {Shorten(a.Description, 50)}").ToList();
        return new SearchHitView(line.Code.ToString(), own, under, path, revision.Resolve(line.Code)?.RateLine.GeneralText.Trim(), Math.Round(hit.Score, 2));
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";
}
