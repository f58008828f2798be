using System.ComponentModel;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

/// <summary><c>/api/v1/schedule/search</c> and <c>/api/v1/schedule/lines/{code}</c>: find and read lines of the US schedule.</summary>
public static class ScheduleEndpoints
{
    public static void Map(RouteGroupBuilder api, ApiFeatures features)
    {
        api.MapGet("/schedule/search", Search)
            .WithName("SearchSchedule").WithTags("Schedule")
            .WithSummary("Lines whose description path holds all the words given (or lines under a code prefix), best first")
            .Produces<SearchView>().ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/schedule/lines/{code}", Show)
            .WithName("ShowLine").WithTags("Schedule")
            .WithSummary("A line of the schedule: description path, rates as printed and as read, units, notes, Chapter 99 references")
            .Produces<LineView>().ProducesProblem(400).ProducesProblem(404);
        features.Add("schedule");
    }

    private static IResult Search(Rulebook store, Today clock,
        [Description("Words to find (all must occur), or a code prefix such as 8471.30")] string? q,
        [Description("Schedule date, YYYY-MM-DD (default: today)")] string? date,
        [Description("At most this many lines, 1 to 100 (default 20)")] string? limit)
    {
        var args = new QueryArgs();
        var text = args.Required("q", q, "lithium batteries");
        var day = args.Date("date", date, clock.Date);
        var max = args.Int("limit", limit, 20, 1, 100);
        if (text is { Length: > 200 }) args.Check(false, "q", "at most 200 characters");
        if (args.Failed(out var invalid)) return invalid;
        try { return TypedResults.Ok(new ScheduleQuestion(store.Workspace.UsSchedule).Search(text!, day, max)); }
        catch (RatingException e) { return Problems.Rating(e); }
    }

    private static IResult Show(Rulebook store, Today clock,
        [Description("HTS code, 4 to 10 digits, dots optional")] string code,
        [Description("Schedule date, YYYY-MM-DD (default: today)")] string? date)
    {
        var args = new QueryArgs();
        var c = args.Code("code", code);
        var day = args.Date("date", date, clock.Date);
        if (args.Failed(out var invalid)) return invalid;
        try { return TypedResults.Ok(new ScheduleQuestion(store.Workspace.UsSchedule).Show(c, day)); }
        catch (RatingException e) { return Problems.Rating(e); }
    }
}
