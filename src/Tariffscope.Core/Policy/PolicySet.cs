using System.Collections.Immutable;

namespace Tariffscope.Policy;

/// <summary>
/// Everything the engine needs to know about measures: families, measures, suspensions, product lists, country
/// groups, and how far the data's knowledge reaches (its horizon). Immutable; a scenario makes a new one.
/// </summary>
public sealed record PolicySet
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    /// <summary>The last date the data's authors checked; answers about later dates carry a warning.</summary>
    public required DateOnly Horizon { get; init; }
    /// <summary>Each policy file's own horizon, by file name (the set's <see cref="Horizon"/> is the earliest).</summary>
    public ImmutableDictionary<string, DateOnly> FileHorizons { get; init; } = ImmutableDictionary<string, DateOnly>.Empty;
    public ImmutableDictionary<string, MeasureFamily> Families { get; init; } = ImmutableDictionary<string, MeasureFamily>.Empty;
    public ImmutableArray<Measure> Measures { get; init; } = [];
    public ImmutableArray<Suspension> Suspensions { get; init; } = [];
    public ImmutableDictionary<string, ProductList> Lists { get; init; } = ImmutableDictionary<string, ProductList>.Empty;
    public ImmutableDictionary<string, CountryGroup> Groups { get; init; } = ImmutableDictionary<string, CountryGroup>.Empty;
    /// <summary>Per importer, the origins charged at the column 2 ("other") rate instead of the general one.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Column2Origins { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    public Measure? FindMeasure(string id) => Measures.FirstOrDefault(m => m.Id == id);
    public Suspension? FindSuspension(string id) => Suspensions.FirstOrDefault(s => s.Id == id);

    /// <summary>Merges another policy file's content into this one (ids must stay unique; the caller checks).</summary>
    public PolicySet Merge(PolicySet other) => this with
    {
        Horizon = other.Horizon < Horizon ? other.Horizon : Horizon,
        FileHorizons = FileHorizons.SetItems(other.FileHorizons),
        Families = Families.SetItems(other.Families),
        Measures = Measures.AddRange(other.Measures),
        Suspensions = Suspensions.AddRange(other.Suspensions),
        Lists = Lists.SetItems(other.Lists),
        Groups = Groups.SetItems(other.Groups),
        Column2Origins = Column2Origins.SetItems(other.Column2Origins),
    };

    /// <summary>The rules as they were known on <paramref name="date"/>: only what had been published by then.</summary>
    public PolicySet AsKnownOn(DateOnly date) => this with
    {
        Name = $"{Name} (as known on {date:yyyy-MM-dd})",
        Measures = Measures.Where(m => m.PublishedOn <= date)
            .Select(m => m.Rates.All(r => r.Published is null || r.Published <= date) ? m
                : m with { Rates = m.Rates.Where(r => r.Published is null || r.Published <= date).ToImmutableArray() })
            .ToImmutableArray(),
        Suspensions = Suspensions.Where(s => s.PublishedOn <= date).ToImmutableArray(),
    };
}
