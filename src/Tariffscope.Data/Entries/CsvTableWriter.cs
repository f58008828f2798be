using System.Globalization;
using nietras.SeparatedValues;

namespace Tariffscope.Data.Entries;

/// <summary>Writes CSV with Sep: comma-separated (tab for .tsv), quoted where needed, invariant numbers.</summary>
public sealed class CsvTableWriter : TableWriter
{
    private readonly SepWriter _writer;

    public CsvTableWriter(string path, IReadOnlyList<TableColumn> columns) : base(path, columns)
    {
        var sep = System.IO.Path.GetExtension(path).Equals(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';
        _writer = Sep.New(sep).Writer(o => o with { Escape = true, WriteHeader = false, CultureInfo = CultureInfo.InvariantCulture }).ToFile(TempPath);
        using var row = _writer.NewRow();
        for (int i = 0; i < columns.Count; i++) row[i].Set(SpreadsheetText.Safe(columns[i].Name));
    }

    protected override void WriteCells(ReadOnlySpan<Cell> cells)
    {
        using var row = _writer.NewRow();
        Span<char> buffer = stackalloc char[24];
        for (int i = 0; i < cells.Length; i++)
        {
            var col = row[i];
            switch (Columns[i].Kind)
            {
                case CellKind.Text or CellKind.Input: col.Set(SpreadsheetText.Safe(cells[i].Text ?? "")); break;
                case CellKind.Money: col.Format(cells[i].Number, "0.00"); break;
                case CellKind.Rate: col.Format(cells[i].Number, "0.######"); break;
                case CellKind.Cents: col.Set(ScaledText.Format(cells[i].Integer, 2, trim: false, buffer)); break;
                case CellKind.Millionths: col.Set(ScaledText.Format(cells[i].Integer, 6, trim: true, buffer)); break;
                default: col.Format(cells[i].Integer); break;
            }
        }
    }

    protected override void Finish() => _writer.Dispose();
    protected override void Close() => _writer.Dispose();
}
