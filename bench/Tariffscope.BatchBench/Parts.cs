using System.Diagnostics;
using Tariffscope.Data;
using Tariffscope.Data.Entries;
using Tariffscope.Engine;
using Tariffscope.Engine.Batch;

namespace Tariffscope.BatchBench;

/// <summary>Where the time of a batch goes, on one thread: reading, parsing, quoting.</summary>
internal static class Parts
{
    public static int Run(Args a)
    {
        var w = new Tariffscope.Questions.Rulebook(Workspace.Load(DataDirectory.Resolve(a.Required("data-dir"))));
        var input = a.Required("in");
        var scenario = a.Optional("scenario") ?? "actual";
        var cols = new ScenarioColumns(scenario, w.Engine(scenario));
        var watch = Stopwatch.StartNew();
        var entries = new List<EntryLine>();
        using (var src = EntryFiles.Open(input))
        {
            var parser = new EntryLineParser(EntryColumns.Match(src.Columns, null, false), null);
            var lines = src.Lines().ToList();
            Console.WriteLine($"read {lines.Count:N0} lines: {watch.Elapsed.TotalMilliseconds * 1000 / lines.Count:0.0} µs/line");
            watch.Restart();
            foreach (var l in lines) if (parser.Parse(l, out _) is { } e) entries.Add(e);
            Console.WriteLine($"parse: {watch.Elapsed.TotalMilliseconds * 1000 / lines.Count:0.0} µs/line");
        }
        // warm the schedule revisions the lines touch, so loading them is not counted
        foreach (var e in entries.DistinctBy(e => w.Workspace.UsSchedule.Schedule.On(e.Date)?.Name)) try { cols.Engine.Quote(e); } catch (RatingException) { }
        // twice: the first pass also fills the caches (the engine's, and the panel's cells), so compare the two
        var panel = a.Optional("no-panel") is null ? new Tariffscope.Engine.Panel.RatePanel(cols.Engine, new(2025, 1, 1), new(2026, 12, 31)) : null;
        for (int pass = 1; pass <= 2; pass++)
        {
            var rater = new ScenarioRater(cols) { Panel = panel };
            var fam = new decimal[cols.FamilyCount];
            watch.Restart();
            int ok = 0;
            foreach (var e in entries)
            {
                try { rater.Rate(e, fam, out _); ok++; } catch (RatingException) { }
            }
            Console.WriteLine($"rate (pass {pass}{(panel is null ? ", quotes" : ", panel")}): {watch.Elapsed.TotalMilliseconds * 1000 / entries.Count:0.0} µs/line ({ok:N0} rated)"
                + (panel is null ? "" : $"; cells planned {panel.Counts.Planned:N0}, inherited {panel.Counts.Inherited:N0}"));
        }
        return 0;
    }
}
