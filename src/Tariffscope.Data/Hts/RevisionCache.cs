using System.Collections.Immutable;
using System.Text;
using Tariffscope.Nomenclature;

namespace Tariffscope.Data.Hts;

/// <summary>
/// A compact binary copy of an imported export's lines, kept beside it in the data directory
/// (<c>hts/cache/&lt;revision&gt;.lines</c>), so a command that touches forty revisions reads forty small tables
/// instead of decompressing and parsing forty 14 MB JSON files (about ten times less processor time).
/// </summary>
/// <remarks>
/// The copy names the export it was made from (byte length and last write time) and the format it is written in;
/// a copy that does not match is ignored and rewritten, so a re-import or a newer reader can never be answered from
/// a stale copy. Writing is best effort: a read-only data directory simply reads the JSON every time.
/// Strings, string lists, footnotes and code lists are stored once each and shared between the lines (and, through
/// <see cref="RevisionPool"/>, between revisions), as the JSON reader shares them.
/// </remarks>
public static class RevisionCache
{
    /// <summary>Bump whenever <see cref="HtsJsonReader"/> or this format changes what a line holds.</summary>
    public const int FormatVersion = 2;
    private const string Magic = "tariffscope-hts-lines";

    /// <summary>Lines of <paramref name="exportPath"/>: from the copy when it matches the export, else from the JSON
    /// (and the copy is written for next time).</summary>
    public static IReadOnlyList<TariffLine> Read(string exportPath, string cachePath, RevisionPool? pool = null)
    {
        var export = new FileInfo(exportPath);
        if (TryRead(cachePath, export, pool) is { } lines) return lines;
        var file = HtsJsonReader.Read(exportPath);
        TryWrite(cachePath, export, file.Lines);
        return file.Lines;
    }

    /// <summary>Writes the copy of <paramref name="export"/>'s lines; false (and nothing left behind) when the
    /// directory cannot be written.</summary>
    public static bool TryWrite(string cachePath, FileInfo export, IReadOnlyList<TariffLine> lines)
    {
        var temp = cachePath + $".{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(cachePath)!);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var w = new BinaryWriter(stream))
                Write(w, Stamp(export), lines);
            File.Move(temp, cachePath, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (Exception) { /* nothing more to do */ }
            return false;
        }
    }

    /// <summary>The copy's lines, or null when there is no copy or it was made from another export or format.</summary>
    public static IReadOnlyList<TariffLine>? TryRead(string cachePath, FileInfo export, RevisionPool? pool = null)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(cachePath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        try
        {
            var r = new Cursor(bytes);
            if (!r.Utf8().SequenceEqual(Encoding.UTF8.GetBytes(Magic)) || r.ReadInt32() != FormatVersion
                || !r.Utf8().SequenceEqual(Encoding.UTF8.GetBytes(Stamp(export)))) return null;
            return ReadLines(ref r, pool ?? new RevisionPool());
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentException)
        {
            return null; // a damaged copy is as good as none: the JSON is read instead
        }
    }

    /// <summary>Whether the copy at <paramref name="cachePath"/> was made from <paramref name="export"/> in this
    /// format (reads only its header; a damaged body is still found out on reading).</summary>
    public static bool IsCurrent(string cachePath, FileInfo export)
    {
        try
        {
            using var r = new BinaryReader(File.OpenRead(cachePath));
            return r.ReadString() == Magic && r.ReadInt32() == FormatVersion && r.ReadString() == Stamp(export);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException)
        {
            return false;
        }
    }

    private static string Stamp(FileInfo export) =>
        $"{export.Name}:{export.Length}:{export.LastWriteTimeUtc.Ticks}";

    // ---- writing -----------------------------------------------------------------------------------------------

    private static void Write(BinaryWriter w, string stamp, IReadOnlyList<TariffLine> lines)
    {
        var strings = new Table<string>(StringComparer.Ordinal);
        var lists = new Table<string>(StringComparer.Ordinal); // string lists, keyed by their joined ids
        var listIds = new List<int[]>();
        var notes = new Table<Footnote>(EqualityComparer<Footnote>.Default);
        var noteRows = new List<(int Text, int Columns, int Type, int Marker)>();
        var index = new Dictionary<TariffLine, int>(lines.Count, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < lines.Count; i++) index[lines[i]] = i;

        int S(string? s) => s is null ? -1 : strings.Id(s, out _);
        int L(IEnumerable<string> items)
        {
            var ids = items.Select(S).ToArray();
            var id = lists.Id(string.Join(',', ids), out var added);
            if (added) listIds.Add(ids);
            return id;
        }
        int N(Footnote f)
        {
            var id = notes.Id(f, out var added);
            if (added) noteRows.Add((S(f.Text), L(f.Columns), S(f.Type), S(f.Marker)));
            return id;
        }

        var rows = new int[lines.Count][];
        for (int i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var fixedPart = new[]
            {
                S(l.Code.Digits), l.Indent, S(l.Description), L(l.GroupHeadings), L(l.Units),
                S(l.GeneralText), S(l.SpecialText), S(l.OtherText), L(l.Chapter99Refs.Select(c => c.Digits)),
                S(l.QuotaQuantity), S(l.AdditionalDuties), l.Parent is { } p ? index[p] : -1, l.SourceRow, l.Footnotes.Length,
            };
            rows[i] = [.. fixedPart, .. l.Footnotes.Select(N)];
        }

        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(stamp);
        w.Write7BitEncodedInt(strings.Count);
        foreach (var s in strings.Items) w.Write(s);
        w.Write7BitEncodedInt(listIds.Count);
        foreach (var ids in listIds) WriteInts(w, ids);
        w.Write7BitEncodedInt(noteRows.Count);
        foreach (var (text, columns, type, marker) in noteRows) WriteInts(w, [text, columns, type, marker], counted: false);
        w.Write7BitEncodedInt(rows.Length);
        foreach (var row in rows) WriteInts(w, row, counted: false);
    }

    // ids are written +1 so that -1 ("none") stays a small non-negative number
    private static void WriteInts(BinaryWriter w, int[] values, bool counted = true)
    {
        if (counted) w.Write7BitEncodedInt(values.Length);
        foreach (var v in values) w.Write7BitEncodedInt(v + 1);
    }

    private sealed class Table<T>(IEqualityComparer<T> comparer) where T : notnull
    {
        private readonly Dictionary<T, int> _ids = new(comparer);
        public List<T> Items { get; } = [];
        public int Count => Items.Count;

        public int Id(T item, out bool added)
        {
            added = !_ids.TryGetValue(item, out var id);
            if (added) { _ids[item] = id = Items.Count; Items.Add(item); }
            return id;
        }
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    private static IReadOnlyList<TariffLine> ReadLines(ref Cursor r, RevisionPool pool)
    {
        var strings = new string[r.Int()];
        for (int i = 0; i < strings.Length; i++) strings[i] = pool.Text(r.Utf8());
        string? S(int id) => id < 0 ? null : strings[id];

        var lists = new ImmutableArray<string>[r.Int()];
        var buffer = new List<string>();
        for (int i = 0; i < lists.Length; i++)
        {
            buffer.Clear();
            for (int n = r.Int(), k = 0; k < n; k++) buffer.Add(strings[r.Id()]);
            lists[i] = pool.List(buffer);
        }

        var notes = new Footnote[r.Int()];
        for (int i = 0; i < notes.Length; i++)
        {
            int text = r.Id(), columns = r.Id(), type = r.Id(), marker = r.Id();
            notes[i] = pool.Note(new Footnote(strings[text], lists[columns], strings[type]) { Marker = S(marker) });
        }

        var lines = new TariffLine[r.Int()];
        var lineNotes = new List<Footnote>();
        for (int i = 0; i < lines.Length; i++)
        {
            int code = r.Id(), indent = r.Id(), description = r.Id(), headings = r.Id(), units = r.Id();
            int general = r.Id(), special = r.Id(), other = r.Id(), refs = r.Id(), quota = r.Id(), additional = r.Id();
            int parent = r.Id(), sourceRow = r.Id(), noteCount = r.Id();
            lineNotes.Clear();
            for (int k = 0; k < noteCount; k++) lineNotes.Add(notes[r.Id()]);
            if (parent >= i) throw new FormatException($"line {i} names a parent that follows it");
            var key = new RevisionPool.LineKey(strings[code], indent, strings[description], lists[headings], lists[units],
                strings[general], strings[special], strings[other], pool.Notes(lineNotes), pool.Codes(lists[refs]),
                S(quota), S(additional), parent >= 0 ? lines[parent] : null);
            lines[i] = pool.Line(key, sourceRow);
        }
        return lines;
    }

    /// <summary>Reads the copy's numbers and UTF-8 strings straight from its bytes.</summary>
    private ref struct Cursor(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public int Int()
        {
            int value = 0, shift = 0;
            while (true)
            {
                if (shift > 28) throw new FormatException("a number in the copy is too long");
                var b = _bytes[_at++];
                value |= (b & 0x7F) << shift;
                if (b < 0x80) return value;
                shift += 7;
            }
        }

        /// <summary>An id as written (+1), so that -1 is "none".</summary>
        public int Id() => Int() - 1;

        public ReadOnlySpan<byte> Utf8()
        {
            var n = Int();
            var s = _bytes.Slice(_at, n);
            _at += n;
            return s;
        }

        public int ReadInt32()
        {
            var v = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(_bytes.Slice(_at, 4));
            _at += 4;
            return v;
        }
    }
}
