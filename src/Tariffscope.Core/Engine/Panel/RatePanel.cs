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
    private readonly ConcurrentDictionary<(string Code, int Class, int Interval), PanelCell> _cells = new();

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
    }

    public int IntervalCount => Starts.Count;
    public DateOnly IntervalEnd(int interval) => interval + 1 < Starts.Count ? Starts[interval + 1].AddDays(-1) : To;

    /// <summary>The interval holding <paramref name="date"/>, or -1 outside the span.</summary>
    public int IntervalOf(DateOnly date)
    {
        int day = date.DayNumber - From.DayNumber;
        return (uint)day < (uint)_dayToInterval.Length ? _dayToInterval[day] : -1;
    }

    /// <summary>The class of an origin: origins whose rules agree on every day of the span share one.</summary>
    public int ClassOf(string origin) => _classOf.TryGetValue(origin, out var c) ? c : _classOf.GetOrAdd(origin, NewClass);

    private int NewClass(string origin)
    {
        var keys = Starts.Select(d => Engine.OriginKey(Importer, origin, d)).ToArray();
        var key = string.Join('/', keys);
        lock (_representative)
        {
            if (_classByKey.TryGetValue(key, out var c)) return c;
            _representative.Add(origin);
            // classes under the same rules on a date share that date's plans
            _rules.Add(keys.Select(k => _ruleIds.TryGetValue(k, out var id) ? id : _ruleIds[k] = _ruleIds.Count).ToArray());
            return _classByKey[key] = _representative.Count - 1;
        }
    }

    private readonly Dictionary<string, int> _ruleIds = new(StringComparer.Ordinal);
    private readonly List<int[]> _rules = [];

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
    public bool TryGet(HtsCode code, string origin, DateOnly date, out PanelCell cell)
    {
        int interval = IntervalOf(date);
        if (interval < 0) { cell = default; return false; }
        cell = Cell(code, ClassOf(origin), interval);
        return true;
    }

    public PanelCell Cell(HtsCode code, int cls, int interval)
    {
        var key = (code.Digits, cls, interval);
        return _cells.TryGetValue(key, out var cell) ? cell : _cells.GetOrAdd(key, Plan(code, cls, interval));
    }

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
        int[][] rules;
        lock (_representative) rules = classes.Select(c => _rules[c]).ToArray();
        var shared = new Dictionary<int, PanelCell>();
        var revised = RevisionStarts();
        var scratch = new PlanScratch();
        var start = new int[classes.Length];
        var current = new PanelCell[classes.Length];
        var rows = new List<Row>[classes.Length];
        for (int k = 0; k < classes.Length; k++) rows[k] = [];
        foreach (var code in codes)
        {
            for (int i = 0; i < Starts.Count; i++)
            {
                bool all = i == 0 || revised.Contains(i);
                shared.Clear();
                for (int k = 0; k < classes.Length; k++)
                {
                    if (!all && !Calendar.Touches(Starts[i], reps[k], code)) continue;
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

    private HashSet<int> RevisionStarts()
    {
        var schedule = Engine.Schedules.GetValueOrDefault(Importer);
        var set = new HashSet<int>();
        if (schedule is null) return set;
        foreach (var r in schedule.Revisions)
            if (r.EffectiveDate > From && r.EffectiveDate <= To) set.Add(IntervalOf(r.EffectiveDate));
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
