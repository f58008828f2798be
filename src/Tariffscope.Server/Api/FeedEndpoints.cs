using System.ComponentModel;
using Tariffscope.Policy;
using Tariffscope.Questions.Feeds;
using Tariffscope.Questions.Watch;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

/// <summary><c>/api/v1/calendar.ics</c> (coming deadlines for a calendar client) and <c>/api/v1/changes.atom</c> (changes for a feed reader).</summary>
public static class FeedEndpoints
{
    public static void Map(RouteGroupBuilder api, ApiFeatures features)
    {
        api.MapGet("/calendar.ics", Calendar)
            .WithName("CalendarFeed").WithTags("Calendar")
            .WithSummary("Coming deadlines and effective dates as an iCalendar (RFC 5545) feed, one all-day event each, to subscribe to from a calendar")
            .Produces<string>(200, ICalendarWriter.MediaType).ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/changes.atom", Changes)
            .WithName("ChangesFeed").WithTags("Calendar")
            .WithSummary("Changes as they entered the rules, by publication date, as an Atom (RFC 4287) feed")
            .Produces<string>(200, AtomWriter.MediaType).ProducesProblem(400).ProducesProblem(404);
        features.Add("feeds");
    }

    private static IResult Calendar(Rulebook rules, Today clock, Watchlists watchlists,
        [Description("First day, YYYY-MM-DD (default: today)")] string? from,
        [Description("Days ahead, 1 to 3660 (default 365)")] string? days,
        [Description("Only this importer's measures (US or CN)")] string? importer,
        [Description("Only measures that reach this origin (CN)")] string? origin,
        [Description("Only measures that can reach products under this HS/HTS prefix (8471, 8541.40)")] string? hs,
        [Description("Only events that touch this watchlist's lines and origins")] string? watchlist,
        [Description("Scenario (default: actual)")] string? scenario)
    {
        var args = new QueryArgs();
        var start = args.Date("from", from, clock.Date);
        var n = args.Int("days", days, 365, 1, 3660);
        var imp = args.Country("importer", importer);
        var org = args.Country("origin", origin);
        if (hs is not null) args.Check(Nomenclature.HtsCode.TryParse(hs) is not null, "hs", $"'{hs}' is not an HS prefix (2 to 10 digits, e.g. 8471)");
        Watchlist? w = null;
        if (watchlist is not null) { w = watchlists.Get(watchlist); args.Check(w is not null, "watchlist", $"there is no watchlist '{watchlist}'"); }
        if (args.Failed(out var invalid)) return invalid;
        try
        {
            var answer = new CalendarQuestion(rules).Ask(new(start, n, imp, org, hs, w, scenario ?? ScenarioCatalog.Actual));
            return Results.Text(answer.ICalendar, ICalendarWriter.MediaType + "; charset=utf-8");
        }
        catch (ScenarioException e) { return Problems.UnknownScenario(e); }
    }

    private static IResult Changes(HttpContext context, Rulebook rules, Today clock,
        [Description("Up to and including this day (default: today)")] string? until,
        [Description("Days back, 1 to 3660 (default 365)")] string? days,
        [Description("Only this importer's measures (US or CN)")] string? importer,
        [Description("Only measures that reach this origin (CN)")] string? origin,
        [Description("Scenario (default: actual)")] string? scenario)
    {
        var args = new QueryArgs();
        var end = args.Date("until", until, clock.Date);
        var n = args.Int("days", days, 365, 1, 3660);
        var imp = args.Country("importer", importer);
        var org = args.Country("origin", origin);
        if (args.Failed(out var invalid)) return invalid;
        var self = new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}");
        try
        {
            var answer = new ChangesFeedQuestion(rules).Ask(new(end, n, imp, org, scenario ?? ScenarioCatalog.Actual), self);
            return Results.Text(answer.Atom, AtomWriter.MediaType + "; charset=utf-8");
        }
        catch (ScenarioException e) { return Problems.UnknownScenario(e); }
    }
}
