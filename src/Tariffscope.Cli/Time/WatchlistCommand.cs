using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Questions.Watch;

namespace Tariffscope.Cli.Time;

public sealed class WatchlistSettings : EngineSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A watchlist as JSON: name, lines (each a code, a value in USD and optionally an origin), origins; see docs/feeds-and-store.md")]
    public string File { get; set; } = "";

    [CommandOption("--from <DATE>")]
    [Description("Start of the window, YYYY-MM-DD (default: --date, else today)")]
    public string? From { get; set; }

    [CommandOption("--days <N>")]
    [Description("Length of the window in days (default 180)")]
    public int Days { get; set; } = 180;

    public override ValidationResult Validate()
    {
        var v = base.Validate();
        if (!v.Successful) return v;
        if (Days is < 1 or > 3660) return ValidationResult.Error("--days: expected 1 to 3660");
        return ValidateDate(From, "--from");
    }
}

/// <summary>`tariffscope watchlist FILE`: what each coming event does to the duty on a watchlist's planned imports.</summary>
public sealed class WatchlistCommand(IAnsiConsole console) : Command<WatchlistSettings>
{
    public override int Execute(CommandContext context, WatchlistSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        Watchlist w;
        try
        {
            var read = JsonSerializer.Deserialize<Watchlist>(System.IO.File.ReadAllText(s.File), new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new UserInputException($"{s.File}: empty");
            w = Watchlist.Validate(read with { Name = read.Name ?? Path.GetFileNameWithoutExtension(s.File), Origins = read.Origins ?? [], Importer = read.Importer ?? "US" });
        }
        catch (Exception e) when (e is IOException or JsonException or UploadRejectedException)
        {
            throw new UserInputException($"{s.File}: {e.Message}");
        }
        var from = s.From is null ? s.ResolveDate() : DateOnly.Parse(s.From);
        var answer = new WatchlistImpactQuestion(new Rulebook(s.LoadWorkspace())).Ask(new(w, from, s.Days, s.Scenario));
        if (s.Json) { CommandOutput.WriteJson(console, answer); return 0; }
        console.MarkupLine($"Watchlist [bold]{Markup.Escape(w.Name)}[/]: {w.Lines.Count} lines, plan value ${answer.PlanValue:N0} · from {from:yyyy-MM-dd} for {s.Days} days · scenario {Markup.Escape(answer.Scenario)}");
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn("Date"); t.AddColumn("Event"); t.AddColumn(new TableColumn("Duty before").RightAligned());
        t.AddColumn(new TableColumn("Duty after").RightAligned()); t.AddColumn(new TableColumn("Change").RightAligned()); t.AddColumn("Not rated");
        foreach (var e in answer.Events)
            t.AddRow(e.Event.Date.ToString("yyyy-MM-dd"), Markup.Escape($"{e.Event.Title}: {e.Event.What}"), $"{e.DutyBefore:N2}", $"{e.DutyAfter:N2}",
                $"{e.Change:+#,0.00;-#,0.00;0.00}", Markup.Escape(string.Join("; ", e.Lines.Where(l => l.NotRated is not null).Select(l => $"{l.Code} {l.Origin}: {l.NotRated}"))));
        if (answer.Events.Count == 0) console.MarkupLine("no coming event touches this watchlist in that window");
        else console.Write(t);
        return 0;
    });
}
