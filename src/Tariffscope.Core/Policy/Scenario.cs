using System.Collections.Immutable;

namespace Tariffscope.Policy;

/// <summary>Overrides of one kind of record: ids to remove, records to add, and field changes by id.</summary>
public sealed record Overrides<T>(ImmutableArray<string> Remove, ImmutableArray<T> Add, ImmutableArray<T> Change)
{
    public static Overrides<T> None { get; } = new([], [], []);
    public bool IsEmpty => Remove.IsEmpty && Add.IsEmpty && Change.IsEmpty;
}

/// <summary>A change to a suspension: a new end date, a new start, or new points; unset fields stay.</summary>
public sealed record SuspensionChange(string Id, DateOnly? From, DateOnly? Through, bool ClearThrough, decimal? Points, string? Origin);

/// <summary>A change to a measure: a new end date, or rate periods added/replaced from a date on.</summary>
public sealed record MeasureChange(string Id, DateOnly? Through, bool ClearThrough, ImmutableArray<RatePeriod> Rates, string? Origin);

/// <summary>
/// A what-if: a named set of overrides applied to another scenario (in the end, to the actual timeline).
/// </summary>
public sealed record Scenario
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public string Inherits { get; init; } = "actual";
    public ImmutableArray<string> RemoveMeasures { get; init; } = [];
    public ImmutableArray<Measure> AddMeasures { get; init; } = [];
    public ImmutableArray<MeasureChange> ChangeMeasures { get; init; } = [];
    public ImmutableArray<string> RemoveSuspensions { get; init; } = [];
    public ImmutableArray<Suspension> AddSuspensions { get; init; } = [];
    public ImmutableArray<SuspensionChange> ChangeSuspensions { get; init; } = [];
    /// <summary>Where the scenario was read from.</summary>
    public string? Origin { get; init; }
}
