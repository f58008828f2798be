using System.Collections.Immutable;
using Tariffscope.Engine;

namespace Tariffscope.Trade;

/// <summary>The duty of one measure family on a line, as fractions of the line's value.</summary>
public readonly record struct FamilyRate(string Family, decimal Rate, decimal Share);

/// <summary>
/// The rates of one (product, partner) line on one date, as fractions of value: additional duty (every Chapter 99
/// layer), total duty (with the base rate), and each family's part. A line the engine cannot rate carries the
/// problem instead, and counts as 0% in the averages.
/// </summary>
/// <remarks><see cref="BaseIncomplete"/>: the base rate is specific and no quantity is known, so the total holds only
/// its ad valorem part (a lower bound); the additional duty is complete.</remarks>
public sealed record LineRating(decimal Additional, decimal Total, ImmutableArray<FamilyRate> Families, RatingProblem? Problem, string? Why, bool AtEightDigits)
{
    public bool BaseIncomplete { get; init; }
    /// <summary>The line's quantity was estimated from a unit value (<see cref="UnitValues"/>): its specific base
    /// counts at an ad valorem equivalent, not at a quantity the record reports.</summary>
    public bool QuantityEstimated { get; init; }
    /// <summary>The rates with the line's listed exclusion claimed (a Section 301 exclusion naming a product narrower
    /// than the line), or null when none is available: the line is then a range from these to the rates above.</summary>
    public decimal? AdditionalLow { get; init; }
    public decimal? TotalLow { get; init; }

    public bool IsRated => Problem is null;

    public static LineRating Unrated(RatingProblem problem, string why) => new(0m, 0m, [], problem, why, false);

    /// <summary>The rates of a quote (rates are value-linear, so a quote at any value gives them).</summary>
    public static LineRating From(Quote q, bool atEightDigits)
    {
        var v = q.Entry.CustomsValue;
        if (v == 0) return new(0m, 0m, [], null, null, atEightDigits);
        // per family, in the order the layers come: the sum of its amounts and its largest share (a handful of
        // layers, so a linear search beats grouping)
        var families = ImmutableArray.CreateBuilder<FamilyRate>(q.Layers.Length);
        decimal total = 0, additional = 0;
        foreach (var l in q.Layers)
        {
            total += l.Amount;
            if (l.IsBase) continue;
            additional += l.Amount;
            int at = 0;
            while (at < families.Count && families[at].Family != l.Family) at++;
            if (at == families.Count) families.Add(new FamilyRate(l.Family, l.Amount, l.Share));
            else families[at] = families[at] with { Rate = families[at].Rate + l.Amount, Share = Math.Max(families[at].Share, l.Share) };
        }
        for (int i = 0; i < families.Count; i++) families[i] = families[i] with { Rate = families[i].Rate / v };
        return new(additional / v, total / v, families.DrainToImmutable(), null, null, atEightDigits);
    }

    /// <summary>
    /// Ratings weighted: each rate (additional, total, each family's duty and covered share) is Σ rate × weight /
    /// Σ weight. Used for spans of days (weights: days) and for claimed and unclaimed parts of a line (weights: the
    /// claimed share and the rest). A family charged on some parts only keeps its parts' weight. When any part
    /// carries weight and cannot be rated, the line is unrated as a whole (the schedule decides that for every part).
    /// </summary>
    public static LineRating Mean(IReadOnlyList<(LineRating Rating, decimal Weight)> parts)
    {
        if (parts.Count == 0) throw new ArgumentException("no rating to weigh");
        if (parts.Count == 1) return parts[0].Rating;
        decimal weight = 0;
        foreach (var p in parts)
        {
            if (p.Weight < 0) throw new ArgumentException("weights cannot be negative");
            weight += p.Weight;
        }
        if (weight <= 0) throw new ArgumentException("the weights add up to nothing");
        if (parts.FirstOrDefault(p => p.Weight > 0 && !p.Rating.IsRated).Rating is { } unrated) return unrated;
        var live = parts.Where(p => p.Weight > 0).ToList();
        if (live.Count == 1) return live[0].Rating;
        decimal Mean(Func<LineRating, decimal> f) => live.Sum(p => f(p.Rating) * p.Weight) / weight;
        var families = live.SelectMany(p => p.Rating.Families.Select(f => f.Family)).Distinct(StringComparer.Ordinal)
            .Select(name =>
            {
                FamilyRate? Of(LineRating r) => r.Families.Cast<FamilyRate?>().FirstOrDefault(f => f!.Value.Family == name);
                return new FamilyRate(name, Mean(r => Of(r)?.Rate ?? 0), Mean(r => Of(r)?.Share ?? 0));
            }).ToImmutableArray();
        return new LineRating(Mean(r => r.Additional), Mean(r => r.Total), families, null, null, live.Any(p => p.Rating.AtEightDigits))
        {
            BaseIncomplete = live.Any(p => p.Rating.BaseIncomplete),
            QuantityEstimated = live.Any(p => p.Rating.QuantityEstimated),
        };
    }
}
