using Parquet;
using Parquet.Schema;

namespace Tariffscope.Data.Entries;

/// <summary>
/// Writes Parquet with Parquet.Net, one row group per 65,536 rows: text as strings, money as decimal(18,2), rates
/// as decimal(18,6), whole numbers as int64.
/// </summary>
public sealed class ParquetTableWriter : TableWriter
{
    private const int GroupRows = 65_536;
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;
    private readonly object[] _buffers;
    private int _n;

    public ParquetTableWriter(string path, IReadOnlyList<TableColumn> columns) : base(path, columns)
    {
        _fields = columns.Select(c => c.Kind switch
        {
            CellKind.Text or CellKind.Input => new DataField<string>(c.Name),
            CellKind.Money or CellKind.Cents => new DecimalDataField(c.Name, 18, 2, isNullable: false),
            CellKind.Rate or CellKind.Millionths => new DecimalDataField(c.Name, 18, 6, isNullable: false),
            _ => (DataField)new DataField<long>(c.Name),
        }).ToArray();
        _buffers = columns.Select(c => c.Kind switch
        {
            CellKind.Text or CellKind.Input => (object)new string[GroupRows],
            CellKind.Integer => new long[GroupRows],
            _ => new decimal[GroupRows],
        }).ToArray();
        _stream = new FileStream(TempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), _stream).GetAwaiter().GetResult();
    }

    protected override void WriteCells(ReadOnlySpan<Cell> cells)
    {
        for (int i = 0; i < cells.Length; i++)
        {
            switch (_buffers[i])
            {
                case string[] s: s[_n] = cells[i].Text ?? ""; break;
                case long[] l: l[_n] = cells[i].Integer; break;
                case decimal[] d:
                    var kind = Columns[i].Kind;
                    d[_n] = kind switch
                    {
                        CellKind.Money => Math.Round(cells[i].Number, 2, MidpointRounding.AwayFromZero),
                        CellKind.Rate => Math.Round(cells[i].Number, 6, MidpointRounding.AwayFromZero),
                        _ => cells[i].NumberAs(kind),
                    };
                    break;
            }
        }
        if (++_n == GroupRows) Flush();
    }

    private void Flush()
    {
        if (_n == 0) return;
        using var rg = _writer.CreateRowGroup();
        for (int i = 0; i < _fields.Length; i++)
        {
            switch (_buffers[i])
            {
                case string[] s: rg.WriteAsync(_fields[i], new ArraySegment<string>(s, 0, _n), null).GetAwaiter().GetResult(); break;
                case long[] l: rg.WriteAsync<long>(_fields[i], new ReadOnlyMemory<long>(l, 0, _n), null).GetAwaiter().GetResult(); break;
                case decimal[] d: rg.WriteAsync<decimal>(_fields[i], new ReadOnlyMemory<decimal>(d, 0, _n), null).GetAwaiter().GetResult(); break;
            }
        }
        _n = 0;
    }

    protected override void Finish()
    {
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }

    protected override void Close()
    {
        try { _writer.DisposeAsync().AsTask().GetAwaiter().GetResult(); } catch { /* closing a failed file */ }
        _stream.Dispose();
    }
}
