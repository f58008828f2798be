using System.Collections.Concurrent;
using MiniExcelLibs;

namespace Tariffscope.Data.Entries;

/// <summary>
/// Writes an Excel workbook with MiniExcel, which pulls rows from an enumeration: rows are handed over through a
/// small bounded queue to a thread that runs MiniExcel's writer, so the sheet is never held whole in memory.
/// </summary>
public sealed class XlsxTableWriter : TableWriter
{
    /// <summary>A sheet holds 1,048,576 rows, the header being one.</summary>
    public const long MaxRows = 1_048_575;

    private readonly BlockingCollection<Dictionary<string, object?>> _queue = new(boundedCapacity: 4096);
    private readonly Task _task;

    public XlsxTableWriter(string path, IReadOnlyList<TableColumn> columns) : base(path, columns)
    {
        _task = Task.Factory.StartNew(() => MiniExcel.SaveAs(TempPath, _queue.GetConsumingEnumerable(), printHeader: true, excelType: ExcelType.XLSX),
            TaskCreationOptions.LongRunning);
    }

    protected override void WriteCells(ReadOnlySpan<Cell> cells)
    {
        if (Rows >= MaxRows) throw new EntryFileException($"{Path}: an Excel sheet holds at most {MaxRows:N0} rows; write .csv or .parquet for larger batches");
        var row = new Dictionary<string, object?>(cells.Length);
        for (int i = 0; i < cells.Length; i++)
            row[Columns[i].Name] = Columns[i].Kind switch
            {
                CellKind.Text => SpreadsheetText.SafeXlsx(cells[i].Text ?? ""),
                CellKind.Input => InputCell(cells[i].Text),
                CellKind.Integer => cells[i].Integer,
                var kind => cells[i].NumberAs(kind),
            };
        if (_task.IsFaulted) _task.GetAwaiter().GetResult();
        _queue.Add(row);
    }

    /// <summary>
    /// An input value as read: a plain number ("10000", "0.6", "-12.50") goes into the workbook as a number, so sums
    /// and filters work on it; a code with dots or a leading zero, a date, anything else stays text as written.
    /// </summary>
    public static object InputCell(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 18) return SpreadsheetText.SafeXlsx(text ?? "");
        var digits = text.AsSpan().TrimStart('-');
        if (digits.Length == 0 || digits.Length > 1 && digits[0] == '0' && digits[1] != '.') return SpreadsheetText.SafeXlsx(text); // "0101…": a code
        return System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?\d+(\.\d+)?$")
            && decimal.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
                System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : SpreadsheetText.SafeXlsx(text); // text that reads as a formula is escaped
    }

    protected override void Finish()
    {
        _queue.CompleteAdding();
        _task.GetAwaiter().GetResult();
        if (Rows == 0)
        {
            // MiniExcel takes the header from the first row: with none, write the header from an empty table
            var table = new System.Data.DataTable();
            foreach (var c in Columns) table.Columns.Add(c.Name, c.Kind is CellKind.Text or CellKind.Input ? typeof(string) : typeof(decimal));
            MiniExcel.SaveAs(TempPath, table, printHeader: true, excelType: ExcelType.XLSX, overwriteFile: true);
        }
    }

    protected override void Close()
    {
        _queue.CompleteAdding();
        try { _task.Wait(TimeSpan.FromSeconds(30)); } catch { /* reported by the caller's own failure */ }
    }
}
