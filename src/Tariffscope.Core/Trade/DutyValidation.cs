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

/// <remarks><see cref="ByMeasures"/> groups lines by the measure families the engine charged on them ("none": base
/// rate only), which separates what the schedule alone explains from what exclusions and claims take off a measure.</remarks>
public sealed record ValidationReport(DateOnly Date, string Scenario, int Year, ValidationRow Total,
    ImmutableArray<ValidationRow> Partners, ImmutableArray<ValidationRow> Chapters, ImmutableArray<ValidationRow> ByMeasures, ImmutableArray<string> Notes);

/// <summary>
/// Checks the engine against the record: rates every base-year line with the rules in force on one date of that year
/// and compares the static duty (rate × value) with the duty customs collected, per partner and per HS chapter.
/// The engine cannot know what lowers collected duty below the statutory rate (free-trade and preference claims,
/// Section 301 exclusions, drawback, foreign-trade zones), nor what a specific rate owes without quantities; the
/// gaps measure those.
/// </summary>
public static class DutyValidation
{
    public static ValidationReport Run(LineRater rater, IEnumerable<TradeFlow> flows, DateOnly date)
    {
        var policy = rater.Engine.Policy;
        var (lines, year) = TradeIndicators.Weigh(flows, rater.Importer);
        var notes = new List<string>();
        var origins = lines.Select(l => l.Partner).Distinct().ToDictionary(p => p, p => TradeIndicators.RatingOrigin(policy, p, notes));
        var inAggregate = TradeIndicators.CountedElsewhere(policy, origins.Keys, notes);
        var rated = new (TradeIndicators.WeightedLine Line, LineRating Rating)[lines.Count];
        Parallel.For(0, lines.Count, i => rated[i] = (lines[i], rater.Rate(lines[i].Code, origins[lines[i].Partner], date, lines[i].QuantityPerValue)));

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
            var p = totals.ToPoint(date, group, policy);
            return new ValidationRow(group, p.TradeValue, collected, computed, computed - additional, additional, 1 - p.RatedShare, p.Families);
        }

        var partners = rated.GroupBy(x => x.Line.Partner).Select(g => Row(g.Key, g)).OrderByDescending(r => r.Value).ToImmutableArray();
        var counted = rated.Where(x => !inAggregate.Contains(x.Line.Partner)).ToList();
        var chapters = counted.GroupBy(x => TradeIndicators.Chapter(x.Line.Code)).Select(g => Row(g.Key, g)).OrderBy(r => r.Group, StringComparer.Ordinal).ToImmutableArray();
        var byMeasures = counted.GroupBy(x => x.Rating.IsRated ? (x.Rating.Families.IsEmpty ? "none" : string.Join("+", x.Rating.Families.Select(f => f.Family)))
                + (x.Rating.BaseIncomplete ? " (specific base, no quantity)" : "") : "not rated")
            .Select(g => Row(g.Key, g)).OrderByDescending(r => r.Value).ToImmutableArray();
        if (lines.Any(l => l.DutyCollected is null)) notes.Add("some flows carry no collected duty: they count as 0 collected");
        return new ValidationReport(date, policy.Name, year, Row("all", counted), partners, chapters, byMeasures, [.. notes.Distinct()]);
    }
}
