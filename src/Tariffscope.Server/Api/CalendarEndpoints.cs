using System.ComponentModel;
using Tariffscope.Engine;
using Tariffscope.Policy;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;


/// <summary><c>/api/v1/deadlines</c> (what changes next) and <c>/api/v1/changes</c> (what changed), from the rules' dated events.</summary>
public static class CalendarEndpoints
{
    public static void Map(RouteGroupBuilder api, ApiFeatures features)
    {
        api.MapGet("/deadlines", Deadlines)
            .WithName("Deadlines").WithTags("Calendar")
            .WithSummary("Dated changes written into the rules within a window: measures starting, rates changing, truces ending (snap-backs) and extensions")
            .Produces<DeadlinesAnswer>().ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/changes", Changes)
            .WithName("Changes").WithTags("Calendar")
            .WithSummary("What took effect, and what was published, in (since, until]")
            .Produces<ChangesAnswer>().ProducesProblem(400).ProducesProblem(404);
        features.Add("deadlines");
        features.Add("changes");
    }

    private static IResult Deadlines(Rulebook store, TradeData trade,
        [Description("First day of the window, YYYY-MM-DD (default: today)")] string? from,
        [Description("Length of the window in days, 1 to 3660 (default 90)")] string? days,
        [Description("Only this importer's measures (US or CN)")] string? importer,
        [Description("Only measures that reach this origin (CN)")] string? origin,
        [Description("Scenario (default: actual)")] string? scenario)
    {
        var args = new QueryArgs();
        var start = args.OptionalDate("from", from);
        var n = args.Int("days", days, 90, 1, 3660);
        var imp = args.Country("importer", importer);
        if (args.Failed(out var invalid)) return invalid;
        try
        {
            return TypedResults.Ok(new DeadlinesQuestion(store, trade).Ask(new DeadlinesRequest
            {
                From = start, Days = n, Importer = imp, Origin = origin, Scenario = scenario ?? ScenarioCatalog.Actual,
            }));
        }
        catch (ScenarioException e) { return Problems.UnknownScenario(e); }
        catch (UnknownOriginException e) { return Problems.BadRequest(e.Message, "origin"); }
    }

    private static IResult Changes(Rulebook store,
        [Description("Changes after this day, YYYY-MM-DD")] string? since,
        [Description("Up to and including this day, YYYY-MM-DD (default: today)")] string? until,
        [Description("Only this importer's measures (US or CN)")] string? importer,
        [Description("Only measures that reach this origin (CN)")] string? origin,
        [Description("Scenario (default: actual)")] string? scenario)
    {
        var args = new QueryArgs();
        var start = args.RequiredDate("since", since, "2025-08-01");
        var end = args.OptionalDate("until", until);
        var imp = args.Country("importer", importer);
        if (!args.Failed(out _) && end is { } e0) args.Check(e0 >= start, "until", $"must not be before since ({start:yyyy-MM-dd})");
        if (args.Failed(out var invalid)) return invalid;
        try
        {
            return TypedResults.Ok(new ChangesQuestion(store).Ask(new ChangesRequest(start)
            {
                Until = end, Importer = imp, Origin = origin, Scenario = scenario ?? ScenarioCatalog.Actual,
            }));
        }
        catch (ScenarioException e) { return Problems.UnknownScenario(e); }
        catch (UnknownOriginException e) { return Problems.BadRequest(e.Message, "origin"); }
        catch (ArgumentException e) { return Problems.BadRequest(e.Message, "until"); }
    }
}
