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
}
