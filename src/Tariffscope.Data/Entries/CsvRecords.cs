using System.Runtime.CompilerServices;
using System.Text;

namespace Tariffscope.Data.Entries;

/// <summary>
/// Counts the physical lines of a text as it streams through (CR, LF and CRLF each end one; a last line without a
/// terminator counts too). It sees the characters before the CSV parser does and knows nothing of quotes, so it is
/// the parser-independent count the batch's accounting checks the records against.
/// </summary>
internal sealed class LineCountingReader(TextReader inner) : TextReader
{
    private long _terminators;
    private bool _afterCr;
    private bool _open; // characters seen since the last terminator

    public long Lines => _terminators + (_open ? 1 : 0);

    public override int Read(Span<char> buffer)
    {
        int n = inner.Read(buffer);
        foreach (var c in buffer[..n])
        {
            if (c == '\r') { _terminators++; _open = false; _afterCr = true; continue; }
            if (c == '\n') { if (!_afterCr) _terminators++; _open = false; }
            else _open = true;
            _afterCr = false;
        }
        return n;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));
    public override int Peek() => inner.Peek();
    public override int Read() { Span<char> one = stackalloc char[1]; return Read(one) == 0 ? -1 : one[0]; }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>One record of a delimited file: its fields, the physical lines it spans, or why it could not be read.</summary>
internal readonly record struct CsvRecord(string[] Fields, long FirstLine, long LastLine, string? Fault = null);

/// <summary>
/// Splits delimited text into records the way spreadsheet programs and Python's csv module read it: a quote opens a
/// quoted field only at the start of a field (elsewhere it is a literal character, e.g. an inch mark, 12" pipe);
/// <c>""</c> inside a quoted field is one quote. A quoted field may run past a line end only when it closes properly
/// (its closing quote followed by the delimiter or the line end) and the record then has the expected number of
/// fields; otherwise the line it opened on is returned alone with a fault and reading resumes on the next line, so
/// one stray quote costs one line, never the lines after it. Lines and records are bounded in length.
/// </summary>
internal sealed class CsvRecords
{
    /// <summary>Longest physical line kept (characters); a longer one is skipped and reported.</summary>
    public const int MaxLineChars = 1 << 20;
    /// <summary>Most physical lines one quoted field may span.</summary>
    public const int MaxRecordLines = 200;

    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly char[] _buf = new char[1 << 16];
    private int _pos, _len;
    private bool _eof;
    private readonly StringBuilder _line = new();
    private readonly List<string> _fields = [];
    private readonly StringBuilder _field = new();
    // physical lines read ahead while a quoted field looked for its end; handed out again if it did not find one
    private readonly List<(string? Text, long Number)> _ahead = [];
    private long _physical;

    public CsvRecords(TextReader reader, char delimiter)
    {
        _reader = reader; _delimiter = delimiter;
    }

    /// <summary>The next record, or null at the end. <paramref name="width"/> is the header's field count (0 for the header itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CsvRecord? Next(int width)
    {
        if (!Fetch(0)) return null;
        var (first, number) = _ahead[0];
        if (first is null)
        {
            _ahead.RemoveAt(0);
            return new CsvRecord([""], number, number, $"line longer than {MaxLineChars:N0} characters; not read");
        }
        // one list and one builder for every record: the reader is a single thread
        var fields = _fields;
        fields.Clear();
        var field = _field;
        string line = first;
        int k = 0, i = 0; // k: index in _ahead of the current line
        string? fault = null;
        while (true)
        {
            // at the start of a field
            if (i < line.Length && line[i] == '"')
            {
                i++;
                field.Clear();
                while (true)
                {
                    int q = line.IndexOf('"', i);
                    if (q < 0)
                    {
                        // the quoted field runs past the line end
                        field.Append(line, i, line.Length - i);
                        if (k + 1 >= MaxRecordLines || !Fetch(k + 1) || _ahead[k + 1].Text is null || field.Length > MaxLineChars)
                        {
                            fault = $"a quoted field (field {fields.Count + 1}) opens on this line and is not closed " +
                                    "(a quote inside a quoted field must be doubled)";
                            break;
                        }
                        field.Append('\n');
                        line = _ahead[++k].Text!;
                        i = 0;
                        continue;
                    }
                    field.Append(line, i, q - i);
                    if (q + 1 < line.Length && line[q + 1] == '"') { field.Append('"'); i = q + 2; continue; }
                    i = q + 1;
                    if (i < line.Length && line[i] != _delimiter)
                    {
                        if (k > 0)
                        {
                            fault = $"a quoted field (field {fields.Count + 1}) opens on this line and does not close properly " +
                                    $"(its closing quote on file line {_ahead[k].Number} is followed by text, not the delimiter)";
                            break;
                        }
                        // on one line, text after the closing quote is kept as it stands, as spreadsheets do
                        int end = line.IndexOf(_delimiter, i);
                        if (end < 0) end = line.Length;
                        field.Append(line, i, end - i);
                        i = end;
                    }
                    break;
                }
                if (fault is not null) break;
                fields.Add(field.ToString());
            }
            else
            {
                int end = line.IndexOf(_delimiter, i);
                if (end < 0) end = line.Length;
                fields.Add(line.Substring(i, end - i));
                i = end;
            }
            if (i >= line.Length) break;
            i++; // the delimiter: another field follows, empty if the line ends here
            if (i == line.Length) { fields.Add(""); break; }
        }

        if (fault is null && k > 0 && width > 0 && !Fits(fields, width))
            fault = $"a quoted field opens on this line and runs to file line {_ahead[k].Number}, where the record has {fields.Count} fields " +
                    $"instead of {width} (a stray quote?)";
        if (fault is not null)
        {
            // give back the lines read ahead: they are read again as records of their own
            _ahead.RemoveAt(0);
            return new CsvRecord(first.Split(_delimiter), number, number, fault);
        }
        var last = _ahead[k].Number;
        _ahead.RemoveRange(0, k + 1);
        return new CsvRecord([.. fields], number, last);
    }

    private static bool Fits(List<string> fields, int width)
    {
        if (fields.Count < width) return false;
        for (int j = width; j < fields.Count; j++) if (fields[j].Length > 0) return false;
        return true;
    }

    /// <summary>Makes sure _ahead holds at least k + 1 lines; false at the end of the text.</summary>
    private bool Fetch(int k)
    {
        while (_ahead.Count <= k)
        {
            if (!ReadLine(out var text)) return false;
            _ahead.Add((text, ++_physical));
        }
        return true;
    }

    /// <summary>One physical line without its terminator (null when it was too long to keep); false at the end.</summary>
    private bool ReadLine(out string? text)
    {
        _line.Clear();
        bool any = false, tooLong = false;
        while (true)
        {
            if (_pos == _len && !Fill())
            {
                text = tooLong ? null : _line.ToString();
                return any;
            }
            any = true;
            var span = _buf.AsSpan(_pos, _len - _pos);
            int t = span.IndexOfAny('\r', '\n');
            int take = t < 0 ? span.Length : t;
            if (!tooLong)
            {
                if (_line.Length + take > MaxLineChars) { tooLong = true; _line.Clear(); }
                else _line.Append(span[..take]);
            }
            if (t < 0) { _pos = _len; continue; }
            bool cr = span[t] == '\r';
            _pos += t + 1;
            if (cr && (_pos < _len || Fill()) && _buf[_pos] == '\n') _pos++;
            text = tooLong ? null : _line.ToString();
            return true;
        }
    }

    private bool Fill()
    {
        if (_eof) return false;
        _len = _reader.Read(_buf, 0, _buf.Length);
        _pos = 0;
        if (_len == 0) _eof = true;
        return _len > 0;
    }
}
