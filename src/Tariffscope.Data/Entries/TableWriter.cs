namespace Tariffscope.Data.Entries;

/// <summary>What a column holds: text, money (to the cent), a rate (six decimals) or a whole number; or an input
/// column echoed as read, text everywhere except in a workbook, where a plain number is written as a number.
/// <see cref="Cents"/> and <see cref="Millionths"/> are money and a rate carried as integers (in
/// <see cref="Cell.Integer"/>): written exactly as <see cref="Money"/> and <see cref="Rate"/> are, without a decimal.</summary>
public enum CellKind { Text, Money, Rate, Integer, Input, Cents, Millionths }

public sealed record TableColumn(string Name, CellKind Kind);

/// <summary>One cell of a row being written: text or a number, per its column's kind.</summary>
public struct Cell
{
    public string? Text;
    public decimal Number;
    public long Integer;

    /// <summary>The number a money or rate cell holds, whichever way it is carried.</summary>
    public readonly decimal NumberAs(CellKind kind) => kind switch
    {
        CellKind.Cents => Tariffscope.Engine.Money.FromCents(Integer),
        CellKind.Millionths => Integer / 1_000_000m,
        _ => Number,
    };
}

/// <summary>
/// Writes rows to a file of one format. Everything goes to a temporary file beside the target, moved into place
/// by <see cref="Commit"/>; disposing without committing deletes it, so an interrupted run never leaves a half
/// file under the real name.
/// </summary>
public abstract class TableWriter : IDisposable
{
    private bool _done;

    protected TableWriter(string path, IReadOnlyList<TableColumn> columns)
    {
        Path = System.IO.Path.GetFullPath(path);
        Columns = columns;
        var dir = System.IO.Path.GetDirectoryName(Path)!;
        if (!Directory.Exists(dir)) throw new EntryFileException($"{path}: folder {dir} does not exist");
        CleanStale(dir, System.IO.Path.GetFileName(Path));
        TempPath = System.IO.Path.Combine(dir, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.partial");
    }

    /// <summary>A temporary file untouched this long was left by a killed run (a live one is written to all along).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    /// <summary>Deletes the .NAME.….partial files that killed runs writing this same target left behind.</summary>
    private static void CleanStale(string dir, string name)
    {
        var cutoff = DateTime.UtcNow - StaleAfter;
        try
        {
            foreach (var f in Directory.EnumerateFiles(dir, $".{name}.*.partial"))
                try { if (File.GetLastWriteTimeUtc(f) < cutoff) File.Delete(f); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* in use, or gone */ }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* an unreadable folder fails below, clearly */ }
    }

    public string Path { get; }
    public string TempPath { get; }
    public IReadOnlyList<TableColumn> Columns { get; }
    public long Rows { get; private set; }

    /// <summary>Counts rows written other than by <see cref="WriteRow"/> (already formatted).</summary>
    protected void Counted(long rows) => Rows += rows;

    public void WriteRow(ReadOnlySpan<Cell> cells)
    {
        WriteCells(cells);
        Rows++;
    }

    protected abstract void WriteCells(ReadOnlySpan<Cell> cells);
    /// <summary>Flushes and closes the temporary file.</summary>
    protected abstract void Finish();
    protected abstract void Close();

    /// <summary>Finishes the file and moves it over the target.</summary>
    public void Commit()
    {
        Finish();
        File.Move(TempPath, Path, overwrite: true);
        _done = true;
    }

    public void Dispose()
    {
        if (_done) return;
        _done = true;
        try { Close(); } catch { /* already failing: the temp file goes anyway */ }
        try { File.Delete(TempPath); } catch { /* best effort */ }
        GC.SuppressFinalize(this);
    }

    /// <summary>A writer for the format named by the file's extension (.csv/.tsv/.txt, .xlsx, .parquet).</summary>
    public static TableWriter Create(string path, IReadOnlyList<TableColumn> columns) => EntryFiles.FormatOf(path) switch
    {
        EntryFormat.Csv => new CsvTableWriter(path, columns),
        EntryFormat.Xlsx => new XlsxTableWriter(path, columns),
        EntryFormat.Parquet => new ParquetTableWriter(path, columns),
        _ => throw new EntryFileException($"{path}: unknown output type '{System.IO.Path.GetExtension(path)}' (use .csv, .xlsx or .parquet)"),
    };
}
