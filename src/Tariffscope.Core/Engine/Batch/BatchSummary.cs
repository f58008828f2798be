using System.Runtime.CompilerServices;
namespace Tariffscope.Engine.Batch;

/// <summary>Value and duty per scenario of a group of lines (an HS chapter, an origin).</summary>
public sealed class Bucket(int scenarios)
{
    public long Lines { get; internal set; }
    public decimal Value { get; internal set; }
    public decimal[] Duty { get; } = new decimal[scenarios];

    /// <summary>Duty under the last scenario minus duty under the first.</summary>
    public decimal Difference => Duty[^1] - Duty[0];

    internal void Add(Bucket o)
    {
        Lines += o.Lines; Value += o.Value;
        for (int i = 0; i < Duty.Length; i++) Duty[i] += o.Duty[i];
    }
}

/// <summary>One of the lines with the largest duty (or the largest difference between scenarios).</summary>
public sealed record TopLine(long Line, string Code, string Origin, DateOnly Date, decimal Value, decimal[] Duty)
{
    public decimal Difference => Duty[^1] - Duty[0];
}

/// <summary>How many lines were rejected for one field (under one scenario), with the first example.</summary>
public sealed record RejectCount(string Field, string? Scenario, long Count, long FirstLine, string Example);

/// <summary>
/// The account of a batch: lines in, rated and rejected; totals per scenario and per measure family; value and
/// duty by HS chapter and by origin; the largest lines. Built per chunk by the workers and merged in input order,
/// so its size depends on the number of chapters, origins and families, never on the file's length.
/// </summary>
public sealed class BatchSummary
{
    private readonly Dictionary<(string Field, string? Scenario), RejectCount> _rejects = new();
    private readonly int _top;

    public IReadOnlyList<string> Scenarios { get; }
    public IReadOnlyList<IReadOnlyList<string>> Families { get; }
    public IReadOnlyList<IReadOnlyList<string>> FamilyTitles { get; }
    public long InputLines { get; private set; }
    public long Rated { get; private set; }
    public long Rejected { get; private set; }
    /// <summary>Rated lines whose base rate needed a quantity they lack: counted with the ad valorem layers in full and
    /// the base in the parts that could be computed (their duty is a lower bound), not as zero.</summary>
    public long PartlyRated { get; private set; }
    public decimal PartlyRatedValue { get; private set; }
    public decimal Value { get; private set; }
    public decimal[] Duty { get; }
    public decimal[][] FamilyDuty { get; }
    public Dictionary<string, Bucket> ByChapter { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Bucket> ByOrigin { get; } = new(StringComparer.Ordinal);
    public List<TopLine> Top { get; } = [];

    public BatchSummary(BatchLayout layout, int topLines = 10)
    {
        Scenarios = layout.Scenarios.Select(s => s.Scenario).ToArray();
        Families = layout.Scenarios.Select(s => s.Families).ToArray();
        FamilyTitles = layout.Scenarios.Select(s => s.FamilyTitles).ToArray();
        Duty = new decimal[Scenarios.Count];
        FamilyDuty = layout.Scenarios.Select(s => new decimal[s.FamilyCount]).ToArray();
        _top = topLines;
    }

    /// <summary>True when every input line is either rated or rejected.</summary>
    public bool IsBalanced => InputLines == Rated + Rejected;

    public IEnumerable<RejectCount> RejectCounts => _rejects.Values.OrderByDescending(r => r.Count).ThenBy(r => r.FirstLine);

    /// <summary>The duty under the last scenario minus the first, by measure family (ids matched across scenarios).</summary>
    public IReadOnlyList<(string Family, string Title, decimal First, decimal Last)> FamilyDifferences()
    {
        int last = Scenarios.Count - 1;
        var ids = Families[0].Union(Families[last]).ToList();
        return ids.Select(id =>
        {
            int a = IndexOf(Families[0], id), b = IndexOf(Families[last], id);
            var title = a >= 0 ? FamilyTitles[0][a] : FamilyTitles[last][b];
            return (id, title, a >= 0 ? FamilyDuty[0][a] : 0m, b >= 0 ? FamilyDuty[last][b] : 0m);
        }).ToList();
    }

    private static int IndexOf(IReadOnlyList<string> list, string id)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == id) return i;
        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static BatchSummary Of(RatedChunk chunk, BatchLayout layout, int top)
    {
        var s = new BatchSummary(layout, top);
        int n = s.Scenarios.Count;
        Span<decimal> duty = n <= 16 ? stackalloc decimal[n] : new decimal[n];
        // the chunk's sums in cents, turned into amounts once at the end
        var totals = new long[n];
        var families = s.FamilyDuty.Select(f => new long[f.Length]).ToArray();
        var chapters = new Dictionary<string, Sums>(StringComparer.Ordinal);
        var origins = new Dictionary<string, Sums>(StringComparer.Ordinal);
        for (int i = 0; i < chunk.Count; i++)
        {
            s.InputLines++;
            if (chunk.Faults[i] is { } f)
            {
                s.Rejected++;
                s.AddReject(new RejectCount(f.Field, f.Scenario, 1, chunk.Lines[i].Number, f.Reason));
                continue;
            }
            s.Rated++;
            var e = chunk.Entries[i]!;
            s.Value += e.CustomsValue;
            if (chunk.PartlyRated[i]) { s.PartlyRated++; s.PartlyRatedValue += e.CustomsValue; }
            for (int k = 0; k < n; k++)
            {
                var cents = chunk.TotalCents(i, k);
                totals[k] += cents;
                duty[k] = Money.FromCents(cents);
                var fd = families[k];
                for (int f2 = 0; f2 < fd.Length; f2++) fd[f2] += chunk.FamilyCents(i, k, f2);
            }
            AddTo(chapters, Chapter(e.Code.Digits), e.CustomsValue, chunk, i, n);
            AddTo(origins, e.Origin, e.CustomsValue, chunk, i, n);
            // a line enters the top list only when it outranks the last kept: most lines allocate nothing here
            if (s.Qualifies(chunk.Lines[i].Number, n > 1 ? Math.Abs(duty[n - 1] - duty[0]) : duty[0]))
                s.OfferTop(new TopLine(chunk.Lines[i].Number, e.Code.ToString(), e.Origin, e.Date, e.CustomsValue, duty.ToArray()));
        }
        foreach (var (key, sums) in chapters) s.ByChapter[key] = sums.ToBucket();
        foreach (var (key, sums) in origins) s.ByOrigin[key] = sums.ToBucket();
        for (int k = 0; k < n; k++)
        {
            s.Duty[k] = Money.FromCents(totals[k]);
            for (int f2 = 0; f2 < families[k].Length; f2++) s.FamilyDuty[k][f2] = Money.FromCents(families[k][f2]);
        }
        return s;
    }

    private static readonly string[] Chapters = [.. Enumerable.Range(0, 100).Select(c => c.ToString("00"))];

    /// <summary>The two-digit chapter of a code's digits, without a new string per line.</summary>
    private static string Chapter(string digits) =>
        digits.Length >= 2 && char.IsAsciiDigit(digits[0]) && char.IsAsciiDigit(digits[1]) ? Chapters[(digits[0] - '0') * 10 + digits[1] - '0'] : digits[..2];

    /// <summary>A group's sums within one chunk, duty in cents (made a <see cref="Bucket"/> once, at the chunk's end).</summary>
    private sealed class Sums(int scenarios)
    {
        public long Lines;
        public decimal Value;
        public readonly long[] Cents = new long[scenarios];

        public Bucket ToBucket()
        {
            var b = new Bucket(Cents.Length) { Lines = Lines, Value = Value };
            for (int k = 0; k < Cents.Length; k++) b.Duty[k] = Money.FromCents(Cents[k]);
            return b;
        }
    }

    private static void AddTo(Dictionary<string, Sums> d, string key, decimal value, RatedChunk chunk, int line, int scenarios)
    {
        if (!d.TryGetValue(key, out var b)) d[key] = b = new Sums(scenarios);
        b.Lines++; b.Value += value;
        for (int k = 0; k < scenarios; k++) b.Cents[k] += chunk.TotalCents(line, k);
    }

    private bool Qualifies(long line, decimal rank)
    {
        if (_top <= 0) return false;
        if (Top.Count < _top) return true;
        var last = Top[^1];
        var c = Rank(last).CompareTo(rank);
        return c != 0 ? c < 0 : line < last.Line;
    }

    private decimal Rank(TopLine t) => Scenarios.Count > 1 ? Math.Abs(t.Difference) : t.Duty[0];

    private void OfferTop(TopLine t)
    {
        if (_top <= 0) return;
        if (Top.Count == _top && Compare(t, Top[^1]) >= 0) return;
        var at = Top.FindIndex(x => Compare(t, x) < 0);
        Top.Insert(at < 0 ? Top.Count : at, t);
        if (Top.Count > _top) Top.RemoveAt(Top.Count - 1);
    }

    /// <summary>Larger rank first; the earlier line first on ties, so the result does not depend on chunking.</summary>
    private int Compare(TopLine a, TopLine b)
    {
        var c = Rank(b).CompareTo(Rank(a));
        return c != 0 ? c : a.Line.CompareTo(b.Line);
    }

    private void AddReject(RejectCount r)
    {
        var key = (r.Field, r.Scenario);
        _rejects[key] = _rejects.TryGetValue(key, out var had)
            ? had with { Count = had.Count + r.Count }
            : r;
    }

    /// <summary>Adds a later part of the file (merge in input order so first examples stay first).</summary>
    public void Merge(BatchSummary o)
    {
        InputLines += o.InputLines; Rated += o.Rated; Rejected += o.Rejected; Value += o.Value;
        PartlyRated += o.PartlyRated; PartlyRatedValue += o.PartlyRatedValue;
        for (int k = 0; k < Duty.Length; k++)
        {
            Duty[k] += o.Duty[k];
            for (int f = 0; f < FamilyDuty[k].Length; f++) FamilyDuty[k][f] += o.FamilyDuty[k][f];
        }
        foreach (var (key, b) in o.ByChapter) { if (!ByChapter.TryGetValue(key, out var mine)) ByChapter[key] = mine = new Bucket(Duty.Length); mine.Add(b); }
        foreach (var (key, b) in o.ByOrigin) { if (!ByOrigin.TryGetValue(key, out var mine)) ByOrigin[key] = mine = new Bucket(Duty.Length); mine.Add(b); }
        foreach (var t in o.Top) OfferTop(t);
        foreach (var r in o._rejects.Values) AddReject(r);
    }
}
