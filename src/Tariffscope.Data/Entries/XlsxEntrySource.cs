using MiniExcelLibs;
using Tariffscope.Engine.Batch;

namespace Tariffscope.Data.Entries;

/// <summary>
/// Streams the first sheet of an Excel workbook with MiniExcel (row by row, never the whole sheet): the first row
/// is the header; numbers and dates typed as such become their plain text (1234.56, 2025-08-13).
/// </summary>
public sealed class XlsxEntrySource : IEntrySource
{
    private readonly string _path;
    private readonly IEnumerator<IDictionary<string, object?>> _rows;
    private readonly string[] _keys;
    private long _lines;

    public string Format => "Excel workbook";
    public IReadOnlyList<string> Columns { get; }
    public long LinesRead => Interlocked.Read(ref _lines);
    public double? Fraction => null;

    private XlsxEntrySource(string path, IEnumerator<IDictionary<string, object?>> rows, string[] keys, IReadOnlyList<string> columns)
    {
        _path = path; _rows = rows; _keys = keys; Columns = columns;
    }

    public static XlsxEntrySource Open(string path)
    {
        XlsxGuard.Check(path);
        IEnumerator<IDictionary<string, object?>> rows;
        try
        {
            rows = MiniExcel.Query(path, useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>().GetEnumerator();
            if (!rows.MoveNext()) throw new EntryFileException($"{path}: the first sheet is empty; expected a header row naming the columns{OtherSheets(path)}");
        }
        catch (EntryFileException) { throw; }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or NotSupportedException)
        {
            throw new EntryFileException($"{path}: not a readable .xlsx workbook ({e.Message})");
        }
        var header = rows.Current;
        // trailing empty header cells are the sheet's used range, not columns
        var keys = header.Keys.ToList();
        while (keys.Count > 0 && string.IsNullOrWhiteSpace(CellText.Of(header[keys[^1]]))) keys.RemoveAt(keys.Count - 1);
        if (keys.Count == 0) throw new EntryFileException($"{path}: the header row is empty{OtherSheets(path)}");
        var cols = EntryFiles.CleanHeader(keys.Select(k => CellText.Of(header[k])).ToList(), path);
        return new XlsxEntrySource(path, rows, [.. keys], cols);
    }

    /// <summary>Only the first sheet is read: when it is empty, say which sheets the data may be on.</summary>
    private static string OtherSheets(string path)
    {
        try
        {
            var names = MiniExcel.GetSheetNames(path);
            return names.Count <= 1 ? ""
                : $" (only the first sheet, '{names[0]}', is read; the data may be on {string.Join(", ", names.Skip(1).Select(n => $"'{n}'"))}: move that sheet first)";
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException) { return ""; }
    }

    public IEnumerable<RawLine> Lines()
    {
        while (_rows.MoveNext())
        {
            var row = _rows.Current;
            // cells past the header's columns count as surplus fields (a ragged row) when they hold anything
            int width = _keys.Length;
            var extra = row.Count > width ? row.Values.Skip(width).Select(CellText.Of).ToArray() : [];
            int last = Array.FindLastIndex(extra, s => s.Length > 0);
            var fields = new string[width + last + 1];
            for (int i = 0; i < width; i++) fields[i] = row.TryGetValue(_keys[i], out var v) ? CellText.Of(v) : "";
            for (int i = 0; i <= last; i++) fields[width + i] = extra[i];
            var n = Interlocked.Increment(ref _lines);
            yield return fields.All(f => f.Length == 0)
                ? new RawLine(n, fields[..width], new LineFault("(line)", "blank row: no values"))
                : EntryFiles.Check(n, fields, Columns);
        }
    }

    public void Dispose() => _rows.Dispose();

    public override string ToString() => _path;
}
