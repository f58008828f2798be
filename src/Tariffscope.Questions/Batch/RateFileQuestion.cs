using System.Diagnostics;
using Tariffscope.Engine;
using Tariffscope.Data.Entries;
using Tariffscope.Engine.Batch;

namespace Tariffscope.Questions.Batch;

/// <summary>Rates an entry file under several scenarios: read, rate in parallel, write in order, account for every line.</summary>
public static class RateFileQuestion
{
    /// <summary>The span each scenario's rules are compiled over for rating; lines dated outside it are quoted.</summary>
    public static readonly DateOnly PanelFrom = new(2025, 1, 1), PanelTo = new(2026, 12, 31);

    /// <summary>
    /// Refuses an output that is the input or another output, however it is spelled (./sub/../in.csv, a symbolic
    /// link): the results are moved over the target at the end, so the input would be replaced by its own rating.
    /// </summary>
    public static void CheckPaths(string input, params (string Flag, string? Path)[] outputs)
    {
        var seen = new List<(string Flag, string Path)> { ("the input", Resolve(input)) };
        foreach (var (flag, path) in outputs)
        {
            if (path is null) continue;
            var full = Resolve(path);
            foreach (var (other, p) in seen)
                if (string.Equals(full, p, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
                    throw new ArgumentException(other == "the input"
                        ? $"{flag}: '{path}' is the input file; writing it would replace the entries being rated. Name another file"
                        : $"{flag}: '{path}' is the same file as {other}; give each output its own file");
            seen.Add((flag, full));
        }
    }

    /// <summary>The full path with symbolic links followed (of the file, or else of its folder).</summary>
    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            if (new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target) return Path.GetFullPath(target.FullName);
            var dir = Path.GetDirectoryName(full);
            if (dir is not null && new DirectoryInfo(dir).ResolveLinkTarget(returnFinalTarget: true) is { } d)
                return Path.Combine(Path.GetFullPath(d.FullName), Path.GetFileName(full));
        }
        catch (IOException) { /* unreadable link: compare as written */ }
        return full;
    }

    public static async Task<BatchResult> RunAsync(Rulebook rules, BatchOptions o, Action<long, double?>? progress = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        foreach (var name in o.Scenarios)
            if (!rules.Catalog.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException($"--scenario: unknown scenario '{name}' (known: {string.Join(", ", rules.Catalog.Names)})");
        // each scenario's engine is built and its compiled rules read (or their calendar drawn up) side by side: at a
        // million lines these are a large part of the fixed cost
        var prepared = await Task.WhenAll(o.Scenarios.Select(name => Task.Run(() =>
        {
            var columns = new ScenarioColumns(name, rules.Engine(name, o.AsKnownOn));
            string? file = null;
            var panel = o.Panel ? Panel.PanelCache.Open(rules, columns.Engine, name, o.AsKnownOn, PanelFrom, PanelTo, out file) : null;
            return (Columns: columns, Panel: panel, File: file);
        }, ct)));
        var scenarios = prepared.Select(x => x.Columns).ToList();
        if (scenarios.Select(s => s.Prefix).Distinct().Count() != scenarios.Count) throw new ArgumentException("--scenario: a scenario is named twice");

        CheckPaths(o.Input, ("--out", o.Output), ("--rejects", o.Rejects ?? ResultFiles.DefaultRejectsPath(o.Output)));
        using var source = EntryFiles.Open(o.Input, o.Delimiter);
        var columns = EntryColumns.Match(source.Columns, o.Map, o.Date is not null);
        var layout = new BatchLayout(source.Columns, scenarios);
        var panels = o.Panel ? prepared.ToDictionary(x => x.Columns.Scenario, x => x.Panel!) : null;
        var cacheFiles = prepared.ToDictionary(x => x.Columns.Scenario, x => x.File);
        var rater = new BatchRater(layout, new EntryLineParser(columns, o.Date, rules.Catalog.ActualPolicy),
            o.ExpectedClaims ? Tariffscope.Trade.ClaimBasis.Expected(rules.Workspace.ClaimShares) : null, panels);
        using var files = new ResultFiles(layout, o.Output, o.Rejects);
        long allocated = GC.GetTotalAllocatedBytes();
        var summary = await BatchPipeline.RunAsync(BatchPipeline.Chunk(source.Lines(), o.ChunkLines), rater, files, o.Workers,
            lines => progress?.Invoke(lines, source.Fraction), ct);
        files.Commit();
        if (panels is not null)
            foreach (var (name, p) in panels) Panel.PanelCache.Save(p, cacheFiles[name]);
        return new BatchResult(summary, source.Format, source.Columns, source.LinesRead, files.RowsWritten, files.RejectsWritten,
            files.OutputPath, files.RejectsPath, watch.Elapsed, source.Uncovered)
        {
            AllocatedBytes = GC.GetTotalAllocatedBytes() - allocated,
            Panel = panels is null ? null : new(panels.Values.Sum(p => p.Counts.Planned), panels.Values.Sum(p => p.Counts.Inherited), panels.Values.Sum(p => p.Loaded)),
            Claims = rater.Scenarios[0].ExpectedClaims is { } c
                ? new("expected", "a line with a program column value is rated as claimed; a line without one at its expected claim: " + c.Summary().Description)
                : BatchResult.AsEntered,
        };
    }
}
