using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;

namespace Tariffscope.Data.Hts;

/// <summary>
/// What the revisions of one schedule share when read from their binary copies (<see cref="RevisionCache"/>): one
/// instance of each string, list, footnote and parsed rate, and one <see cref="TariffLine"/> for a line that reads
/// the same (under the same parent) in several revisions. Forty revisions differ in a few hundred lines each, so
/// they then cost little more memory and time than one. Safe to use from several threads.
/// </summary>
/// <remarks>A shared line keeps the <see cref="TariffLine.SourceRow"/> of the first file it was read from.</remarks>
public sealed class RevisionPool
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stringsBySpan;
    private readonly Dictionary<ImmutableArray<string>, ImmutableArray<string>> _lists = new(ListContent.Instance);
    private readonly Dictionary<ImmutableArray<Footnote>, ImmutableArray<Footnote>> _noteLists = new(ListContent.Notes);
    private readonly Dictionary<Footnote, Footnote> _notes = [];
    private readonly Dictionary<ImmutableArray<string>, ImmutableArray<HtsCode>> _codes = new(ListContent.Instance);
    private readonly Dictionary<LineKey, TariffLine> _lines = new(SameParts.Instance);
    private readonly RateTexts _rates = new();
    private char[] _chars = new char[256];

    public RevisionPool() => _stringsBySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Everything that makes a line what it is, but its row in the file.</summary>
    internal readonly record struct LineKey(string Code, int Indent, string Description, ImmutableArray<string> GroupHeadings,
        ImmutableArray<string> Units, string General, string Special, string Other, ImmutableArray<Footnote> Footnotes,
        ImmutableArray<HtsCode> Chapter99Refs, string? QuotaQuantity, string? AdditionalDuties, TariffLine? Parent);

    internal string Text(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return "";
        lock (_lock)
        {
            if (_chars.Length < utf8.Length) _chars = new char[Math.Max(utf8.Length, _chars.Length * 2)];
            var n = Encoding.UTF8.GetChars(utf8, _chars);
            var span = _chars.AsSpan(0, n);
            if (_stringsBySpan.TryGetValue(span, out var known)) return known;
            var s = new string(span);
            _strings[s] = s;
            return s;
        }
    }

    internal ImmutableArray<string> List(List<string> items)
    {
        if (items.Count == 0) return [];
        var list = ImmutableArray.CreateRange(items);
        lock (_lock)
        {
            if (_lists.TryGetValue(list, out var known)) return known;
            _lists[list] = list;
            return list;
        }
    }

    internal Footnote Note(Footnote note)
    {
        lock (_lock)
        {
            if (_notes.TryGetValue(note, out var known)) return known;
            _notes[note] = note;
            return note;
        }
    }

    internal ImmutableArray<Footnote> Notes(List<Footnote> notes)
    {
        if (notes.Count == 0) return [];
        var list = ImmutableArray.CreateRange(notes);
        lock (_lock)
        {
            if (_noteLists.TryGetValue(list, out var known)) return known;
            _noteLists[list] = list;
            return list;
        }
    }

    internal ImmutableArray<HtsCode> Codes(ImmutableArray<string> digits)
    {
        if (digits.IsEmpty) return [];
        lock (_lock)
        {
            if (!_codes.TryGetValue(digits, out var codes)) _codes[digits] = codes = [.. digits.Select(HtsCode.Parse)];
            return codes;
        }
    }

    internal TariffLine Line(LineKey key, int sourceRow)
    {
        lock (_lock)
        {
            if (_lines.TryGetValue(key, out var known)) return known;
            var line = new TariffLine
            {
                Code = HtsCode.Parse(key.Code),
                Indent = key.Indent,
                Description = key.Description,
                GroupHeadings = key.GroupHeadings,
                Units = key.Units,
                GeneralText = key.General,
                SpecialText = key.Special,
                OtherText = key.Other,
                General = _rates.Duty(key.General),
                Special = _rates.Special(key.Special),
                Other = _rates.Duty(key.Other),
                Footnotes = key.Footnotes,
                Chapter99Refs = key.Chapter99Refs,
                QuotaQuantity = key.QuotaQuantity,
                AdditionalDuties = key.AdditionalDuties,
                Parent = key.Parent,
                SourceRow = sourceRow,
            };
            _lines[key] = line;
            return line;
        }
    }

    /// <summary>
    /// Line keys compared by the identity of their parts: every string, list and footnote of a key comes from this
    /// pool (one instance per content) and the parent is a line of it, so equal parts are the same object, and no
    /// description is hashed or compared character by character (that took most of the time of reading a revision).
    /// </summary>
    private sealed class SameParts : IEqualityComparer<LineKey>
    {
        public static readonly SameParts Instance = new();

        public bool Equals(LineKey x, LineKey y) =>
            ReferenceEquals(x.Code, y.Code) && x.Indent == y.Indent && ReferenceEquals(x.Description, y.Description)
            && x.GroupHeadings == y.GroupHeadings && x.Units == y.Units && ReferenceEquals(x.General, y.General)
            && ReferenceEquals(x.Special, y.Special) && ReferenceEquals(x.Other, y.Other) && x.Footnotes == y.Footnotes
            && x.Chapter99Refs == y.Chapter99Refs && ReferenceEquals(x.QuotaQuantity, y.QuotaQuantity)
            && ReferenceEquals(x.AdditionalDuties, y.AdditionalDuties) && ReferenceEquals(x.Parent, y.Parent);

        public int GetHashCode(LineKey k)
        {
            var h = new HashCode();
            h.Add(RuntimeHelpers.GetHashCode(k.Code));
            h.Add(k.Indent);
            h.Add(RuntimeHelpers.GetHashCode(k.Description));
            h.Add(RuntimeHelpers.GetHashCode(k.General));
            h.Add(k.Parent is null ? 0 : RuntimeHelpers.GetHashCode(k.Parent));
            return h.ToHashCode();
        }
    }

    /// <summary>Lists compared by their items (an <see cref="ImmutableArray{T}"/> compares by reference).</summary>
    private sealed class ListContent : IEqualityComparer<ImmutableArray<string>>, IEqualityComparer<ImmutableArray<Footnote>>
    {
        public static readonly ListContent Instance = new();
        public static readonly ListContent Notes = Instance;

        public bool Equals(ImmutableArray<string> x, ImmutableArray<string> y) => x.AsSpan().SequenceEqual(y.AsSpan());
        public int GetHashCode(ImmutableArray<string> list) => Hash(list);
        public bool Equals(ImmutableArray<Footnote> x, ImmutableArray<Footnote> y) => x.AsSpan().SequenceEqual(y.AsSpan());
        public int GetHashCode(ImmutableArray<Footnote> list) => Hash(list);

        private static int Hash<T>(ImmutableArray<T> list)
        {
            var h = new HashCode();
            foreach (var item in list) h.Add(item);
            return h.ToHashCode();
        }
    }
}
