using System.Runtime.CompilerServices;
using System.Buffers;
using System.Globalization;
using System.Text;

namespace Tariffscope.Data.Entries;

/// <summary>
/// Writes CSV: comma-separated (tab for .tsv), a field quoted when it holds the delimiter, a quote or a line break
/// (quotes doubled), invariant numbers, "\n" after each row — the bytes Sep writes with escaping on (tested). Rows can
/// be formatted on any thread (<see cref="Format"/>) and written here as text, so a batch's workers do the formatting
/// and the one writer thread only copies.
/// </summary>
public sealed class CsvTableWriter : TableWriter
{
    private readonly StreamWriter _text;
    private readonly RowText _row = new();

    public char Delimiter { get; }

    public CsvTableWriter(string path, IReadOnlyList<TableColumn> columns) : base(path, columns)
    {
        Delimiter = System.IO.Path.GetExtension(path).Equals(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';
        _text = new StreamWriter(new FileStream(TempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), new UTF8Encoding(false), 1 << 16);
        for (int i = 0; i < columns.Count; i++)
        {
            if (i > 0) _row.Append(Delimiter);
            _row.AppendField(SpreadsheetText.Safe(columns[i].Name), Delimiter);
        }
        _row.Append('\n');
        _text.Write(_row.Span);
    }

    protected override void WriteCells(ReadOnlySpan<Cell> cells)
    {
        _row.Clear();
        Format(_row, Columns, cells, Delimiter);
        _text.Write(_row.Span);
    }

    /// <summary>Rows already formatted by <see cref="Format"/>, written as they are.</summary>
    public void WriteFormatted(ReadOnlySpan<char> rows, long count)
    {
        _text.Write(rows);
        Counted(count);
    }

    /// <summary>Appends one row, with its line end, as this writer writes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Format(RowText row, IReadOnlyList<TableColumn> columns, ReadOnlySpan<Cell> cells, char delimiter)
    {
        Span<char> number = stackalloc char[40];
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0) row.Append(delimiter);
            int n;
            switch (columns[i].Kind)
            {
                case CellKind.Text or CellKind.Input: row.AppendField(SpreadsheetText.Safe(cells[i].Text ?? ""), delimiter); break;
                case CellKind.Money: cells[i].Number.TryFormat(number, out n, "0.00", CultureInfo.InvariantCulture); row.Append(number[..n]); break;
                case CellKind.Rate: cells[i].Number.TryFormat(number, out n, "0.######", CultureInfo.InvariantCulture); row.Append(number[..n]); break;
                case CellKind.Cents: row.Append(ScaledText.Format(cells[i].Integer, 2, trim: false, number)); break;
                case CellKind.Millionths: row.Append(ScaledText.Format(cells[i].Integer, 6, trim: true, number)); break;
                default: cells[i].Integer.TryFormat(number, out n, default, CultureInfo.InvariantCulture); row.Append(number[..n]); break;
            }
        }
        row.Append('\n');
    }

    protected override void Finish() { _text.Dispose(); _row.Release(); }
    protected override void Close() { _text.Dispose(); _row.Release(); }
}

/// <summary>A growable run of characters on a pooled array: the text of rows being formatted.</summary>
public sealed class RowText
{
    private char[] _buf = ArrayPool<char>.Shared.Rent(1024);
    private int _length;

    public ReadOnlySpan<char> Span => _buf.AsSpan(0, _length);
    public int Length => _length;
    public void Clear() => _length = 0;

    public void Append(char c)
    {
        if (_length == _buf.Length) Grow(1);
        _buf[_length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (_length + text.Length > _buf.Length) Grow(text.Length);
        text.CopyTo(_buf.AsSpan(_length));
        _length += text.Length;
    }

    /// <summary>A field: as it is, or in quotes with its quotes doubled when it holds the delimiter, a quote or a line break.</summary>
    public void AppendField(ReadOnlySpan<char> text, char delimiter)
    {
        if (text.IndexOfAny(delimiter, '"', '\n') < 0 && !text.Contains('\r')) { Append(text); return; }
        Append('"');
        foreach (var c in text)
        {
            if (c == '"') Append('"');
            Append(c);
        }
        Append('"');
    }

    private void Grow(int more)
    {
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_buf.Length * 2, _length + more));
        _buf.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(_buf);
        _buf = bigger;
    }

    /// <summary>Gives the array back; the text is not read after.</summary>
    public void Release()
    {
        var b = Interlocked.Exchange(ref _buf, []);
        if (b.Length > 0) ArrayPool<char>.Shared.Return(b);
        _length = 0;
    }
}
