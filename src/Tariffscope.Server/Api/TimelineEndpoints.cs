using System.ComponentModel;
using Tariffscope.Engine;
using Tariffscope.Policy;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

/// <summary>One step: from this date the line owes <see cref="Total"/> (<see cref="RateAfter"/> of value), because of the causes.</summary>

/// <summary><c>/api/v1/timeline</c>: a line's duty over time under one or more scenarios, each step with its causes.</summary>
public static class TimelineEndpoints
{
    public const int MaxScenarios = TimelineQuestion.MaxScenarios;

    public static void Map(RouteGroupBuilder api, ApiFeatures features)
    {
        api.MapGet("/timeline", Get)
            .WithName("Timeline").WithTags("Timeline")
            .WithSummary("Every date on which the duty on one line changes, for each scenario asked, with the layers and the causes of each step")
            .Produces<TimelineDoc>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(422).ProducesProblem(429)
            .RequireRateLimiting(TariffscopeServer.ExpensivePolicy);
        features.Add("timeline");
    }

    private static IResult Get(Rulebook store,
        [Description("Tariff code, 8 or 10 digits")] string? code,
        [Description("Country of origin, two letters (CN)")] string? origin,
        [Description("First day, YYYY-MM-DD (default: the schedule's first day)")] string? from,
        [Description("Last day, YYYY-MM-DD (default: two years after from)")] string? to,
        [Description("Scenarios to compare (repeat; default: actual); at most 6")] string[]? scenarios,
        [Description("Customs value in US dollars (default 10000)")] string? value,
        [Description("Share of value that is steel, aluminium or copper, 0 to 1")] string? metalShare,
        [Description("Importing country: US (default) or CN")] string? importer)
    {
        var args = new QueryArgs();
        var imp = args.Country("importer", importer, "US")!;
        var schedule = store.Workspace.Schedules.TryGetValue(imp, out var s) ? s : null;
        args.Check(schedule is not null, "importer", $"no schedule is loaded for {imp}; known: {string.Join(", ", store.Workspace.Schedules.Keys)}");
        var start = args.Date("from", from, schedule?.Revisions[0].EffectiveDate ?? default);
        var end = args.Date("to", to, start.AddYears(2).AddDays(-1));
        args.Check(end >= start, "to", $"must not be before from ({start:yyyy-MM-dd})");
        args.Check(end.DayNumber - start.DayNumber <= 366 * 20, "to", "a timeline spans at most 20 years");
        var names = (scenarios ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0) names.Add(ScenarioCatalog.Actual);
        args.Check(names.Count <= MaxScenarios, "scenarios", $"at most {MaxScenarios} scenarios at once (found {names.Count})");
        var line = QuoteEndpoints.ToRequest(new QuoteRequestBody(code, origin, start.ToString("yyyy-MM-dd"),
            args.Decimal("value", value, 0, 1_000_000_000_000m, "a customs value in US dollars of 0 or more"), null,
            args.Decimal("metalShare", metalShare, 0, 1, "a fraction from 0 to 1"), null, imp, null, null), args, store);
        if (args.Failed(out var invalid)) return invalid;
        try { return TypedResults.Ok(new TimelineQuestion(store).Ask(new TimelineRequest(line!, start, end) { Scenarios = names })); }
        catch (ScenarioException e) { return Problems.UnknownScenario(e, "scenarios"); }
        catch (UnknownOriginException e) { return Problems.BadRequest(e.Message, "origin"); }
        catch (RatingException e) { return Problems.Rating(e); }
    }
}
