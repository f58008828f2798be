using System.Text.Json.Serialization;
using Tariffscope.Policy;
using Tariffscope.Server.Http;
using Tariffscope.Questions.Replay;

namespace Tariffscope.Server.Api;

/// <summary>The body of <c>POST /api/v1/entries/replay</c>: entry lines as a table (the columns of docs/replay.md).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ReplayRequestBody(
    IReadOnlyList<string>? Columns = null, IReadOnlyList<IReadOnlyList<string?>>? Rows = null, IReadOnlyDictionary<string, string>? Map = null,
    string? Scenario = null, string? AsOf = null, decimal? Threshold = null);

/// <summary><c>POST /api/v1/entries/replay</c>: the entry replay question over inline lines (<see cref="EntryReplayQuestion"/>).</summary>
public static class ReplayEndpoints
{
    public static void Map(RouteGroupBuilder api, ApiFeatures features)
    {
        api.MapPost("/entries/replay", Post)
            .WithName("PostEntriesReplay").WithTags("Entries")
            .WithSummary("Replay entry lines under the rules of their dates: duty by authority required vs declared, flags, fees per entry, IEEPA refundable with route and dates")
            .DocumentJsonBody<ReplayRequestBody>("columns (the header) and rows (the lines, as text), as in docs/replay.md; optional map, scenario, asOf (YYYY-MM-DD), threshold (USD)")
            .Produces<EntryReplayAnswer>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(413).ProducesProblem(415);
        features.Add("entries-replay");
    }

    private static async Task<IResult> Post(HttpContext context, Tariffscope.Questions.Rulebook store, Tariffscope.Questions.Today clock, ServerOptions options)
    {
        var (body, problem) = await RequestBody.ReadJsonAsync<ReplayRequestBody>(context, options.MaxJsonBytes, "a replay request");
        if (problem is not null) return problem;
        var args = new QueryArgs();
        var asOf = args.Date("asOf", body!.AsOf, clock.Date);
        args.Check(body.Columns is { Count: > 0 }, "columns", "the header of the lines, e.g. [\"entry_number\",\"entry_date\",\"hts\",…]");
        args.Check(body.Rows is not null, "rows", "the lines, each a list of texts in column order");
        args.Check(body.Threshold is null or >= 0, "threshold", "a threshold in US dollars, not negative");
        if (args.Failed(out var invalid)) return invalid;
        try
        {
            return TypedResults.Ok(new EntryReplayQuestion(store).Inline(new EntryReplayRequest
            {
                Columns = body.Columns, Rows = body.Rows, Map = body.Map, Scenario = body.Scenario ?? ScenarioCatalog.Actual, AsOf = asOf,
                Threshold = body.Threshold ?? 1m,
            }));
        }
        catch (ScenarioException e) { return Problems.UnknownScenario(e); }
        catch (ArgumentException e) { return Problems.BadRequest(e.Message); }
    }
}
