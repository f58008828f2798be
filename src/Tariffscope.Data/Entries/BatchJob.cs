using System.Diagnostics;
using Tariffscope.Engine;
using Tariffscope.Engine.Batch;

namespace Tariffscope.Data.Entries;

/// <summary>What to rate, where to write it, and under which scenarios.</summary>
public sealed record BatchOptions
{
    public required string Input { get; init; }
    public required string Output { get; init; }
    public string? Rejects { get; init; }
    public IReadOnlyList<string> Scenarios { get; init; } = ["actual"];
    /// <summary>The entry date of every line, in place of the file's date column.</summary>
    public DateOnly? Date { get; init; }
    public DateOnly? AsKnownOn { get; init; }
    public IReadOnlyDictionary<string, string>? Map { get; init; }
    public char? Delimiter { get; init; }
    public int Workers { get; init; }
    public int ChunkLines { get; init; } = BatchPipeline.DefaultChunkLines;
    /// <summary>Rate lines without a programme at the share claimed in the record (the workspace's claim shares), for planning.</summary>
    public bool ExpectedClaims { get; init; }
    /// <summary>Rate from each scenario's compiled rules where a line allows it (same output; set false to quote every line).</summary>
    public bool Panel { get; init; } = true;
}

/// <summary>The outcome of a batch: the summary, and the counts of each stage that must agree.</summary>
public sealed record BatchResult(
    BatchSummary Summary, string InputFormat, IReadOnlyList<string> InputColumns, long LinesRead, long RowsWritten, long RejectsWritten,
    string OutputPath, string RejectsPath, TimeSpan Elapsed, string? Uncovered = null)
{
    /// <summary>How claims were taken: "as entered" (a line's program column) or "expected" for lines without one.</summary>
    public Tariffscope.Trade.ClaimSummary Claims { get; init; } = AsEntered;

    /// <summary>Bytes the process allocated while the lines were read, rated and written (all threads).</summary>
    public long AllocatedBytes { get; init; }

    public static readonly Tariffscope.Trade.ClaimSummary AsEntered =
        new("as entered", "a line is rated as claimed when its program column names a programme, else without a claim");

    /// <summary>Every line the reader handed over is in the output or the rejects, the summary agrees, and no line
    /// of the file (counted apart from the parser) was left out of the records.</summary>
    public bool IsAccounted => Uncovered is null && LinesRead == RowsWritten + RejectsWritten && Summary.InputLines == LinesRead
        && Summary.Rated == RowsWritten && Summary.Rejected == RejectsWritten;
}

/// <summary>Rates an entry file under several scenarios: read, rate in parallel, write in order, account for every line.</summary>
public static class BatchJob
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

    public static async Task<BatchResult> RunAsync(Workspace workspace, BatchOptions o, Action<long, double?>? progress = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var scenarios = o.Scenarios.Select(name =>
        {
            if (!workspace.Scenarios.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException($"--scenario: unknown scenario '{name}' (known: {string.Join(", ", workspace.Scenarios.Names)})");
            return new ScenarioColumns(name, workspace.Engine(name, o.AsKnownOn));
        }).ToList();
        if (scenarios.Select(s => s.Prefix).Distinct().Count() != scenarios.Count) throw new ArgumentException("--scenario: a scenario is named twice");

        CheckPaths(o.Input, ("--out", o.Output), ("--rejects", o.Rejects ?? ResultFiles.DefaultRejectsPath(o.Output)));
        using var source = EntryFiles.Open(o.Input, o.Delimiter);
        var columns = EntryColumns.Match(source.Columns, o.Map, o.Date is not null);
        var layout = new BatchLayout(source.Columns, scenarios);
        var rater = new BatchRater(layout, new EntryLineParser(columns, o.Date),
            o.ExpectedClaims ? Tariffscope.Trade.ClaimBasis.Expected(workspace.ClaimShares) : null,
            o.Panel ? scenarios.ToDictionary(s => s.Scenario, s => new Tariffscope.Engine.Panel.RatePanel(s.Engine, PanelFrom, PanelTo)) : null);
        using var files = new ResultFiles(layout, o.Output, o.Rejects);
        long allocated = GC.GetTotalAllocatedBytes();
        var summary = await BatchPipeline.RunAsync(BatchPipeline.Chunk(source.Lines(), o.ChunkLines), rater, files, o.Workers,
            lines => progress?.Invoke(lines, source.Fraction), ct);
        files.Commit();
        return new BatchResult(summary, source.Format, source.Columns, source.LinesRead, files.RowsWritten, files.RejectsWritten,
            files.OutputPath, files.RejectsPath, watch.Elapsed, source.Uncovered)
        {
            AllocatedBytes = GC.GetTotalAllocatedBytes() - allocated,
            Claims = rater.Scenarios[0].ExpectedClaims is { } c
                ? new("expected", "a line with a program column value is rated as claimed; a line without one at its expected claim: " + c.Summary().Description)
                : BatchResult.AsEntered,
        };
    }
}
