using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using Tariffscope.Nomenclature;
using Tariffscope.Trade;

namespace Tariffscope.Engine.Panel;

/// <summary>A cell of the panel: the formula of a line for an origin class over an interval, or the reason the
/// engine refuses it (an unknown code), or neither when the engine must answer each line itself.</summary>
public readonly record struct PanelCell(PanelFormula? Formula, RatingException? Refusal);

/// <summary>
/// The rules of one scenario compiled over a span of dates: between two change dates (a measure's rate, start or
/// end, a suspension, a dated product term or list version, an origin exception, a schedule revision) the duty of a
/// line from an origin is a fixed <see cref="PanelFormula"/> of value and quantity, and origins under identical rules
/// on every day of the span share a class. Cells are planned on first use and kept, so rating a million lines costs
/// a few thousand plans and a lookup per line; <see cref="Compile"/> plans every line for export.
/// </summary>
public sealed class RatePanel
{
    private readonly int[] _dayToInterval;
    private readonly ConcurrentDictionary<string, int> _classOf = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _classByKey = new(StringComparer.Ordinal);
    private readonly List<string> _representative = [];
    // cells by code (as a number: no string to hash), then interval, then the rules in force: one lookup a line, then
    // a scan of the handful of rule sets the line was asked under in that interval
    private readonly ConcurrentDictionary<long, CodeCells> _cells = new();
    // the class of a two-letter origin without hashing it (every origin of a batch line is one)
    private readonly int[] _classOfAlpha2 = Enumerable.Repeat(-1, 26 * 26).ToArray();

    public TariffEngine Engine { get; }
    public string Importer { get; }
    public DateOnly From { get; }
    public DateOnly To { get; }
    /// <summary>The first day of each interval: <see cref="From"/>, then every change date up to <see cref="To"/>.</summary>
    public IReadOnlyList<DateOnly> Starts { get; }
    public ChangeCalendar Calendar { get; }

    public RatePanel(TariffEngine engine, DateOnly from, DateOnly to, string importer = "US")
    {
        if (to < from) throw new ArgumentException($"the panel's span ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
        Engine = engine;
        Importer = importer;
        From = from;
        To = to;
        var schedule = engine.Schedules.GetValueOrDefault(importer);
        // every schedule revision starts an interval (the calendar alone names only those that change the codes given)
        Calendar = ChangeCalendar.Build(engine.Policy, importer, schedule, [], from, to);
        Starts = Calendar.Dates
            .Concat(schedule?.Revisions.Select(r => r.EffectiveDate).Where(d => d > from && d <= to) ?? [])
            .Distinct().Order().ToArray();
        _dayToInterval = new int[to.DayNumber - from.DayNumber + 1];
        for (int i = 0, day = 0; day < _dayToInterval.Length; day++)
        {
            while (i + 1 < Starts.Count && Starts[i + 1].DayNumber <= from.DayNumber + day) i++;
            _dayToInterval[day] = i;
        }
        _revised = RevisionStarts(schedule);
    }

    private readonly bool[] _revised;

    public int IntervalCount => Starts.Count;
    public DateOnly IntervalEnd(int interval) => interval + 1 < Starts.Count ? Starts[interval + 1].AddDays(-1) : To;

    /// <summary>The interval holding <paramref name="date"/>, or -1 outside the span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int IntervalOf(DateOnly date)
    {
        int day = date.DayNumber - From.DayNumber;
        return (uint)day < (uint)_dayToInterval.Length ? _dayToInterval[day] : -1;
    }

    /// <summary>The class of an origin: origins whose rules agree on every day of the span share one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int ClassOf(string origin)
    {
        int slot = origin.Length == 2 && char.IsAsciiLetterUpper(origin[0]) && char.IsAsciiLetterUpper(origin[1]) ? (origin[0] - 'A') * 26 + origin[1] - 'A' : -1;
        if (slot >= 0 && Volatile.Read(ref _classOfAlpha2[slot]) is >= 0 and var known) return known;
        var c = _classOf.TryGetValue(origin, out var had) ? had : _classOf.GetOrAdd(origin, NewClass);
        if (slot >= 0) Volatile.Write(ref _classOfAlpha2[slot], c);
        return c;
    }

    private int NewClass(string origin)
    {
        var keys = Starts.Select(d => Engine.OriginKey(Importer, origin, d)).ToArray();
        var key = string.Join('/', keys);
        lock (_representative)
        {
            if (_classByKey.TryGetValue(key, out var c)) return c;
            _representative.Add(origin);
            // classes under the same rules on a date share that date's plans
            var ids = keys.Select(k => _ruleIds.TryGetValue(k, out var id) ? id : _ruleIds[k] = _ruleIds.Count).ToArray();
            Volatile.Write(ref _rules, [.. _rules, ids]);
            return _classByKey[key] = _representative.Count - 1;
        }
    }

    private readonly Dictionary<string, int> _ruleIds = new(StringComparer.Ordinal);
    // per class, per interval: the id of its rules then (copied on write: workers read it without a lock)
    private int[][] _rules = [];

    public int ClassCount { get { lock (_representative) return _representative.Count; } }

    /// <summary>The origin whose rules a class was planned from.</summary>
    public string Representative(int cls) { lock (_representative) return _representative[cls]; }

    /// <summary>The origins seen so far in each class.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Members()
    {
        var members = Enumerable.Range(0, ClassCount).Select(_ => new List<string>()).ToArray();
        foreach (var (origin, cls) in _classOf) members[cls].Add(origin);
        foreach (var m in members) m.Sort(StringComparer.Ordinal);
        return members;
    }

    /// <summary>The cell of a line from an origin on a date; false outside the span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(HtsCode code, string origin, DateOnly date, out PanelCell cell)
    {
        int interval = IntervalOf(date);
        if (interval < 0) { cell = default; return false; }
        cell = Cell(code, ClassOf(origin), interval);
        return true;
    }

    /// <summary>
    /// The cell of a line for a class over an interval. Cells are kept by the rules in force rather than by class, so
    /// origins under the same rules that day share one; and a line that the change starting an interval does not
    /// reach (<see cref="ChangeCalendar.Touches"/>) keeps the cell of the interval before, unplanned.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PanelCell Cell(HtsCode code, int cls, int interval)
    {
        var key = CodeKey(code.Digits);
        if (!_cells.TryGetValue(key, out var cells)) cells = _cells.GetOrAdd(key, _ => new CodeCells(code.Digits, Starts.Count));
        int rule = Volatile.Read(ref _rules)[cls][interval];
        if (Volatile.Read(ref cells.ByInterval[interval]) is { } row)
            foreach (var e in row) if (e.Rule == rule) return e.Cell;
        PanelCell cell;
        if (!_revised[interval] && !Calendar.Touches(Starts[interval], Representative(cls), code))
        {
            cell = Cell(code, cls, interval - 1);
            Interlocked.Increment(ref _inherited);
        }
        else
        {
            // planned outside the lock: two workers may plan one cell at once, and the first to store it wins
            cell = Plan(code, cls, interval);
            Interlocked.Increment(ref _planned);
        }
        return Store(cells, interval, rule, cell);
    }

    /// <summary>Keeps a cell unless another worker stored one first; returns the one kept. A row is never changed
    /// once published (a new one replaces it), so readers scan it without a lock.</summary>
    private static PanelCell Store(CodeCells cells, int interval, int rule, PanelCell cell)
    {
        lock (cells)
        {
            var row = cells.ByInterval[interval] ?? [];
            foreach (var e in row) if (e.Rule == rule) return e.Cell;
            Volatile.Write(ref cells.ByInterval[interval], [.. row, new Entry(rule, cell)]);
        }
        return cell;
    }

    /// <summary>A code's digits and length as one number (codes run to 10 digits).</summary>
    private static long CodeKey(string digits)
    {
        long key = 0;
        foreach (var c in digits) key = key * 10 + (c - '0');
        return key * 16 + digits.Length;
    }

    /// <summary>Every cell kept so far, with the rules in force it was kept under (for <see cref="PanelFile"/>).</summary>
    public IEnumerable<PanelFile.StoredCell> StoredCells()
    {
        string[] keys;
        lock (_representative)
        {
            keys = new string[_ruleIds.Count];
            foreach (var (k, id) in _ruleIds) keys[id] = k;
        }
        foreach (var cells in _cells.Values)
            for (int i = 0; i < cells.ByInterval.Length; i++)
                if (Volatile.Read(ref cells.ByInterval[i]) is { } row)
                    foreach (var e in row)
                        if (e.Rule < keys.Length) yield return new(cells.Code, i, keys[e.Rule], e.Cell);
    }

    /// <summary>Takes in cells stored by an earlier run of the same rules over the same intervals (the caller checks
    /// both); returns how many.</summary>
    public int Load(IEnumerable<PanelFile.StoredCell> stored)
    {
        int n = 0;
        // taken in under one lock, before workers ask (a row is still published whole, so a reader never sees it torn)
        lock (_representative)
        {
            string? lastRules = null;
            int rule = -1;
            foreach (var c in stored)
            {
                if (!ReferenceEquals(c.Rules, lastRules) && !_ruleIds.TryGetValue(lastRules = c.Rules, out rule)) _ruleIds[c.Rules] = rule = _ruleIds.Count;
                var key = CodeKey(c.Code);
                if (!_cells.TryGetValue(key, out var cells)) cells = _cells.GetOrAdd(key, _ => new CodeCells(c.Code, Starts.Count));
                Store(cells, c.Interval, rule, c.Cell);
                n++;
            }
        }
        Interlocked.Add(ref _loaded, n);
        return n;
    }

    private long _loaded;

    /// <summary>Cells read from a file of an earlier run.</summary>
    public long Loaded => Interlocked.Read(ref _loaded);

    private long _planned, _inherited;

    /// <summary>Cells planned by the engine, and cells taken from the interval before because no change reached them.</summary>
    public (long Planned, long Inherited) Counts => (Interlocked.Read(ref _planned), Interlocked.Read(ref _inherited));

    private sealed class CodeCells(string code, int intervals)
    {
        public readonly string Code = code;
        public readonly Entry[]?[] ByInterval = new Entry[]?[intervals];
    }

    private readonly record struct Entry(int Rule, PanelCell Cell);

    private PanelCell Plan(HtsCode code, int cls, int interval, PlanScratch? scratch = null)
    {
        try { return new PanelCell(Engine.Plan(Importer, code, Representative(cls), Starts[interval], scratch), null); }
        catch (RatingException e) { return new PanelCell(null, e); }
    }

    /// <summary>One row of the compiled panel: a line, an origin class, the days it covers and its formula.</summary>
    public sealed record Row(HtsCode Code, int Class, DateOnly From, DateOnly Through, PanelCell Cell);

    /// <summary>
    /// Every line of <paramref name="codes"/> for every class of <paramref name="origins"/>, interval by interval,
    /// neighbouring intervals with the same formula merged. A line a change date cannot touch keeps its formula
    /// without a new plan (<see cref="ChangeCalendar.Touches"/>).
    /// </summary>
    public IEnumerable<Row> Compile(IReadOnlyList<HtsCode> codes, IEnumerable<string> origins)
    {
        var classes = origins.Select(ClassOf).Distinct().Order().ToArray();
        var reps = classes.Select(Representative).ToArray();
        var all = Volatile.Read(ref _rules);
        var rules = classes.Select(c => all[c]).ToArray();
        var shared = new Dictionary<int, PanelCell>();
        var revised = _revised;
        var scratch = new PlanScratch();
        var start = new int[classes.Length];
        var current = new PanelCell[classes.Length];
        var rows = new List<Row>[classes.Length];
        for (int k = 0; k < classes.Length; k++) rows[k] = [];
        foreach (var code in codes)
        {
            for (int i = 0; i < Starts.Count; i++)
            {
                bool every = i == 0 || revised[i];
                shared.Clear();
                for (int k = 0; k < classes.Length; k++)
                {
                    if (!every && !Calendar.Touches(Starts[i], reps[k], code)) continue;
                    if (!shared.TryGetValue(rules[k][i], out var next)) shared[rules[k][i]] = next = Plan(code, classes[k], i, scratch);
                    if (i == 0) { current[k] = next; start[k] = 0; continue; }
                    if (Same(current[k], next)) continue;
                    rows[k].Add(new Row(code, classes[k], Starts[start[k]], IntervalEnd(i - 1), current[k]));
                    start[k] = i;
                    current[k] = next;
                }
            }
            for (int k = 0; k < classes.Length; k++)
            {
                rows[k].Add(new Row(code, classes[k], Starts[start[k]], IntervalEnd(Starts.Count - 1), current[k]));
                foreach (var r in rows[k]) yield return r;
                rows[k].Clear();
            }
        }
    }

    /// <summary>Per interval: true when a schedule revision starts it (every line may change then).</summary>
    private bool[] RevisionStarts(Schedule? schedule)
    {
        var set = new bool[Starts.Count];
        set[0] = true;
        foreach (var r in schedule?.Revisions ?? [])
            if (r.EffectiveDate > From && r.EffectiveDate <= To) set[IntervalOf(r.EffectiveDate)] = true;
        return set;
    }

    private static bool Same(PanelCell a, PanelCell b) =>
        a.Formula is not null && b.Formula is not null ? a.Formula.SameAs(b.Formula)
        : a.Formula is null && b.Formula is null && a.Refusal?.Message == b.Refusal?.Message;
}

/// <summary>Which lines a panel covers.</summary>
public static class PanelLines
{
    /// <summary>The 10-digit lines of every schedule revision in force on some day of the span, in code order.</summary>
    public static IReadOnlyList<HtsCode> InSpan(Schedule schedule, DateOnly from, DateOnly to)
    {
        var revisions = schedule.Revisions.Where((r, i) => r.EffectiveDate <= to
            && (i + 1 == schedule.Revisions.Count || schedule.Revisions[i + 1].EffectiveDate > from));
        return revisions.SelectMany(r => r.Lines).Where(l => l.Code.Digits.Length == 10)
            .Select(l => l.Code).DistinctBy(c => c.Digits).OrderBy(c => c.Digits, StringComparer.Ordinal).ToArray();
    }
}
