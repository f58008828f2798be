using System.Collections.Immutable;
using System.Diagnostics;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Trade;

/// <summary>
/// Import-weighted average tariffs over time with fixed base-year weights (economics reference, "Tariff
/// indicators"): for every date on which some rate can change, sum(rate_k × M_k) / sum(M_k) of the additional and
/// the total duty, the share of value each measure family covers, the share that could not be rated and why, and
/// static revenue. Each (product, partner) line is quoted on the first date and again only on dates whose changes
/// can reach it (<see cref="ChangeCalendar"/>); partners are computed in parallel.
/// </summary>
public static partial class TradeIndicators
{
    /// <summary>A (product, partner) line: its base-year value and duty, and its quantity per dollar if known.</summary>
    public sealed record WeightedLine(string Partner, HtsCode Code, decimal Value, decimal? DutyCollected, Quantity? QuantityPerValue)
    {
        /// <summary>The unit value <see cref="QuantityPerValue"/> was estimated from, when the flows report no quantity.</summary>
        public UnitValue? EstimatedFrom { get; init; }
    }

    /// <param name="ct">Checked between dates and by the parallel loop within one: a server stops when its client has gone.</param>
    public static IndicatorSeries Compute(LineRater rater, IEnumerable<TradeFlow> flows, IndicatorRequest request, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        if (request.To < request.From) throw new ArgumentException($"the end date {request.To:yyyy-MM-dd} is before the start {request.From:yyyy-MM-dd}");
        var (weighed, year) = Weigh(flows, request.Importer);
        var walk = Walk(rater, Prepare(rater.Engine.Policy, weighed, year, request), request, record: false, ct);
        return Assemble(rater.Engine.Policy, request, walk.Prepared, walk.Dates, walk.Runs,
            new IndicatorStats(walk.Prepared.Lines.Count, walk.Runs.Count, walk.Dates.Count, walk.Quotes, walk.SharedHits,
                (long)walk.Prepared.Lines.Count * walk.Dates.Count - walk.Quotes - walk.SharedHits, walk.CalendarTime, clock.Elapsed));
    }

    /// <summary>What a series needs before any rating: the lines with their quantities filled, the notes so far, the
    /// claims assumed, each partner's rating origin, and the partners counted inside another.</summary>
    private sealed record Prepared(List<WeightedLine> Lines, int Year, List<string> Notes, ImmutableArray<QuantityEstimate> Estimates,
        ClaimSummary Claims, Dictionary<string, string> Origins, HashSet<string> InAggregate);

    private static Prepared Prepare(PolicySet policy, List<WeightedLine> weighed, int year, IndicatorRequest request)
    {
        var notes = new List<string>();
        var (lines, estimates) = (request.UnitValues ?? UnitValues.None).Fill(weighed, year, notes);
        var claims = request.EffectiveBasis.Summary();
        notes.Add($"claims: {claims.Description}");
        var origins = lines.Select(l => l.Partner).Distinct().ToDictionary(p => p, p => RatingOrigin(policy, p, notes));
        var inAggregate = CountedElsewhere(policy, origins.Keys, notes);
        return new Prepared(lines, year, notes, estimates, claims, origins, inAggregate);
    }

    /// <summary>The dates and the partners' runs walked through them.</summary>
    private sealed record Walked(Prepared Prepared, List<DateOnly> Dates, List<DateOnly> CalendarDates, Dictionary<string, HashSet<DateOnly>> ShareDates,
        List<PartnerRun> Runs, long Quotes, long SharedHits, TimeSpan CalendarTime);

    /// <param name="record">When given, every rating a line takes is kept (for <see cref="IndicatorHorizon"/>).</param>
    private static Walked Walk(LineRater rater, Prepared prepared, IndicatorRequest request, bool record, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var lines = prepared.Lines;
        var origins = prepared.Origins;
        var basis = request.EffectiveBasis;
        var calendar = ChangeCalendar.Build(rater.Engine.Policy, request.Importer, rater.Schedule, lines.Select(l => l.Code).Distinct().ToList(), request.From, request.To);
        // the claimed shares change at month starts: those are dates of the series too, for the partners that claim
        var shareDates = origins.Keys.ToDictionary(p => p, p => basis.ChangeDates(p, request.From, request.To).ToHashSet());
        var dates = calendar.Dates.Concat(shareDates.Values.SelectMany(x => x)).Distinct().Order().ToList();
        var calendarTime = clock.Elapsed;

        // Partners under the same rules on a date share ratings: a code re-rated for one is read by the next (most
        // partners pay the same before April 2025, during the pauses and after the IEEPA duties ended). Dates go in
        // order and partners in parallel within a date, so the shared ratings of one date can be let go.
        // A partner's lines go in runs of a few thousand, so one large partner does not keep one core busy alone.
        var byPartner = Runs(lines, g => g.Chunk(RunLength).Select(chunk => new PartnerRun(g.Key, origins[g.Key],
                basis.Assumption == ClaimAssumption.None ? null : basis.ProgramOf(g.Key), basis, shareDates[g.Key], chunk, dates.Count, record)));
        long quotes = 0, sharedHits = 0;
        var engine = rater.Engine;
        for (int d = 0; d < dates.Count; d++)
        {
            ct.ThrowIfCancellationRequested();
            var date = dates[d];
            var classes = new Dictionary<string, int>(StringComparer.Ordinal);
            var classOf = byPartner.SelectMany(r => new[] { (r.Origin, (string?)null), (r.Origin, r.Claim) }).Distinct().ToDictionary(o => o, o =>
            {
                var rules = engine.RulesInForce(request.Importer, o.Item1, date) + (o.Item2 is null ? "" : "|claim " + o.Item2);
                if (!classes.TryGetValue(rules, out var id)) classes[rules] = id = classes.Count;
                return id;
            });
            var shared = new System.Collections.Concurrent.ConcurrentDictionary<(int Class, string Code, Quantity? Q), Lazy<LineRating>>();
            Parallel.ForEach(byPartner, new ParallelOptions { CancellationToken = ct }, run =>
            {
                var (q, hits) = run.Advance(d, date, classOf[(run.Origin, null)], run.Claim is null ? -1 : classOf[(run.Origin, run.Claim)], calendar, shared, rater, request.By);
                Interlocked.Add(ref quotes, q);
                Interlocked.Add(ref sharedHits, hits);
            });
        }
        return new Walked(prepared, dates, [.. calendar.Dates], shareDates, byPartner, quotes, sharedHits, calendarTime);
    }

    /// <summary>A partner's lines in runs, the partners with most lines first (ties in the order the lines come).</summary>
    private static List<TRun> Runs<TRun>(List<WeightedLine> lines, Func<IGrouping<string, WeightedLine>, IEnumerable<TRun>> runs) =>
        lines.GroupBy(l => l.Partner).OrderByDescending(g => g.Count()).SelectMany(runs).ToList();

    /// <summary>The series from the runs' totals on each date: all partners (less those counted inside another), and
    /// the groups asked for.</summary>
    private static IndicatorSeries Assemble(PolicySet policy, IndicatorRequest request, Prepared prepared, List<DateOnly> dates, IReadOnlyList<IRunTotals> runs, IndicatorStats stats)
    {
        var notes = prepared.Notes;
        var inAggregate = prepared.InAggregate;
        var results = runs.GroupBy(r => r.Partner).Select(g => (Partner: g.Key, Totals: Merged(g.Select(r => r.Totals), dates.Count),
            Groups: request.By == IndicatorGrouping.Chapter ? MergedGroups(g.Select(r => r.Groups), dates.Count) : [])).ToArray();

        var totalPoints = ImmutableArray.CreateBuilder<IndicatorPoint>();
        var groupPoints = ImmutableArray.CreateBuilder<IndicatorPoint>();
        var counted = results.Where(r => !inAggregate.Contains(r.Partner)).ToList();
        var byName = results.OrderBy(r => r.Partner, StringComparer.Ordinal).ToList();
        var pointBefore = new Dictionary<string, IndicatorPoint>(StringComparer.Ordinal);
        for (int d = 0; d < dates.Count; d++)
        {
            var date = dates[d];
            if (d > 0 && counted.TrueForAll(r => ReferenceEquals(r.Totals[d], r.Totals[d - 1])))
                totalPoints.Add(totalPoints[^1] with { Date = date });
            else
            {
                var all = new IndicatorTotals();
                foreach (var r in counted) all.Merge(r.Totals[d]);
                totalPoints.Add(all.ToPoint(date, IndicatorPoint.AllGroup, policy));
            }
            if (request.By == IndicatorGrouping.Partner)
                foreach (var r in byName)
                {
                    var p = d > 0 && ReferenceEquals(r.Totals[d], r.Totals[d - 1]) ? pointBefore[r.Partner] with { Date = date } : r.Totals[d].ToPoint(date, r.Partner, policy);
                    groupPoints.Add(pointBefore[r.Partner] = p);
                }
            else if (request.By == IndicatorGrouping.Chapter)
            {
                var moved = d == 0 ? null : Moved(results.Select(r => (r.Groups[d], r.Groups[d - 1])));
                var merged = new SortedDictionary<string, IndicatorTotals?>(StringComparer.Ordinal);
                foreach (var r in results)
                    foreach (var (ch, t) in r.Groups[d])
                    {
                        if (moved is not null && !moved.Contains(ch) && pointBefore.ContainsKey(ch)) { merged.TryAdd(ch, null); continue; }
                        if (!merged.TryGetValue(ch, out var m) || m is null) merged[ch] = m = new IndicatorTotals();
                        m.Merge(t);
                    }
                foreach (var (ch, t) in merged)
                    groupPoints.Add(pointBefore[ch] = t is null ? pointBefore[ch] with { Date = date } : t.ToPoint(date, ch, policy));
            }
        }
        if (request.To > policy.Horizon)
            notes.Add($"dates after {policy.Horizon:yyyy-MM-dd} are past the policy data's horizon: later changes are not known");
        return new IndicatorSeries(policy.Name, request.Importer, prepared.Year, request.From, request.To, request.By, [.. dates],
            totalPoints.ToImmutable(), groupPoints.ToImmutable(), [.. notes.Distinct()], stats)
        { Claims = prepared.Claims, QuantityEstimates = prepared.Estimates };
    }

    /// <summary>A run's running totals on each date of a series (and per chapter, when asked).</summary>
    private interface IRunTotals
    {
        string Partner { get; }
        IndicatorTotals[] Totals { get; }
        Dictionary<string, IndicatorTotals>[] Groups { get; }
    }

    /// <summary>
    /// The running totals of a run of lines: a line's rating enters once, and when it changes the old one is taken
    /// out and the new one put in. One home for the arithmetic, so that a series computed afresh and one replayed
    /// from kept ratings (<see cref="IndicatorHorizon"/>) add the same numbers in the same order.
    /// </summary>
    private sealed class RunTotals(WeightedLine[] lines, int dateCount)
    {
        private readonly LineRating?[] _current = new LineRating?[lines.Length];
        private readonly IndicatorTotals _running = new();
        private readonly Dictionary<string, IndicatorTotals> _runningGroups = new(StringComparer.Ordinal);

        public IndicatorTotals[] Totals { get; } = new IndicatorTotals[dateCount];
        public Dictionary<string, IndicatorTotals>[] Groups { get; } = new Dictionary<string, IndicatorTotals>[dateCount];

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public void Apply(int k, LineRating rating, IndicatorGrouping by)
        {
            var line = lines[k];
            var group = by == IndicatorGrouping.Chapter ? Chapter(line.Code) : null;
            if (_current[k] is { } old)
            {
                if (old == rating || SameRates(old, rating)) return;
                _running.Add(line.Value, old, -1);
                if (group is not null) _runningGroups[group].Add(line.Value, old, -1);
            }
            _current[k] = rating;
            _running.Add(line.Value, rating);
            _changed = true;
            if (group is not null)
            {
                if (!_runningGroups.TryGetValue(group, out var g)) _runningGroups[group] = g = new IndicatorTotals();
                g.Add(line.Value, rating);
                _changedGroups.Add(group);
            }
        }

        // what changed since the date before: the totals of a date are copied only where they moved, and shared with
        // the date before where not (a kept copy is never written to)
        private bool _changed = true;
        private readonly HashSet<string> _changedGroups = new(StringComparer.Ordinal);
        private IndicatorTotals? _kept;
        private Dictionary<string, IndicatorTotals>? _keptGroups;

        public void Keep(int d, IndicatorGrouping by)
        {
            if (_changed || _kept is null) (_kept, _changed) = (_running.Clone(), false);
            Totals[d] = _kept;
            if (by != IndicatorGrouping.Chapter) return;
            var groups = new Dictionary<string, IndicatorTotals>(_runningGroups.Count, StringComparer.Ordinal);
            foreach (var (ch, t) in _runningGroups)
                groups[ch] = !_changedGroups.Contains(ch) && _keptGroups is not null && _keptGroups.TryGetValue(ch, out var same) ? same : t.Clone();
            _changedGroups.Clear();
            Groups[d] = _keptGroups = groups;
        }
    }

    private sealed class PartnerRun(string partner, string origin, string? claim, ClaimBasis basis, HashSet<DateOnly> shareDates, WeightedLine[] lines, int dateCount, bool record)
        : IRunTotals
    {
        private readonly LineRating?[] _unclaimed = new LineRating?[lines.Length];
        private readonly LineRating?[] _claimed = new LineRating?[lines.Length];
        private readonly LineRating?[] _last = record ? new LineRating?[lines.Length] : [];
        private readonly RunTotals _totals = new(lines, dateCount);

        public string Partner => partner;
        public string Origin => origin;
        public string? Claim => claim;
        public WeightedLine[] Lines => lines;
        public IndicatorTotals[] Totals => _totals.Totals;
        public Dictionary<string, IndicatorTotals>[] Groups => _totals.Groups;
        /// <summary>When recording: (line, date number, rating) each time a line's rating differs in any way from its
        /// last, in the order they were applied.</summary>
        public List<(int Line, int Date, LineRating Rating)> Recorded { get; } = [];

        /// <summary>Moves to date number <paramref name="d"/>; returns the quotes made and the ratings read from
        /// partners treated alike. A line is rated without a claim and, when part of it is claimed, with one; the
        /// two are weighed by the claimed share of the date (which changes at month starts).</summary>
        public (long Quotes, long Hits) Advance(int d, DateOnly date, int unclaimedClass, int claimedClass, ChangeCalendar calendar,
            System.Collections.Concurrent.ConcurrentDictionary<(int, string, Quantity?), Lazy<LineRating>> shared, LineRater rater, IndicatorGrouping by)
        {
            long q = 0, hits = 0;
            bool all = d == 0, shares = shareDates.Contains(date), any = all || shares || calendar.TouchesOrigin(date, origin);
            LineRating Get(int cls, WeightedLine line, string? program)
            {
                var key = (cls, line.Code.Digits, line.QuantityPerValue);
                if (shared.TryGetValue(key, out var rating)) { hits++; return rating.Value; }
                // Partners run in parallel: of two that miss at once, one quotes and the other waits for its answer.
                var mine = new Lazy<LineRating>(() => rater.Rate(line.Code, origin, date, line.QuantityPerValue, program));
                var kept = shared.GetOrAdd(key, mine);
                if (ReferenceEquals(kept, mine)) q++; else hits++;
                return kept.Value;
            }
            for (int k = 0; any && k < lines.Length; k++)
            {
                var line = lines[k];
                bool touched = all || calendar.Touches(date, origin, line.Code);
                if (!touched && !shares) continue;
                if (touched)
                {
                    _unclaimed[k] = Get(unclaimedClass, line, null);
                    _claimed[k] = null;
                }
                var share = claim is null ? 0m : basis.ClaimedShare(partner, line.Code, date);
                if (share > 0 && _claimed[k] is null) _claimed[k] = Get(claimedClass, line, claim);
                var rating = ClaimBasis.Blend(_unclaimed[k]!, _claimed[k], share);
                if (line.EstimatedFrom is not null && rating.IsRated) rating = rating with { QuantityEstimated = true };
                if (record && (_last[k] is not { } last || !Identical(last, rating)))
                {
                    _last[k] = rating;
                    Recorded.Add((k, d, rating));
                }
                _totals.Apply(k, rating, by);
            }
            _totals.Keep(d, by);
            return (q, hits);
        }
    }

    private const int RunLength = 2_048;

    // Totals a run kept on a date are the same object as the date before's when nothing of the run moved: sums
    // and points are then the same too, so they are taken over rather than added up again.

    private static IndicatorTotals[] Merged(IEnumerable<IndicatorTotals[]> runs, int dates)
    {
        var list = runs.ToList();
        var merged = new IndicatorTotals[dates];
        for (int d = 0; d < dates; d++)
        {
            if (d > 0 && list.TrueForAll(run => ReferenceEquals(run[d], run[d - 1]))) { merged[d] = merged[d - 1]; continue; }
            var m = new IndicatorTotals();
            foreach (var run in list) m.Merge(run[d]);
            merged[d] = m;
        }
        return merged;
    }

    private static Dictionary<string, IndicatorTotals>[] MergedGroups(IEnumerable<Dictionary<string, IndicatorTotals>[]> runs, int dates)
    {
        var list = runs.ToList();
        var merged = new Dictionary<string, IndicatorTotals>[dates];
        for (int d = 0; d < dates; d++)
        {
            var moved = d == 0 ? null : Moved(list.Select(run => (run[d], run[d - 1])));
            var now = new Dictionary<string, IndicatorTotals>(StringComparer.Ordinal);
            foreach (var run in list)
                foreach (var (group, totals) in run[d])
                {
                    if (moved is not null && !moved.Contains(group) && merged[d - 1].TryGetValue(group, out var same)) { now.TryAdd(group, same); continue; }
                    if (!now.TryGetValue(group, out var m)) now[group] = m = new IndicatorTotals();
                    m.Merge(totals);
                }
            merged[d] = now;
        }
        return merged;
    }

    /// <summary>The groups whose totals are not the same object on a date as on the date before, in some run.</summary>
    private static HashSet<string> Moved(IEnumerable<(Dictionary<string, IndicatorTotals> Now, Dictionary<string, IndicatorTotals> Before)> runs)
    {
        var moved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (now, before) in runs)
            foreach (var (group, totals) in now)
                if (!before.TryGetValue(group, out var was) || !ReferenceEquals(was, totals)) moved.Add(group);
        return moved;
    }

    /// <summary>The two-digit HS chapter of a code.</summary>
    public static string Chapter(HtsCode code) => code.Digits[..2];

    /// <summary>
    /// Sums the flows into one line per (partner, code), checking they share an importer and a year. A quantity is
    /// kept only when every flow of the line reports one in the same unit.
    /// </summary>
    public static (List<WeightedLine> Lines, int Year) Weigh(IEnumerable<TradeFlow> flows, string importer)
    {
        var map = new Dictionary<(string, string), (string Partner, HtsCode Code, decimal Value, decimal? Duty, decimal? Qty, string? Unit, bool QtyOk)>();
        int? year = null;
        foreach (var f in flows)
        {
            if (!f.Importer.Equals(importer, StringComparison.OrdinalIgnoreCase)) continue;
            if (year is { } y && y != f.Year)
                throw new ArgumentException($"trade flows of {importer} mix base years {y} and {f.Year}: choose one year");
            year = f.Year;
            var key = (f.Partner, f.Code.Digits);
            var (_, _, v, d, q, u, ok) = map.GetValueOrDefault(key, (f.Partner, f.Code, 0m, null, null, f.Quantity?.Unit, true));
            ok = ok && f.Quantity is { } fq && fq.Unit == u;
            map[key] = (f.Partner, f.Code, v + f.Value, f.DutyCollected is { } fd ? (d ?? 0) + fd : d, ok ? (q ?? 0) + f.Quantity!.Value.Amount : null, u, ok);
        }
        if (year is null) throw new ArgumentException($"no trade flows of importer {importer}: import some with `tariffscope data import-trade`");
        var lines = map.Values.Where(x => x.Value > 0)
            .Select(x => new WeightedLine(x.Partner, x.Code, x.Value, x.Duty,
                x.QtyOk && x.Qty is > 0 ? new Quantity(x.Qty.Value / x.Value, x.Unit!) : null))
            .ToList();
        return (lines, year.Value);
    }

    /// <summary>The origin a partner's lines are rated as: itself, or the first member when the partner is a
    /// country group of the policy (Census reports the European Union as one partner).</summary>
    public static string RatingOrigin(PolicySet policy, string partner, List<string>? notes = null)
    {
        if (Origin.TryResolve(policy, partner) is not { Group: { } group } origin) return partner;
        notes?.Add(origin.Note + (TreatedAlike(policy, group) ? "" : " — but some measure names members one by one, so check its rows"));
        return origin.RatedAs;
    }

    /// <summary>
    /// Partners whose trade is already inside another partner of the same flows (Census reports the European Union
    /// as a whole and some members apart): shown on their own, left out of all-partner totals.
    /// </summary>
    public static HashSet<string> CountedElsewhere(PolicySet policy, IEnumerable<string> partners, List<string>? notes = null)
    {
        var set = partners.ToHashSet(StringComparer.Ordinal);
        var inside = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in set.Order(StringComparer.Ordinal))
            foreach (var g in policy.Groups.Values.Where(g => g.Name != p && set.Contains(g.Name) && g.Members.Contains(p)))
            {
                inside.Add(p);
                notes?.Add($"partner {p} is also inside partner {g.Name} ({g.Title}): shown on its own, left out of the all-partner total");
            }
        return inside;
    }

    private static bool TreatedAlike(PolicySet policy, CountryGroup group) =>
        policy.Measures.All(m =>
        {
            var named = m.Origins.Include.Concat(m.Origins.Except.Select(e => e.Origin)).ToHashSet();
            var some = group.Members.Count(named.Contains);
            return some == 0 || some == group.Members.Length;
        });

    private static bool SameRates(LineRating a, LineRating b) =>
        a.Problem == b.Problem && a.Additional == b.Additional && a.Total == b.Total && a.AtEightDigits == b.AtEightDigits && a.BaseIncomplete == b.BaseIncomplete
        && a.QuantityEstimated == b.QuantityEstimated
        && a.AdditionalLow == b.AdditionalLow && a.TotalLow == b.TotalLow
        && a.Families.SequenceEqual(b.Families);
}
