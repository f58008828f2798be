using System.Collections.Immutable;
using Tariffscope.Engine;

namespace Tariffscope.Trade;

/// <summary>Computed against collected duty for one group (a partner or an HS chapter).</summary>
public sealed record ValidationRow(
    string Group,
    decimal Value,
    decimal Collected,
    decimal Computed,
    decimal ComputedBase,
    decimal ComputedAdditional,
    decimal UnratedShare,
    ImmutableArray<FamilyCoverage> Families)
{
    /// <summary>Computed minus collected (positive: the engine charges more than customs collected).</summary>
    public decimal Gap => Computed - Collected;
    /// <summary>The gap as a share of the collected duty (null when nothing was collected).</summary>
    public decimal? GapShare => Collected == 0 ? null : Gap / Collected;
    public decimal CollectedRate => Value == 0 ? 0 : Collected / Value;
    public decimal ComputedRate => Value == 0 ? 0 : Computed / Value;
}

/// <summary>A span of days over which the rules stay the same for every line rated, and what changed on its first day.</summary>
public sealed record ValidationSegment(DateOnly From, DateOnly Through, IReadOnlyList<string> Changes)
{
    public int Days => Through.DayNumber - From.DayNumber + 1;
}

/// <remarks><see cref="ByMeasures"/> groups lines by the measure families the engine charged on them ("none": base
/// rate only), which separates what the schedule alone explains from what exclusions and claims take off a measure.
/// <see cref="Segments"/>: the spans of days whose rules were averaged, weighted by their days (one span when the
/// report is for a single date).</remarks>
public sealed record ValidationReport(DateOnly From, DateOnly Through, string Scenario, int Year, ValidationRow Total,
    ImmutableArray<ValidationRow> Partners, ImmutableArray<ValidationRow> Chapters, ImmutableArray<ValidationRow> ByMeasures,
    ImmutableArray<ValidationSegment> Segments, ImmutableArray<string> Notes)
{
    /// <summary>Which claims the computed duty assumed (expected, none or all), in words.</summary>
    public ClaimSummary Claims { get; init; } = ClaimBasis.NoClaims.Summary();

    /// <summary>The lines rated with a quantity estimated from a unit value (empty: none estimated).</summary>
    public ImmutableArray<QuantityEstimate> QuantityEstimates { get; init; } = [];
}

/// <summary>
/// Checks the engine against the record: rates every base-year line with the rules in force over a span of that
/// year — each distinct set of rules weighted by the days it was in force — and compares the static duty
/// (average rate × value) with the duty customs collected, per partner and per HS chapter. Weighting by days
/// assumes entries spread evenly over the year (annual flows say nothing finer).
/// The engine cannot know what lowers collected duty below the statutory rate (free-trade and preference claims,
/// Section 301 exclusions, drawback, foreign-trade zones), nor what a specific rate owes without quantities; the
/// gaps measure those.
/// </summary>
public static class DutyValidation
{
    /// <summary>The rules of one date applied to the whole year.</summary>
    public static ValidationReport Run(LineRater rater, IEnumerable<TradeFlow> flows, DateOnly date, ClaimBasis? claims = null, UnitValues? unitValues = null) =>
        Run(rater, flows, date, date, claims, unitValues);

    /// <summary>The rules of every day from <paramref name="from"/> through <paramref name="through"/>, averaged by days.</summary>
    /// <param name="claims">Which preference claims to assume (default: none): with expected claims each line's claimed
    /// share of the month is rated with the programme and the rest without.</param>
    /// <param name="unitValues">Unit values that estimate the quantity of lines whose flows report none (default: no
    /// estimate, a specific base without a quantity counts as 0).</param>
    public static ValidationReport Run(LineRater rater, IEnumerable<TradeFlow> flows, DateOnly from, DateOnly through, ClaimBasis? claims = null, UnitValues? unitValues = null)
    {
        var basis = claims ?? ClaimBasis.NoClaims;
        if (through < from) throw new ArgumentException($"the end date {through:yyyy-MM-dd} is before the start {from:yyyy-MM-dd}");
        var policy = rater.Engine.Policy;
        var (lines, year) = TradeIndicators.Weigh(flows, rater.Importer);
        var notes = new List<string>();
        ImmutableArray<QuantityEstimate> estimates;
        (lines, estimates) = (unitValues ?? UnitValues.None).Fill(lines, year, notes);
        var origins = lines.Select(l => l.Partner).Distinct().ToDictionary(p => p, p => TradeIndicators.RatingOrigin(policy, p, notes));
        var inAggregate = TradeIndicators.CountedElsewhere(policy, origins.Keys, notes);
        var calendar = ChangeCalendar.Build(policy, rater.Importer, rater.Schedule, lines.Select(l => l.Code).Distinct().ToList(), from, through);
        var shareDates = origins.Keys.SelectMany(p => basis.ChangeDates(p, from, through)).ToHashSet();
        var starts = calendar.Dates.Concat(shareDates).Distinct().Order().ToList();
        var segments = starts.Select((d, i) => new ValidationSegment(d, i + 1 < starts.Count ? starts[i + 1].AddDays(-1) : through,
                [.. calendar.Describe(d), .. shareDates.Contains(d) ? new[] { $"claim shares of {d:yyyy-MM}" } : []]))
            .ToImmutableArray();
        var rated = new (TradeIndicators.WeightedLine Line, LineRating Rating)[lines.Count];
        Parallel.For(0, lines.Count, i =>
        {
            var (line, origin) = (lines[i], origins[lines[i].Partner]);
            var program = basis.Assumption == ClaimAssumption.None ? null : basis.ProgramOf(line.Partner);
            var parts = new (LineRating Rating, int Days)[segments.Length];
            LineRating? unclaimed = null, claimed = null;
            for (int k = 0; k < segments.Length; k++)
            {
                var day = segments[k].From;
                if (k == 0 || calendar.Touches(day, origin, line.Code))
                {
                    unclaimed = rater.Rate(line.Code, origin, day, line.QuantityPerValue);
                    claimed = null;
                }
                var share = program is null ? 0m : basis.ClaimedShare(line.Partner, line.Code, day);
                if (share > 0 && claimed is null) claimed = rater.Rate(line.Code, origin, day, line.QuantityPerValue, program);
                parts[k] = (ClaimBasis.Blend(unclaimed!, claimed, share), segments[k].Days);
            }
            var average = Average(parts);
            rated[i] = (line, line.EstimatedFrom is not null && average.IsRated ? average with { QuantityEstimated = true } : average);
        });

        ValidationRow Row(string group, IEnumerable<(TradeIndicators.WeightedLine Line, LineRating Rating)> xs)
        {
            var totals = new IndicatorTotals();
            decimal collected = 0, computed = 0, additional = 0;
            foreach (var (l, r) in xs)
            {
                totals.Add(l.Value, r);
                collected += l.DutyCollected ?? 0;
                computed += r.Total * l.Value;
                additional += r.Additional * l.Value;
            }
            var p = totals.ToPoint(from, group, policy);
            return new ValidationRow(group, p.TradeValue, collected, computed, computed - additional, additional, 1 - p.RatedShare, p.Families);
        }

        var partners = rated.GroupBy(x => x.Line.Partner).Select(g => Row(g.Key, g)).OrderByDescending(r => r.Value).ToImmutableArray();
        var counted = rated.Where(x => !inAggregate.Contains(x.Line.Partner)).ToList();
        var chapters = counted.GroupBy(x => TradeIndicators.Chapter(x.Line.Code)).Select(g => Row(g.Key, g)).OrderBy(r => r.Group, StringComparer.Ordinal).ToImmutableArray();
        int Order(string family) => policy.Families.TryGetValue(family, out var f) ? f.Order : int.MaxValue;
        var byMeasures = counted.GroupBy(x => x.Rating.IsRated ? (x.Rating.Families.IsEmpty ? "none" : string.Join("+", x.Rating.Families.Select(f => f.Family).OrderBy(Order).ThenBy(f => f, StringComparer.Ordinal)))
                + (x.Rating.BaseIncomplete ? " (specific base, no quantity)" : x.Rating.QuantityEstimated ? " (quantity estimated)" : "") : "not rated")
            .Select(g => Row(g.Key, g)).OrderByDescending(r => r.Value).ToImmutableArray();
        if (lines.Any(l => l.DutyCollected is null)) notes.Add("some flows carry no collected duty: they count as 0 collected");
        var summary = basis.Summary();
        notes.Add($"claims: {summary.Description}");
        return new ValidationReport(from, through, policy.Name, year, Row("all", counted), partners, chapters, byMeasures, segments, [.. notes.Distinct()])
        { Claims = summary, QuantityEstimates = estimates };
    }

    /// <summary>
    /// A line's ratings over spans of days, averaged by days: each rate (additional, total, each family's duty and
    /// covered share) is Σ rate × days / Σ days. A family charged on some spans only keeps its days' weight, so
    /// its average rate is lower than its rate. A line the engine cannot rate on some span is reported unrated as a
    /// whole (the schedule decides that, and it does not change within a year of one revision).
    /// </summary>
    public static LineRating Average(IReadOnlyList<(LineRating Rating, int Days)> parts)
    {
        if (parts.Count == 0) throw new ArgumentException("no span to average");
        if (parts.Sum(p => (decimal)p.Days) <= 0) throw new ArgumentException("spans must have days");
        return LineRating.Mean([.. parts.Select(p => (p.Rating, (decimal)p.Days))]);
    }
}
