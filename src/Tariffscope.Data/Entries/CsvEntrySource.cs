using System.Text;
using nietras.SeparatedValues;
using Tariffscope.Engine.Batch;

namespace Tariffscope.Data.Entries;

/// <summary>
/// Streams a delimited text file with Sep: the delimiter is sniffed from the header line (the most frequent of
/// , ; tab | outside quotes) unless given; quoted fields are unescaped; each row is checked against the header.
/// </summary>
public sealed class CsvEntrySource : IEntrySource
{
    public static readonly char[] Candidates = [',', ';', '\t', '|'];

    private readonly string _path;
    private readonly FileStream _stream;
    private readonly SepReader _reader;
    private long _lines;
    private double _fraction;

    public char Delimiter { get; }
    public string Format => $"CSV ('{(Delimiter == '\t' ? "\\t" : Delimiter.ToString())}'-separated)";
    public IReadOnlyList<string> Columns { get; }
    public long LinesRead => Interlocked.Read(ref _lines);
    public double? Fraction => Volatile.Read(ref _fraction);

    private CsvEntrySource(string path, FileStream stream, SepReader reader, char delimiter, IReadOnlyList<string> columns)
    {
        _path = path; _stream = stream; _reader = reader; Delimiter = delimiter; Columns = columns;
    }

    public static CsvEntrySource Open(string path, char? delimiter = null)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            if (stream.Length == 0) throw new EntryFileException($"{path}: the file is empty; expected a header line naming the columns (code, origin, date, value, …)");
            var sep = delimiter ?? Sniff(stream);
            stream.Position = 0;
            var reader = Sep.New(sep).Reader(o => o with
            {
                HasHeader = false, DisableColCountCheck = true, Unescape = true,
                CreateToString = SepToString.PoolPerCol(maximumStringLength: 32),
            }).From(stream);
            if (!reader.MoveNext()) throw new EntryFileException($"{path}: the file is empty; expected a header line naming the columns");
            var head = reader.Current;
            var names = new string[head.ColCount];
            for (int i = 0; i < names.Length; i++) names[i] = head[i].ToString();
            if (names.Any(n => n.Contains('\uFFFD'))) throw new EntryFileException($"{path}: line 1 (header): bytes that are not valid UTF-8; save the file as UTF-8");
            return new CsvEntrySource(path, stream, reader, sep, EntryFiles.CleanHeader(names, path));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The delimiter that occurs most often outside quotes in the first line.</summary>
    internal static char Sniff(Stream stream)
    {
        var buf = new byte[64 * 1024];
        int n = stream.ReadAtLeast(buf, buf.Length, throwOnEndOfStream: false);
        var text = Encoding.UTF8.GetString(buf, 0, n);
        Span<int> counts = stackalloc int[Candidates.Length];
        bool quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') break;
            else if (!quoted) { var k = Array.IndexOf(Candidates, c); if (k >= 0) counts[k]++; }
        }
        int best = 0;
        for (int k = 1; k < counts.Length; k++) if (counts[k] > counts[best]) best = k;
        return Candidates[best];
    }

    public IEnumerable<RawLine> Lines()
    {
        var len = Math.Max(1, _stream.Length);
        foreach (var row in _reader)
        {
            var fields = new string[row.ColCount];
            for (int i = 0; i < fields.Length; i++) fields[i] = row[i].ToString();
            var n = Interlocked.Increment(ref _lines);
            if ((n & 1023) == 0) Volatile.Write(ref _fraction, (double)_stream.Position / len);
            yield return EntryFiles.Check(n, fields, Columns);
        }
        Volatile.Write(ref _fraction, 1.0);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    public override string ToString() => _path;
}
