using System.Text;
using Tariffscope.Engine.Batch;

namespace Tariffscope.Data.Entries;

/// <summary>
/// Streams a delimited text file: the delimiter is sniffed from the header line (the most frequent of , ; tab |
/// outside quotes) unless given; records are split by <see cref="CsvRecords"/> (a quote is a quote only at the start
/// of a field); each row is checked against the header. The file's physical lines are counted on the side, apart
/// from the parser, and every one must belong to exactly one record (<see cref="Uncovered"/>).
/// </summary>
public sealed class CsvEntrySource : IEntrySource
{
    public static readonly char[] Candidates = [',', ';', '\t', '|'];

    private readonly string _path;
    private readonly FileStream _stream;
    private readonly LineCountingReader _counter;
    private readonly CsvRecords _records;
    private readonly long _headerLines;
    private long _lines;
    private double _fraction;
    private long _covered;
    private readonly List<string> _gaps = [];
    private bool _done;

    public char Delimiter { get; }
    public string Format => $"CSV ('{(Delimiter == '\t' ? "\\t" : Delimiter.ToString())}'-separated)";
    public IReadOnlyList<string> Columns { get; }
    public long LinesRead => Interlocked.Read(ref _lines);
    public double? Fraction => Volatile.Read(ref _fraction);
    /// <summary>Physical lines of the file, counted apart from the parser (known once the lines have been read).</summary>
    public long PhysicalLines => _counter.Lines;

    private CsvEntrySource(string path, FileStream stream, LineCountingReader counter, CsvRecords records, char delimiter,
        IReadOnlyList<string> columns, long headerLines)
    {
        _path = path; _stream = stream; _counter = counter; _records = records; Delimiter = delimiter; Columns = columns;
        _headerLines = headerLines; _covered = headerLines;
    }

    public static CsvEntrySource Open(string path, char? delimiter = null)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            if (stream.Length == 0) throw new EntryFileException($"{path}: the file is empty; expected a header line naming the columns (code, origin, date, value, …)");
            var encoding = DetectEncoding(stream);
            stream.Position = 0;
            var sep = delimiter ?? Sniff(stream, encoding);
            stream.Position = 0;
            var counter = new LineCountingReader(new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true));
            var records = new CsvRecords(counter, sep);
            if (records.Next(0) is not { } head) throw new EntryFileException($"{path}: the file is empty; expected a header line naming the columns");
            if (head.Fault is not null) throw new EntryFileException($"{path}: line {head.FirstLine} (header): {head.Fault}");
            var names = head.Fields;
            if (names.Length == 1 && names[0].Length == 0) throw new EntryFileException($"{path}: line 1 (header) is blank; expected a header line naming the columns");
            if (names.Any(n => n.Contains('\uFFFD'))) throw new EntryFileException($"{path}: line 1 (header): bytes that are not valid UTF-8; save the file as UTF-8");
            return new CsvEntrySource(path, stream, counter, records, sep, EntryFiles.CleanHeader(names, path), head.LastLine);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// UTF-8 unless the file says otherwise: a byte order mark (the reader honours it), or, without one, the zero
    /// bytes of UTF-16 text (a header of ASCII letters has a zero in every other byte), which read as UTF-8 would
    /// turn every line into a reject and the last zero into a phantom line.
    /// </summary>
    internal static Encoding DetectEncoding(Stream stream)
    {
        Span<byte> head = stackalloc byte[256];
        int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) & ~1;
        if (n < 4) return new UTF8Encoding(false, false);
        int evenZeros = 0, oddZeros = 0;
        for (int i = 0; i < n; i += 2) { if (head[i] == 0) evenZeros++; if (head[i + 1] == 0) oddZeros++; }
        int pairs = n / 2;
        if (oddZeros * 10 >= pairs * 9 && evenZeros == 0) return new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
        if (evenZeros * 10 >= pairs * 9 && oddZeros == 0) return new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
        return new UTF8Encoding(false, false);
    }

    /// <summary>The delimiter that occurs most often outside quotes in the first line.</summary>
    internal static char Sniff(Stream stream, Encoding? encoding = null)
    {
        var buf = new byte[64 * 1024];
        int n = stream.ReadAtLeast(buf, buf.Length, throwOnEndOfStream: false);
        var text = (encoding ?? Encoding.UTF8).GetString(buf, 0, n);
        Span<int> counts = stackalloc int[Candidates.Length];
        bool quoted = false, fieldStart = true;
        foreach (var c in text)
        {
            // as in the reader, a quote opens a quoted part only at the start of a field (12" is an inch mark)
            bool start = fieldStart;
            fieldStart = !quoted && Array.IndexOf(Candidates, c) >= 0;
            if (c == '"' && (quoted || start)) quoted = !quoted;
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
        while (_records.Next(Columns.Count) is { } rec)
        {
            // the records must follow one another line by line; a gap is a line the parser lost
            if (rec.FirstLine != _covered + 1) _gaps.Add(Span(_covered + 1, rec.FirstLine - 1));
            _covered = rec.LastLine;
            var n = Interlocked.Increment(ref _lines);
            if ((n & 1023) == 0) Volatile.Write(ref _fraction, (double)_stream.Position / len);
            // lines are numbered as in the file, less the header, so a multi-line record keeps its own first line
            var number = rec.FirstLine - _headerLines;
            yield return rec.Fault is { } f
                ? new RawLine(number, Pad(rec.Fields, Columns.Count), new LineFault("(line)", f))
                : EntryFiles.Check(number, rec.Fields, Columns);
        }
        _done = true;
        Volatile.Write(ref _fraction, 1.0);
    }

    /// <summary>
    /// After the last line: the physical lines no record covered, as "lines 4–9, 12" (null when every line of the
    /// file belongs to exactly one record). The count of lines comes from <see cref="LineCountingReader"/>, not from
    /// the parser, so a parser that swallows lines cannot vouch for itself.
    /// </summary>
    public string? Uncovered
    {
        get
        {
            if (!_done) return null;
            var gaps = new List<string>(_gaps);
            var physical = _counter.Lines;
            if (physical > _covered) gaps.Add(Span(_covered + 1, physical));
            else if (physical < _covered) gaps.Add($"the records claim {_covered:N0} lines but the file has {physical:N0}");
            return gaps.Count == 0 ? null : string.Join(", ", gaps.Take(20)) + (gaps.Count > 20 ? $" and {gaps.Count - 20} more" : "");
        }
    }

    private static string Span(long a, long b) => a == b ? $"file line {a}" : $"file lines {a}–{b}";

    private static string[] Pad(string[] f, int n)
    {
        var r = new string[n];
        for (int i = 0; i < n; i++) r[i] = i < f.Length ? f[i] : "";
        return r;
    }

    public void Dispose()
    {
        _counter.Dispose();
        _stream.Dispose();
    }

    public override string ToString() => _path;
}
