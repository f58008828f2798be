using System.ComponentModel;
using System.Text;
using Tariffscope.Data.Policy;
using Tariffscope.Data.Trade;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

public sealed record UploadedScenarioDoc(string Name, bool Replaced, string Location);


/// <summary>
/// <c>/api/v1/scenarios</c> (list, show, upload) and <c>/api/v1/diff</c> (where two scenarios disagree on a date,
/// over the schedule's leaf lines for one origin).
/// </summary>
public static class ScenarioEndpoints
{
    public static void Map(RouteGroupBuilder api, ApiFeatures features, ServerOptions options)
    {
        api.MapGet("/scenarios", List)
            .WithName("ListScenarios").WithTags("Scenarios")
            .WithSummary("The actual timeline and every scenario: shipped, from the data directory, or uploaded")
            .Produces<IReadOnlyList<ScenarioSummaryDoc>>();
        api.MapGet("/scenarios/{name}", Show)
            .WithName("ShowScenario").WithTags("Scenarios")
            .WithSummary("One scenario: what it inherits and what it overrides (measures and suspensions removed, added, changed)")
            .Produces<ScenarioDoc>().ProducesProblem(404);
        api.MapPost("/scenarios", Upload)
            .WithName("UploadScenario").WithTags("Scenarios")
            .WithSummary("Upload a scenario file (YAML, the format of data/scenarios); needs the API key. Kept in the server's store, so it survives a restart and is served by every replica on the store")
            .DocumentTextBody(RequestBody.Yaml, "A scenario file: name, description, inherits, measures and suspensions overrides (see data/policy/README.md)")
            .Produces<UploadedScenarioDoc>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409)
            .ProducesProblem(413).ProducesProblem(415).ProducesProblem(422).ProducesProblem(429)
            .AddEndpointFilter(new ApiKeyFilter(options.ResolveApiKey()))
            .RequireRateLimiting(TariffscopeServer.ExpensivePolicy);
        api.MapGet("/diff", Diff)
            .WithName("DiffScenarios").WithTags("Scenarios")
            .WithSummary("Where two scenarios disagree on a date for one origin, largest first: with trade data held, the lines traded weighed by value (duty at stake); else every leaf line outside Chapters 98-99")
            .Produces<ScenarioDiffAnswer>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(429)
            .RequireRateLimiting(TariffscopeServer.ExpensivePolicy);
        features.Add("scenarios");
        features.Add("diff");
    }

    private static IReadOnlyList<ScenarioSummaryDoc> List(Rulebook store) => new ScenariosQuestion(store).List();

    private static IResult Show(Rulebook store, [Description("Scenario name (actual, truce-lapses-aug-2025, …)")] string name)
    {
        try { return TypedResults.Ok(new ScenariosQuestion(store).Show(name)); }
        catch (ScenarioException e) { return Problems.UnknownScenario(e, "name"); }
    }

    private static async Task<IResult> Upload(HttpContext context, Rulebook store, ServerOptions options)
    {
        var read = await RequestBody.ReadAsync(context.Request, options.MaxUploadBytes, RequestBody.Yaml, "a scenario file", context.RequestAborted);
        if (read.Problem is not null) return read.Problem;
        string text;
        try { text = new UTF8Encoding(false, true).GetString(read.Bytes!); }
        catch (DecoderFallbackException) { return Problems.BadRequest("the scenario file is not UTF-8 text", "body"); }
        Scenario scenario;
        try { scenario = new PolicyFileReader("uploaded scenario", _ => null).ReadScenario(text); }
        catch (PolicyFileException e) { return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Scenario file refused", e.Message, e.Field); }
        if (!IsName(scenario.Name))
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Scenario file refused",
                $"name: '{scenario.Name}' is not a scenario name; use 1 to 64 lower-case letters, digits and '-'", "name");
        scenario = scenario with { Origin = $"uploaded scenario '{scenario.Name}'" };
        bool replaced;
        try { replaced = store.AddScenario(scenario, text); }
        catch (UploadRejectedException e) { return Problems.Refused(e, "Scenario refused", e.Message, "body"); }
        var location = $"{TariffscopeServer.ApiPrefix}/scenarios/{scenario.Name}";
        return TypedResults.Created(location, new UploadedScenarioDoc(scenario.Name, replaced, location));
    }

    internal static bool IsName(string s) => s.Length is >= 1 and <= 64 && s.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && s[0] != '-';

    private static IResult Diff(Rulebook store, TradeData trade, CancellationToken ct,
        [Description("First scenario (default: actual)")] string? a,
        [Description("Second scenario (required)")] string? b,
        [Description("Date to compare on, YYYY-MM-DD (default: today, US Eastern)")] string? date,
        [Description("Country of origin, or a group such as EU (default CN; US when the importer is CN)")] string? origin,
        [Description("Importing country: US (default) or CN")] string? importer,
        [Description("Preference claims assumed: expected (default), none, all, or PARTNER=PROGRAMME pairs")] string? claim,
        [Description("At most this many lines in the answer, 1 to 1000 (default 100); all are compared")] string? limit)
    {
        var args = new QueryArgs();
        var nameB = args.Required("b", b, "truce-lapses-aug-2025");
        var day = args.OptionalDate("date", date);
        var imp = args.Country("importer", importer, "US")!;
        var max = args.Int("limit", limit, 100, 1, 1000);
        var claimText = string.IsNullOrWhiteSpace(claim) ? "expected" : claim.Trim();
        args.Check(Tariffscope.Trade.ClaimBasis.Check(claimText) is null, "claim", Tariffscope.Trade.ClaimBasis.Check(claimText) ?? "");
        if (args.Failed(out var invalid)) return invalid;
        var nameA = a ?? ScenarioCatalog.Actual;
        try { store.Catalog.Resolve(nameA); } catch (ScenarioException e) { return Problems.UnknownScenario(e, "a"); }
        try { store.Catalog.Resolve(nameB!); } catch (ScenarioException e) { return Problems.UnknownScenario(e, "b"); }
        try
        {
            return TypedResults.Ok(new ScenarioDiffQuestion(store, trade).Ask(new ScenarioDiffRequest(nameA, nameB!)
            {
                Date = day, Importer = imp, Origin = origin, Limit = max, Claim = claimText,
            }, ct));
        }
        catch (UnknownOriginException e) { return Problems.BadRequest(e.Message, "origin"); }
        catch (ArgumentException e) { return Problems.NotFound("No schedule for this question", e.Message, "date"); }
    }
}
