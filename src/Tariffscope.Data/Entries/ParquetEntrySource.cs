using Parquet;
using Parquet.Schema;
using Tariffscope.Engine.Batch;

namespace Tariffscope.Data.Entries;

/// <summary>
/// Streams a Parquet file one row group at a time with Parquet.Net (memory bounded by the largest row group):
/// every flat column becomes text the way <see cref="CellText"/> writes it.
/// </summary>
public sealed class ParquetEntrySource : IEntrySource
{
    private readonly string _path;
    private readonly ParquetReader _reader;
    private readonly DataField[] _fields;
    private readonly long _total;
    private long _lines;

    public string Format => "Parquet";
    public IReadOnlyList<string> Columns { get; }
    public long LinesRead => Interlocked.Read(ref _lines);
    public double? Fraction => _total == 0 ? 1 : (double)LinesRead / _total;

    private ParquetEntrySource(string path, ParquetReader reader, DataField[] fields, long total)
    {
        _path = path; _reader = reader; _fields = fields; _total = total;
        Columns = EntryFiles.CleanHeader(fields.Select(f => f.Name).ToList(), path);
    }

    public static ParquetEntrySource Open(string path)
    {
        CheckFooter(path);
        ParquetReader reader;
        try { reader = ParquetReader.CreateAsync(path, null).GetAwaiter().GetResult(); }
        catch (Exception e) when (IsDamage(e))
        {
            throw new EntryFileException($"{path}: not a readable Parquet file ({e.Message})");
        }
        var fields = reader.Schema.GetDataFields();
        var nested = fields.FirstOrDefault(f => f.IsArray || f.Path.ToList().Count > 1);
        if (nested is not null)
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new EntryFileException($"{path}: column '{nested.Path}' is nested or repeated; entry files need flat columns");
        }
        long total = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            var count = reader.OpenRowGroupReader(g).RowCount;
            if (count is < 0 or > MaxRowGroupRows)
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
                throw new EntryFileException($"{path}: row group {g + 1} claims {count:N0} rows; at most {MaxRowGroupRows:N0} are read at once " +
                    "(write the file with smaller row groups, or it is damaged)");
            }
            total += count;
        }
        return new ParquetEntrySource(path, reader, fields, total);
    }

    /// <summary>A row group is read whole, so its size bounds the memory: 4 Mi rows (pyarrow writes 1 Mi, DuckDB 122,880).</summary>
    public const long MaxRowGroupRows = 1 << 22;
    /// <summary>Largest footer (the file's metadata) read: real ones are kilobytes; a damaged length must not allocate gigabytes.</summary>
    public const int MaxFooterBytes = 64 * 1024 * 1024;

    /// <summary>Checks the footer's length and magic before Parquet.Net allocates what the footer claims.</summary>
    private static void CheckFooter(string path)
    {
        using var f = File.OpenRead(path);
        Span<byte> tail = stackalloc byte[8];
        if (f.Length < 12) throw new EntryFileException($"{path}: not a Parquet file ({f.Length} bytes; a Parquet file starts and ends with PAR1)");
        f.Seek(-8, SeekOrigin.End);
        f.ReadExactly(tail);
        if (!tail[4..].SequenceEqual("PAR1"u8)) throw new EntryFileException($"{path}: not a Parquet file (it does not end with PAR1; truncated?)");
        var footer = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footer <= 0 || footer > f.Length - 12 || footer > MaxFooterBytes)
            throw new EntryFileException($"{path}: damaged Parquet file: its footer claims {footer:N0} bytes in a file of {f.Length:N0}");
    }

    /// <summary>
    /// What Parquet.Net, its Thrift reader and its decompressors throw on damaged bytes ("Invalid copy offset", bad
    /// lengths, Thrift protocol errors): anything but a cancellation or the runtime running out of memory, since
    /// decoding the file's own bytes is all that runs here.
    /// </summary>
    private static bool IsDamage(Exception e) => e is not (OperationCanceledException or OutOfMemoryException or EntryFileException);

    public IEnumerable<RawLine> Lines()
    {
        for (int g = 0; g < _reader.RowGroupCount; g++)
        {
            var (cols, rows) = ReadGroup(g);
            for (int r = 0; r < rows; r++)
            {
                var fields = new string[cols.Length];
                for (int c = 0; c < cols.Length; c++) fields[c] = cols[c][r];
                var n = Interlocked.Increment(ref _lines);
                yield return EntryFiles.Check(n, fields, Columns);
            }
        }
    }

    private (string[][] Cols, int Rows) ReadGroup(int g)
    {
        try
        {
            using var rg = _reader.OpenRowGroupReader(g);
            var rows = checked((int)rg.RowCount);
            var cols = new string[_fields.Length][];
            for (int c = 0; c < _fields.Length; c++) cols[c] = ReadColumn(rg, _fields[c], rows).GetAwaiter().GetResult();
            return (cols, rows);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw new EntryFileException($"{_path}: row group {g + 1}: the data cannot be read, the file is damaged ({e.Message})");
        }
    }

    private async Task<string[]> ReadColumn(ParquetRowGroupReader rg, DataField f, int rows)
    {
        var t = Nullable.GetUnderlyingType(f.ClrType) ?? f.ClrType;
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>))
        {
            var s = new string[rows];
            await rg.ReadAsync(f, s, null);
            for (int i = 0; i < rows; i++) s[i] ??= "";
            return s;
        }
        return t switch
        {
            _ when t == typeof(decimal) => await Typed<decimal>(rg, f, rows),
            _ when t == typeof(double) => await Typed<double>(rg, f, rows),
            _ when t == typeof(float) => await Typed<float>(rg, f, rows),
            _ when t == typeof(long) => await Typed<long>(rg, f, rows),
            _ when t == typeof(int) => await Typed<int>(rg, f, rows),
            _ when t == typeof(short) => await Typed<short>(rg, f, rows),
            _ when t == typeof(sbyte) => await Typed<sbyte>(rg, f, rows),
            _ when t == typeof(byte) => await Typed<byte>(rg, f, rows),
            _ when t == typeof(ushort) => await Typed<ushort>(rg, f, rows),
            _ when t == typeof(uint) => await Typed<uint>(rg, f, rows),
            _ when t == typeof(ulong) => await Typed<ulong>(rg, f, rows),
            _ when t == typeof(bool) => await Typed<bool>(rg, f, rows),
            _ when t == typeof(DateTime) => await Typed<DateTime>(rg, f, rows),
            _ when t == typeof(DateOnly) => await Typed<DateOnly>(rg, f, rows),
            _ when t == typeof(DateTimeOffset) => await Typed<DateTimeOffset>(rg, f, rows),
            _ => throw new EntryFileException($"{_path}: column '{f.Name}' has type {t.Name}, which an entry file cannot hold (text, numbers, dates)"),
        };
    }

    private static async Task<string[]> Typed<T>(ParquetRowGroupReader rg, DataField f, int rows) where T : struct
    {
        var s = new string[rows];
        if (f.IsNullable)
        {
            var v = new T?[rows];
            await rg.ReadAsync<T>(f, v, null);
            for (int i = 0; i < rows; i++) s[i] = v[i] is { } x ? CellText.Of(x) : "";
        }
        else
        {
            var v = new T[rows];
            await rg.ReadAsync<T>(f, v, null);
            for (int i = 0; i < rows; i++) s[i] = CellText.Of(v[i]);
        }
        return s;
    }

    public void Dispose() => _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();

    public override string ToString() => _path;
}
