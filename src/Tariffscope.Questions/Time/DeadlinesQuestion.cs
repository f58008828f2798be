using Tariffscope.Engine;
using Tariffscope.Policy;
using Tariffscope.Questions.Trade;

namespace Tariffscope.Questions.Time;

public sealed record DeadlinesRequest
{
    /// <summary>First day of the window; today (US Eastern) when not given.</summary>
    public DateOnly? From { get; init; }
    public int Days { get; init; } = 90;
    public string? Importer { get; init; }
    public string? Origin { get; init; }
    /// <summary>Only events whose measure reaches lines under this HS prefix.</summary>
    public string? Hs { get; init; }
    public string Scenario { get; init; } = ScenarioCatalog.Actual;
    public DateOnly? AsKnownOn { get; init; }
}

/// <summary>The dated changes written into the rules within a window, each with the base-year trade it touches when
/// trade is held.</summary>
public sealed record DeadlinesAnswer(
    DateOnly From, int Days, DateOnly Until, string Scenario, string? Importer, string? Origin, DateOnly Horizon,
    IReadOnlyList<EventDoc> Events, IReadOnlyList<string> Notes);

public sealed class DeadlinesQuestion(Rulebook rules, TradeData trade)
{
    public DeadlinesAnswer Ask(DeadlinesRequest r)
    {
        if (r.Days is < 1 or > 3660) throw new ArgumentException($"days: expected 1 to 3660, found {r.Days}");
        var from = r.From ?? rules.Today.Date;
        var engine = rules.Engine(r.Scenario, r.AsKnownOn);
        var policy = engine.Policy;
        var importer = r.Importer?.Trim().ToUpperInvariant();
        var origin = r.Origin is null ? null : Policy.Origin.Resolve(policy, r.Origin);
        var events = PolicyEvents.Deadlines(policy, from, r.Days, importer, origin?.RatedAs)
            .Where(e => r.Hs is null || Feeds.EventFeed.Touches(policy, e, r.Hs)).ToList();
        var flows = trade.LatestFlows("US") is { } held ? new TradedLines(held) : null;
        // each event weighs every traded line: events are weighed side by side, in their order
        var docs = events.AsParallel().AsOrdered().Select(e => EventDoc.From(e, from) with
        {
            Trade = flows is not null && e.Importer == "US" ? TradeExposure.Of(engine, e, flows) : null,
        }).ToList();
        var notes = new List<string>();
        if (origin?.Note is { } n) notes.Add(n);
        if (from.AddDays(r.Days) > policy.Horizon) notes.Add($"the data's horizon is {policy.Horizon:yyyy-MM-dd}; later changes are not known");
        return new DeadlinesAnswer(from, r.Days, from.AddDays(r.Days - 1), policy.Name, importer, origin?.Asked, policy.Horizon, docs, notes);
    }
}

public sealed record ChangesRequest(DateOnly Since)
{
    /// <summary>Up to and including this day; today (US Eastern) when not given.</summary>
    public DateOnly? Until { get; init; }
    public string? Importer { get; init; }
    public string? Origin { get; init; }
    public string Scenario { get; init; } = ScenarioCatalog.Actual;
    public DateOnly? AsKnownOn { get; init; }
}

/// <summary>What took effect, and what was published, in (since, until].</summary>
public sealed record ChangesAnswer(DateOnly Since, DateOnly Until, string Scenario, string? Importer, string? Origin,
    IReadOnlyList<EventDoc> TookEffect, IReadOnlyList<EventDoc> Published);

public sealed class ChangesQuestion(Rulebook rules)
{
    public ChangesAnswer Ask(ChangesRequest r)
    {
        var until = r.Until ?? rules.Today.Date;
        if (until < r.Since) throw new ArgumentException($"until: must not be before since ({r.Since:yyyy-MM-dd})");
        var policy = rules.Engine(r.Scenario, r.AsKnownOn).Policy;
        var importer = r.Importer?.Trim().ToUpperInvariant();
        var origin = r.Origin is null ? null : Policy.Origin.Resolve(policy, r.Origin);
        var (took, published) = PolicyEvents.Changes(policy, r.Since, until, importer, origin?.RatedAs);
        return new ChangesAnswer(r.Since, until, policy.Name, importer, origin?.Asked,
            took.Select(e => EventDoc.From(e)).ToList(), published.Select(e => EventDoc.From(e)).ToList());
    }
}
