using System.ComponentModel;
using Tariffscope.Policy;
using Tariffscope.Questions.Watch;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

public sealed record WatchlistSavedDoc(string Name, int Lines, bool Replaced, string Location);

/// <summary><c>/api/v1/watchlists</c>: named lines and origins, and what each coming event does to their duty in dollars.</summary>
public static class WatchlistEndpoints
{
    public static void Map(RouteGroupBuilder api, ApiFeatures features, ServerOptions options)
    {
        var key = new ApiKeyFilter(options.ResolveApiKey());
        api.MapGet("/watchlists", (Watchlists w) => TypedResults.Ok(w.All()))
            .WithName("Watchlists").WithTags("Watchlists").WithSummary("Every watchlist held").Produces<IReadOnlyList<Watchlist>>();
        api.MapPut("/watchlists/{name}", Put)
            .WithName("PutWatchlist").WithTags("Watchlists")
            .WithSummary("Create or replace a watchlist: {\"lines\": [{\"code\": \"8471.30.01.00\", \"value\": 250000}], \"origins\": [\"CN\"]}; needs the API key")
            .Produces<WatchlistSavedDoc>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(422).AddEndpointFilter(key);
        api.MapGet("/watchlists/{name}", (Watchlists w, string name) => w.Get(name) is { } x ? Results.Ok(x) : Missing(name))
            .WithName("Watchlist").WithTags("Watchlists").WithSummary("One watchlist").Produces<Watchlist>().ProducesProblem(404);
        api.MapDelete("/watchlists/{name}", (Watchlists w, string name) => w.Delete(name) ? Results.NoContent() : Missing(name))
            .WithName("DeleteWatchlist").WithTags("Watchlists").WithSummary("Delete a watchlist; needs the API key").ProducesProblem(404).AddEndpointFilter(key);
        api.MapGet("/watchlists/{name}/impact", Impact)
            .WithName("WatchlistImpact").WithTags("Watchlists")
            .WithSummary("For each coming event that touches the watchlist: the duty on its planned imports the day before and on the day, line by line")
            .Produces<WatchlistImpactAnswer>().ProducesProblem(400).ProducesProblem(404);
        features.Add("watchlists");
    }

    private static IResult Missing(string name) => Problems.NotFound("No such watchlist", $"there is no watchlist '{name}'", "name");

    private static async Task<IResult> Put(HttpContext context, Watchlists watchlists, ServerOptions options, string name)
    {
        var (body, problem) = await RequestBody.ReadJsonAsync<Watchlist>(context, options.MaxJsonBytes * 16, "a watchlist {\"lines\": [{\"code\": \"8471\", \"value\": 1000}], \"origins\": [\"CN\"]}");
        if (problem is not null) return problem;
        try
        {
            var replaced = watchlists.Put(body! with { Name = name, Origins = body.Origins ?? [], Importer = body.Importer ?? "US" });
            var location = $"{TariffscopeServer.ApiPrefix}/watchlists/{name}";
            return TypedResults.Ok(new WatchlistSavedDoc(name, body.Lines.Count, replaced, location));
        }
        catch (UploadRejectedException e) { return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Watchlist refused", e.Message, e.Message.Split(':')[0]); }
    }

    private static IResult Impact(Rulebook rules, Today clock, Watchlists watchlists, string name,
        [Description("First day, YYYY-MM-DD (default: today)")] string? from,
        [Description("Days ahead, 1 to 3660 (default 180)")] string? days,
        [Description("Scenario (default: actual)")] string? scenario)
    {
        var args = new QueryArgs();
        var start = args.Date("from", from, clock.Date);
        var n = args.Int("days", days, 180, 1, 3660);
        if (args.Failed(out var invalid)) return invalid;
        if (watchlists.Get(name) is not { } w) return Missing(name);
        try { return TypedResults.Ok(new WatchlistImpactQuestion(rules).Ask(new(w, start, n, scenario ?? ScenarioCatalog.Actual))); }
        catch (ScenarioException e) { return Problems.UnknownScenario(e); }
    }
}
