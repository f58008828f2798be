using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

public sealed record HealthDoc(string Status, string Schedule, int Scenarios, DateOnly Horizon, int UploadedLists);
public sealed record ApiIndexDoc(string Name, string Version, string OpenApi, string Docs, IReadOnlyDictionary<string, bool> Features);

/// <summary><c>/healthz</c> (for probes) and <c>GET /api/v1</c> (what this build of the API offers).</summary>
public static class HealthEndpoints
{
    public static void Map(WebApplication app, RouteGroupBuilder api, ApiFeatures features)
    {
        app.MapGet("/healthz", (Rulebook store) => TypedResults.Ok(new HealthDoc("ok", store.Workspace.UsSchedule.Description,
                store.Catalog.Scenarios.Count + 1, store.Catalog.ActualPolicy.Horizon, store.UploadedLists.Count)))
            .WithName("Health").WithTags("Health").WithSummary("Liveness: the server is up and its data is loaded")
            .Produces<HealthDoc>();
        api.MapGet("/data", (Rulebook store, [System.ComponentModel.Description("The date whose answering revision is named, YYYY-MM-DD (default: today)")] string? date) =>
            {
                var args = new QueryArgs();
                var day = args.Date("date", date, store.Today.Date);
                return args.Failed(out var invalid) ? invalid : TypedResults.Ok(DataStatusQuestion.Ask(store.Workspace.Directory, day));
            })
            .WithName("DataStatus").WithTags("Health")
            .WithSummary("What data answers: the built-in record (revisions held and known but not held, with their sources' sha256), the imports, every product list with its kind (official, sample, written, imported)")
            .Produces<StatusView>().ProducesProblem(400);
        features.Add("data");
        api.MapGet("/", () => TypedResults.Ok(new ApiIndexDoc("Tariffscope", "v1", "/openapi/v1.json", SecurityHeaders.DocsPath + "/", features.Snapshot())))
            .WithName("ApiIndex").WithTags("Health").WithSummary("The API's version, where its description is, and which capabilities this build serves")
            .Produces<ApiIndexDoc>();
    }
}
