using System.Collections.Frozen;
using System.Collections.Immutable;
using Tariffscope.Duties;

namespace Tariffscope.Nomenclature;

/// <summary>
/// The rates in force for one code in one revision: the line's own rates, or those of the nearest ancestor that
/// prints them (statistical suffixes inherit their 8-digit line's rates).
/// </summary>
public sealed record ResolvedLine(
    TariffLine Line,
    ScheduleRevision Revision,
    DutyExpression? General,
    ImmutableArray<SpecialRate> Special,
    DutyExpression? Other,
    ImmutableArray<string> Units,
    ImmutableArray<HtsCode> Chapter99Refs,
    TariffLine RateLine)
{
    /// <summary>Where the base rate comes from: this revision, at the line that prints it (made once per line).</summary>
    public Provenance BaseSource => _baseSource ??= new Provenance(Revision.Name, Heading: RateLine.Code.ToString(), Note: Revision.Source);
    private Provenance? _baseSource;

    /// <summary>"General (MFN) rate (rev_19)": the base layer's title for a column of this line.</summary>
    public string BaseTitle(string column) =>
        column == GeneralColumn ? _generalTitle ??= $"{column} rate ({Revision.Name})" : $"{column} rate ({Revision.Name})";
    private string? _generalTitle;

    /// <summary>The column most quotes are charged at.</summary>
    public const string GeneralColumn = "General (MFN)";

    /// <summary>Descriptions from the chapter heading down to the line, as a reader would follow them.</summary>
    public IReadOnlyList<string> DescriptionPath =>
        Line.Ancestors().Reverse().Append(Line).SelectMany(l => l.GroupHeadings.Append(l.Description)).ToList();
}

/// <summary>One edition of a schedule (e.g. "2025 Revision 17"), with the date from which it is in force.</summary>
/// <remarks>
/// A revision can be built from its lines or from a loader that reads them on first use: a schedule of forty
/// revisions then costs only the ones a query touches (<see cref="IsLoaded"/> tells which).
/// </remarks>
public sealed class ScheduleRevision
{
    private readonly Lazy<Loaded> _loaded;

    private sealed record Loaded(IReadOnlyList<TariffLine> Lines, FrozenDictionary<string, TariffLine> ByCode);

    public string Name { get; }
    public DateOnly EffectiveDate { get; }
    /// <summary>Who publishes this schedule and where it was read from (file name or "built-in sample").</summary>
    public string Source { get; }
    /// <summary>The importer whose schedule this is ("US", "CN").</summary>
    public string Importer { get; }
    /// <summary>The rows that carry a code, in the order of the source; reading it loads a lazy revision.</summary>
    public IReadOnlyList<TariffLine> Lines => _loaded.Value.Lines;
    /// <summary>False for a lazy revision whose lines have not been read yet.</summary>
    public bool IsLoaded => _loaded.IsValueCreated;

    public ScheduleRevision(string name, DateOnly effectiveDate, string source, IReadOnlyList<TariffLine> lines, string importer = "US")
        : this(name, effectiveDate, source, () => lines, importer)
    {
        _ = _loaded.Value; // lines given: index them now, as before
    }

    /// <summary>A revision whose lines are read by <paramref name="loadLines"/> the first time they are needed.
    /// The loader runs once; its exception (e.g. a malformed file) surfaces at that first use.</summary>
    public ScheduleRevision(string name, DateOnly effectiveDate, string source, Func<IReadOnlyList<TariffLine>> loadLines, string importer = "US")
    {
        Name = name;
        EffectiveDate = effectiveDate;
        Source = source;
        Importer = importer;
        _loaded = new Lazy<Loaded>(() => Index(loadLines()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private static Loaded Index(IReadOnlyList<TariffLine> lines)
    {
        var map = new Dictionary<string, TariffLine>(lines.Count);
        foreach (var l in lines) map.TryAdd(l.Code.Digits, l); // first occurrence wins; duplicates are reported by the reader
        return new Loaded(lines, map.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public TariffLine? Find(HtsCode code) => _loaded.Value.ByCode.GetValueOrDefault(code.Digits);

    /// <summary>The lines whose code starts with <paramref name="prefix"/>, in schedule order (a binary search in
    /// the codes sorted once, not a scan: a batch explains thousands of retired codes).</summary>
    public IEnumerable<TariffLine> StartingWith(HtsCode prefix)
    {
        var sorted = _sorted ??= Enumerable.Range(0, Lines.Count).OrderBy(i => Lines[i].Code.Digits, StringComparer.Ordinal).ToArray();
        var p = prefix.Digits;
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(Lines[sorted[mid]].Code.Digits, p) < 0) lo = mid + 1; else hi = mid;
        }
        var found = new List<int>();
        for (int k = lo; k < sorted.Length && Lines[sorted[k]].Code.Digits.StartsWith(p, StringComparison.Ordinal); k++) found.Add(sorted[k]);
        found.Sort();
        return found.Select(i => Lines[i]);
    }

    private int[]? _sorted;

    /// <summary>The line and the rates in force for it; null when the code is not in this revision.</summary>
    public ResolvedLine? Resolve(HtsCode code)
    {
        // Resolved once per code: every quote on the line needs the same inherited rates and footnotes.
        if (_resolved.TryGetValue(code.Digits, out var done)) return done;
        var r = ResolveCore(code);
        if (r is not null) _resolved.TryAdd(code.Digits, r);
        return r;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ResolvedLine> _resolved = new(StringComparer.Ordinal);

    /// <summary>"rev_17 (USITC HTS export …)": how quotes name the revision that answered.</summary>
    public string Label => _label ??= $"{Name} ({Source})";
    private string? _label;

    private ResolvedLine? ResolveCore(HtsCode code)
    {
        var line = Find(code);
        if (line is null) return null;
        // one walk up the chain (every code of a file is resolved once per revision it is quoted in)
        TariffLine? rateLine = null;
        var units = line.Units;
        var refs = ImmutableArray<HtsCode>.Empty;
        List<HtsCode>? merged = null;
        for (var l = line; l is not null; l = l.Parent)
        {
            if (rateLine is null && l.General is not null) rateLine = l;
            if (units.IsEmpty) units = l.Units;
            if (l.Chapter99Refs.IsEmpty) continue;
            if (refs.IsEmpty && merged is null) { refs = l.Chapter99Refs; continue; }
            merged ??= [.. refs];
            foreach (var r in l.Chapter99Refs) if (!merged.Contains(r)) merged.Add(r);
        }
        rateLine ??= line;
        if (merged is not null) refs = [.. merged];
        return new ResolvedLine(line, this, rateLine.General, rateLine.Special, rateLine.Other, units, refs, rateLine);
    }

    /// <summary>Lines at 10 digits (the statistical reporting level), or 8 where a line has no suffixes.</summary>
    public IEnumerable<TariffLine> LeafLines()
    {
        for (int i = 0; i < Lines.Count; i++)
        {
            var l = Lines[i];
            if (l.Code.Length < 8 || l.Code.Digits.StartsWith("99", StringComparison.Ordinal) && l.Code.Length < 8) continue;
            var next = i + 1 < Lines.Count ? Lines[i + 1] : null;
            if (next is not null && next.Code.Length > l.Code.Length && next.Code.StartsWith(l.Code)) continue;
            yield return l;
        }
    }

    public override string ToString() => $"{Name} (in force from {EffectiveDate:yyyy-MM-dd}; {Source})";
}
