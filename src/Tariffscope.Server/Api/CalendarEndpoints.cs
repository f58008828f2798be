using System.ComponentModel;
using Tariffscope.Engine;
using Tariffscope.Policy;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

public sealed record DeadlinesDoc(DateOnly From, int Days, DateOnly Until, string Scenario, string? Importer, string? Origin, DateOnly Horizon, IReadOnlyList<EventDoc> Events);
public sealed record ChangesDoc(DateOnly Since, DateOnly Until, string Scenario, string? Importer, string? Origin, IReadOnlyList<EventDoc> TookEffect, IReadOnlyList<EventDoc> Published);

/// <summary><c>/api/v1/deadlines</c> (what changes next) and <c>/api/v1/changes</c> (what changed), from the rules' dated events.</summary>
public static class CalendarEndpoints
{
    public static void Map(RouteGroupBuilder api, ApiFeatures features)
    {
        api.MapGet("/deadlines", Deadlines)
            .WithName("Deadlines").WithTags("Calendar")
            .WithSummary("Dated changes written into the rules within a window: measures starting, rates changing, truces ending (snap-backs) and extensions")
            .Produces<DeadlinesDoc>().ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/changes", Changes)
            .WithName("Changes").WithTags("Calendar")
            .WithSummary("What took effect, and what was published, in (since, until]")
            .Produces<ChangesDoc>().ProducesProblem(400).ProducesProblem(404);
        features.Add("deadlines");
        features.Add("changes");
    }

    private static IResult Deadlines(Rulebook store, Today clock,
        [Description("First day of the window, YYYY-MM-DD (default: today)")] string? from,
        [Description("Length of the window in days, 1 to 3660 (default 90)")] string? days,
        [Description("Only this importer's measures (US or CN)")] string? importer,
        [Description("Only measures that reach this origin (CN)")] string? origin,
        [Description("Scenario (default: actual)")] string? scenario)
    {
        var args = new QueryArgs();
        var start = args.Date("from", from, clock.Date);
        var n = args.Int("days", days, 90, 1, 3660);
        var imp = args.Country("importer", importer);
        var org = args.Country("origin", origin);
        if (args.Failed(out var invalid)) return invalid;
        var name = scenario ?? ScenarioCatalog.Actual;
        try
        {
            var policy = store.Catalog.Resolve(name);
            var events = PolicyEvents.Deadlines(policy, start, n, imp, org).Select(e => EventDoc.From(e, start)).ToList();
            return TypedResults.Ok(new DeadlinesDoc(start, n, start.AddDays(n - 1), policy.Name, imp, org, policy.Horizon, events));
        }
        catch (ScenarioException e) { return Problems.UnknownScenario(e); }
    }

    private static IResult Changes(Rulebook store, Today clock,
        [Description("Changes after this day, YYYY-MM-DD")] string? since,
        [Description("Up to and including this day, YYYY-MM-DD (default: today)")] string? until,
        [Description("Only this importer's measures (US or CN)")] string? importer,
        [Description("Only measures that reach this origin (CN)")] string? origin,
        [Description("Scenario (default: actual)")] string? scenario)
    {
        var args = new QueryArgs();
        var start = args.RequiredDate("since", since, "2025-08-01");
        var end = args.Date("until", until, clock.Date);
        var imp = args.Country("importer", importer);
        var org = args.Country("origin", origin);
        if (!args.Failed(out _)) args.Check(end >= start, "until", $"must not be before since ({start:yyyy-MM-dd})");
        if (args.Failed(out var invalid)) return invalid;
        try
        {
            var policy = store.Catalog.Resolve(scenario ?? ScenarioCatalog.Actual);
            var (took, published) = PolicyEvents.Changes(policy, start, end, imp, org);
            return TypedResults.Ok(new ChangesDoc(start, end, policy.Name, imp, org,
                took.Select(e => EventDoc.From(e)).ToList(), published.Select(e => EventDoc.From(e)).ToList()));
        }
        catch (ScenarioException e) { return Problems.UnknownScenario(e); }
    }
}
