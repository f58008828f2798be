using System.Buffers.Binary;
using System.Text;

namespace Tariffscope.Data.Record;

/// <summary>Writes the record's numbers as 7-bit varints and its strings once each (ids into a table).</summary>
internal sealed class RecordWriter
{
    private readonly MemoryStream _body = new();
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];

    /// <summary>The id of <paramref name="s"/> in the string table (null is -1, written as 0).</summary>
    public int Id(string? s)
    {
        if (s is null) return -1;
        if (!_ids.TryGetValue(s, out var id)) { _ids[s] = id = _strings.Count; _strings.Add(s); }
        return id;
    }

    public void Int(int v)
    {
        if (v < 0) throw new ArgumentOutOfRangeException(nameof(v), "the record writes non-negative numbers only");
        uint u = (uint)v;
        while (u >= 0x80) { _body.WriteByte((byte)(u | 0x80)); u >>= 7; }
        _body.WriteByte((byte)u);
    }

    /// <summary>A string as its id (+1, so that null is 0).</summary>
    public void Str(string? s) => Int(Id(s) + 1);
    public void Date(DateOnly d) => Int(d.DayNumber);
    public void OptionalDate(DateOnly? d) => Int(d is { } x ? x.DayNumber + 1 : 0);
    public void Bool(bool b) => Int(b ? 1 : 0);

    public void Double(double d)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(b, d);
        _body.Write(b);
    }

    /// <summary>The string table followed by the body: the payload, before compression.</summary>
    public byte[] Payload()
    {
        var head = new RecordWriter();
        head.Int(_strings.Count);
        foreach (var s in _strings)
        {
            var bytes = Encoding.UTF8.GetBytes(s);
            head.Int(bytes.Length);
            head._body.Write(bytes);
        }
        var result = new byte[head._body.Length + _body.Length];
        head._body.ToArray().CopyTo(result, 0);
        _body.ToArray().CopyTo(result, (int)head._body.Length);
        return result;
    }
}

/// <summary>Reads what <see cref="RecordWriter"/> wrote.</summary>
internal sealed class RecordReader
{
    private readonly byte[] _bytes;
    private int _at;
    private readonly string[] _strings;

    public RecordReader(byte[] payload)
    {
        _bytes = payload;
        _strings = new string[Int()];
        for (int i = 0; i < _strings.Length; i++)
        {
            var n = Int();
            _strings[i] = Encoding.UTF8.GetString(_bytes, _at, n);
            _at += n;
        }
    }

    public int Int()
    {
        uint value = 0;
        int shift = 0;
        while (true)
        {
            if (shift > 28) throw new InvalidDataException("the built-in record holds a number that is too long: the file is damaged");
            var b = _bytes[_at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return (int)value;
            shift += 7;
        }
    }

    public string? Str() => Int() is var id and > 0 ? _strings[id - 1] : null;
    public string ReqStr() => Str() ?? throw new InvalidDataException("the built-in record lacks a required text: the file is damaged");
    /// <summary>A string by the id <see cref="RecordWriter.Id"/> gave it (-1 for none).</summary>
    public string? StrById(int id) => id < 0 ? null : _strings[id];
    public DateOnly Date() => DateOnly.FromDayNumber(Int());
    public DateOnly? OptionalDate() => Int() is var n and > 0 ? DateOnly.FromDayNumber(n - 1) : null;
    public bool Bool() => Int() != 0;

    public double Double()
    {
        var d = BinaryPrimitives.ReadDoubleLittleEndian(_bytes.AsSpan(_at, 8));
        _at += 8;
        return d;
    }

    public bool AtEnd => _at >= _bytes.Length;
}
