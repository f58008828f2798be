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

    /// <summary>Cells of the scenarios' compiled rules planned by the engine, and cells taken from the interval before
    /// because no change reached them (null when the batch quoted every line).</summary>
    public PanelUse? Panel { get; init; }

    public static readonly Tariffscope.Trade.ClaimSummary AsEntered =
        new("as entered", "a line is rated as claimed when its program column names a programme, else without a claim");

    /// <summary>Every line the reader handed over is in the output or the rejects, the summary agrees, and no line
    /// of the file (counted apart from the parser) was left out of the records.</summary>
    public bool IsAccounted => Uncovered is null && LinesRead == RowsWritten + RejectsWritten && Summary.InputLines == LinesRead
        && Summary.Rated == RowsWritten && Summary.Rejected == RejectsWritten;
}

/// <summary>How much of the compiled rules a batch built: cells planned by the engine, cells carried over unplanned,
/// and cells read back from the last run's file (<c>cache/panel</c> in the data directory).</summary>
public sealed record PanelUse(long CellsPlanned, long CellsInherited, long CellsLoaded);
