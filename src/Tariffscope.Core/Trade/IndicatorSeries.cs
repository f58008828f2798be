using System.Collections.Immutable;
using Tariffscope.Engine;

namespace Tariffscope.Trade;

/// <summary>How the rows of a series are split beside the all-partner total.</summary>
public enum IndicatorGrouping { None, Partner, Chapter, Measure }

/// <summary>The question: an importer's trade-weighted tariffs on every change date in [From, To].</summary>
/// <param name="Claims">A special programme assumed claimed on every line of a partner that offers it (e.g. CA → S,
/// USMCA): the bound with every eligible claim made. <see cref="Basis"/>, when given, says the assumption instead
/// (expected duty from claim shares, none, or all).</param>
public sealed record IndicatorRequest(string Importer, DateOnly From, DateOnly To, IndicatorGrouping By = IndicatorGrouping.Partner,
    IReadOnlyDictionary<string, string>? Claims = null)
{
    /// <summary>The claim assumption; without it, <see cref="Claims"/> (all claimed for those partners) or no claims.</summary>
    public ClaimBasis? Basis { get; init; }

    /// <summary>Unit values that estimate the quantity of lines whose flows report none (null or
    /// <see cref="Trade.UnitValues.None"/>: no estimate, specific bases count as 0 — the lower bound).</summary>
    public UnitValues? UnitValues { get; init; }

    public ClaimBasis EffectiveBasis => Basis ?? (Claims is { Count: > 0 } c ? ClaimBasis.All(c) : ClaimBasis.NoClaims);
}

/// <summary>Value that could not be rated for one reason, as a share of the group's value, with one example.</summary>
public sealed record UnratedShare(RatingProblem Problem, decimal Share, decimal Value, string Example);

/// <summary>One measure family in a group: the share of value it is charged on, its part of the average
/// additional rate (the parts add up to the additional rate), and its static revenue per year.</summary>
public sealed record FamilyCoverage(string Family, string Title, decimal CoveredShare, decimal Rate, decimal Revenue);

/// <summary>
/// The trade-weighted tariff of one group (all partners, one partner or one HS chapter) on one date, with fixed
/// base-year weights: sum(rate × M) / sum(M). Lines the engine cannot rate count as 0% and are reported as a share
/// by reason; the averages over rated value alone are given beside. Revenue is static: rate × base-year value.
/// <see cref="BaseNeedsQuantityShare"/> is the value whose base rate is specific with no quantity known: its
/// additional duty is in the averages, its base only by its ad valorem part, so the total is a lower bound.
/// </summary>
public sealed record IndicatorPoint(
    DateOnly Date,
    string Group,
    decimal TradeValue,
    decimal AdditionalRate,
    decimal TotalRate,
    decimal RatedShare,
    decimal? AdditionalRateRated,
    decimal? TotalRateRated,
    decimal AdditionalRevenue,
    decimal TotalRevenue,
    decimal EightDigitShare,
    decimal BaseNeedsQuantityShare,
    ImmutableArray<UnratedShare> Unrated,
    ImmutableArray<FamilyCoverage> Families)
{
    public const string AllGroup = "all";

    /// <summary>The low bound of <see cref="AdditionalRate"/> and <see cref="TotalRate"/>: the same average with every
    /// line's listed exclusion claimed (a Section 301 exclusion covers only the product its text names, so which
    /// goods of the line it took out is not known). Equal to the rates when no line has one.</summary>
    public decimal AdditionalRateLow { get; init; }
    public decimal TotalRateLow { get; init; }
    /// <summary>The share of value on lines that an exclusion names, whose rate is that range.</summary>
    public decimal ExcludableShare { get; init; }
    /// <summary>The share of value whose quantity was estimated from a unit value (its specific base counted at an
    /// ad valorem equivalent rather than 0); see <see cref="IndicatorSeries.QuantityEstimates"/>.</summary>
    public decimal EstimatedQuantityShare { get; init; }
}

/// <summary>What the computation cost: lines, dates, quotes made, ratings shared between partners the rules treat
/// alike, ratings kept from the date before (no change reached the line); the time to find the change dates
/// (comparing schedule revisions) and in all. Quotes + shared + reused = lines × dates.</summary>
public sealed record IndicatorStats(int Lines, int Partners, int Dates, long Quotes, long Shared, long Reused, TimeSpan Calendar, TimeSpan Elapsed);

/// <summary>A series of trade-weighted indicators under one scenario.</summary>
public sealed record IndicatorSeries(
    string Scenario,
    string Importer,
    int BaseYear,
    DateOnly From,
    DateOnly To,
    IndicatorGrouping By,
    ImmutableArray<DateOnly> Dates,
    ImmutableArray<IndicatorPoint> Totals,
    ImmutableArray<IndicatorPoint> Groups,
    ImmutableArray<string> Notes,
    IndicatorStats Stats)
{
    /// <summary>Which claims the series assumed (expected, none or all), in words.</summary>
    public ClaimSummary Claims { get; init; } = ClaimBasis.NoClaims.Summary();

    /// <summary>The lines rated with a quantity estimated from a unit value, one entry per unit value (empty: none,
    /// specific bases without a quantity count as 0).</summary>
    public ImmutableArray<QuantityEstimate> QuantityEstimates { get; init; } = [];

    /// <summary>The all-partner point in force on a date (the last change on or before it).</summary>
    public IndicatorPoint? TotalOn(DateOnly date) => Totals.LastOrDefault(p => p.Date <= date);

    /// <summary>A group's point in force on a date.</summary>
    public IndicatorPoint? GroupOn(string group, DateOnly date) =>
        Groups.LastOrDefault(p => p.Group == group && p.Date <= date);

    /// <summary>
    /// Only the points in force on <paramref name="dates"/>, each re-dated to the day asked: the series as it reads on
    /// those days (every output of it, table, JSON or CSV, then agrees). No dates: the series as it is.
    /// </summary>
    public IndicatorSeries On(IReadOnlyList<DateOnly> dates)
    {
        if (dates.Count == 0) return this;
        var groups = Groups.Select(g => g.Group).Distinct().ToList();
        return this with
        {
            Dates = [.. dates],
            Totals = [.. dates.Select(d => TotalOn(d) is { } p ? p with { Date = d } : null).OfType<IndicatorPoint>()],
            Groups = [.. dates.SelectMany(d => groups.Select(g => GroupOn(g, d) is { } p ? p with { Date = d } : null)).OfType<IndicatorPoint>()],
        };
    }
}
