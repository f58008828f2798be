using System.Diagnostics;
using Tariffscope.Policy;

namespace Tariffscope.Trade;

public static partial class TradeIndicators
{
    /// <summary>
    /// Walks every partner through every change date of [<see cref="IndicatorRequest.From"/>,
    /// <see cref="IndicatorRequest.To"/>] as <see cref="Compute"/> does, keeping each line's ratings instead of the
    /// totals: any shorter span, partner subset or grouping is then a <see cref="Slice"/> of it, with no quote made.
    /// </summary>
    public static IndicatorHorizon ComputeHorizon(LineRater rater, IEnumerable<TradeFlow> flows, IndicatorRequest request, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        if (request.To < request.From) throw new ArgumentException($"the end date {request.To:yyyy-MM-dd} is before the start {request.From:yyyy-MM-dd}");
        var policy = rater.Engine.Policy;
        var (weighed, year) = Weigh(flows, request.Importer);
        var walkRequest = request with { By = IndicatorGrouping.None };
        var walk = Walk(rater, Prepare(policy, weighed, year, walkRequest), walkRequest, record: true, ct);

        // one table of distinct ratings: most lines of a partner (and partners treated alike) read the same few
        var ids = new Dictionary<LineRating, int>(IdenticalRatings.Instance);
        var byObject = new Dictionary<LineRating, int>(ReferenceEqualityComparer.Instance);
        var ratings = new List<LineRating>();
        int Id(LineRating r)
        {
            if (byObject.TryGetValue(r, out var id)) return id;
            if (!ids.TryGetValue(r, out id)) { ids[r] = id = ratings.Count; ratings.Add(r); }
            byObject[r] = id;
            return id;
        }
        var runs = new List<IndicatorHorizon.Run>(walk.Runs.Count);
        var chunks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var run in walk.Runs)
        {
            var chunk = chunks.GetValueOrDefault(run.Partner);
            chunks[run.Partner] = chunk + 1;
            var n = run.Recorded.Count;
            var (line, date, rating) = (new ushort[n], new ushort[n], new int[n]);
            for (int i = 0; i < n; i++)
            {
                var (k, d, r) = run.Recorded[i];
                (line[i], date[i], rating[i]) = ((ushort)k, (ushort)d, Id(r));
            }
            runs.Add(new IndicatorHorizon.Run(run.Partner, chunk, run.Lines.Length, line, date, rating));
        }
        var stats = new IndicatorStats(walk.Prepared.Lines.Count, walk.Runs.Count, walk.Dates.Count, walk.Quotes, walk.SharedHits,
            (long)walk.Prepared.Lines.Count * walk.Dates.Count - walk.Quotes - walk.SharedHits, walk.CalendarTime, clock.Elapsed);
        return new IndicatorHorizon(policy.Name, request.Importer, year, request.From, request.To, [.. walk.Dates], [.. walk.CalendarDates],
            walk.ShareDates.ToDictionary(kv => kv.Key, kv => kv.Value.Order().ToArray(), StringComparer.Ordinal),
            weighed, runs, [.. ratings], stats);
    }

    /// <summary>
    /// The series <see cref="Compute"/> gives for <paramref name="request"/> over the flows of
    /// <paramref name="partners"/> (every partner held when empty), read from a horizon that spans it: the same
    /// dates, and the same totals added in the same order, so every decimal is the same. The stats say that no
    /// quote was made (every rating reused); an unrated share's example may name the first date its line was rated
    /// with that reason rather than the first date of the request. Null when the horizon holds no line of the
    /// partners. <paramref name="policy"/> is the policy the horizon was computed under.
    /// </summary>
    public static IndicatorSeries? Slice(PolicySet policy, IndicatorHorizon horizon, IndicatorRequest request, IReadOnlyCollection<string> partners, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        if (!horizon.Covers(request))
            throw new ArgumentException($"the horizon of {horizon.Importer} from {horizon.From:yyyy-MM-dd} to {horizon.To:yyyy-MM-dd} does not span {request.Importer} from {request.From:yyyy-MM-dd} to {request.To:yyyy-MM-dd}");
        var wanted = partners.Count == 0 ? null : partners.ToHashSet(StringComparer.Ordinal);
        var weighed = wanted is null ? [.. horizon.Lines] : horizon.Lines.Where(l => wanted.Contains(l.Partner)).ToList();
        if (weighed.Count == 0) return null;
        var prepared = Prepare(policy, weighed, horizon.BaseYear, request);
        var (from, to) = (request.From, request.To);
        bool Within(DateOnly d) => d > from && d <= to;
        var dates = horizon.CalendarDates.Where(Within)
            .Concat(prepared.Origins.Keys.SelectMany(p => horizon.ShareDates.GetValueOrDefault(p, []).Where(Within)))
            .Append(from).Distinct().Order().ToList();

        var kept = horizon.Runs.ToDictionary(r => (r.Partner, r.Chunk));
        var runs = Runs(prepared.Lines, g => g.Chunk(RunLength).Select((chunk, i) =>
            kept.TryGetValue((g.Key, i), out var run) && run.Lines == chunk.Length
                ? new SliceRun(g.Key, chunk, run, dates.Count)
                : throw new InvalidDataException($"the indicator horizon does not hold the lines of {g.Key} as its flows give them")));
        Parallel.ForEach(runs, new ParallelOptions { CancellationToken = ct }, run => run.Replay(horizon, dates, request.By));
        var lineCount = prepared.Lines.Count;
        return Assemble(policy, request, prepared, dates, runs,
            new IndicatorStats(lineCount, runs.Count, dates.Count, 0, 0, (long)lineCount * dates.Count, TimeSpan.Zero, clock.Elapsed));
    }

    /// <summary>One run of lines replayed from the ratings a horizon kept.</summary>
    private sealed class SliceRun(string partner, WeightedLine[] lines, IndicatorHorizon.Run run, int dateCount) : IRunTotals
    {
        private readonly RunTotals _totals = new(lines, dateCount);
        public string Partner => partner;
        public IndicatorTotals[] Totals => _totals.Totals;
        public Dictionary<string, IndicatorTotals>[] Groups => _totals.Groups;

        /// <summary>The lines as rated on the first date (the last rating each took on or before it), then the
        /// ratings taken on each later date, in the order the walk applied them.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public void Replay(IndicatorHorizon horizon, List<DateOnly> dates, IndicatorGrouping by)
        {
            var (line, date, rating) = (run.Line, run.Date, run.Rating);
            var start = new LineRating?[lines.Length];
            int i = 0;
            for (; i < line.Length && horizon.Dates[date[i]] <= dates[0]; i++) start[line[i]] = horizon.Ratings[rating[i]];
            for (int k = 0; k < lines.Length; k++)
                _totals.Apply(k, start[k] ?? throw new InvalidDataException($"the indicator horizon holds no rating of {lines[k].Code} from {partner} on {dates[0]:yyyy-MM-dd}"), by);
            _totals.Keep(0, by);
            for (int d = 1; d < dates.Count; d++)
            {
                for (; i < line.Length && horizon.Dates[date[i]] <= dates[d]; i++) _totals.Apply(line[i], horizon.Ratings[rating[i]], by);
                _totals.Keep(d, by);
            }
        }
    }

    /// <summary>True when two ratings are the same in every respect, decimal scales and reasons included.</summary>
    internal static bool Identical(LineRating a, LineRating b) =>
        ReferenceEquals(a, b) || (SameRates(a, b) && a.Why == b.Why && IdenticalRatings.Scales(a, b));

    /// <summary>Ratings equal in every respect: one entry of a horizon's table.</summary>
    private sealed class IdenticalRatings : IEqualityComparer<LineRating>
    {
        public static readonly IdenticalRatings Instance = new();
        public bool Equals(LineRating? a, LineRating? b) => a is null ? b is null : b is not null && Identical(a, b);
        public int GetHashCode(LineRating r) => HashCode.Combine(r.Additional, r.Total, r.Problem, r.Why, r.Families.Length);

        public static bool Scales(LineRating a, LineRating b)
        {
            static bool S(decimal? x, decimal? y) => (x?.Scale ?? 255) == (y?.Scale ?? 255);
            if (!S(a.Additional, b.Additional) || !S(a.Total, b.Total) || !S(a.AdditionalLow, b.AdditionalLow) || !S(a.TotalLow, b.TotalLow)) return false;
            for (int i = 0; i < a.Families.Length; i++)
                if (!S(a.Families[i].Rate, b.Families[i].Rate) || !S(a.Families[i].Share, b.Families[i].Share)) return false;
            return true;
        }
    }
}
