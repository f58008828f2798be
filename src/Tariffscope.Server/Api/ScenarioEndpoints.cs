using System.ComponentModel;
using System.Text;
using Tariffscope.Data.Policy;
using Tariffscope.Data.Trade;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

public sealed record ScenarioSummaryDoc(string Name, string? Description, string Inherits, string Source, bool Uploaded);
public sealed record RatePeriodDoc(DateOnly From, string Rate, string? Heading, string? Note);
public sealed record MeasureRefDoc(string Id, string Title, string Family);
public sealed record MeasureChangeDoc(string Id, DateOnly? Through, bool ClearThrough, IReadOnlyList<RatePeriodDoc> Rates);
public sealed record SuspensionDoc(string Id, string Measure, string? Title, DateOnly From, DateOnly? Through, decimal? Points);
public sealed record SuspensionChangeDoc(string Id, DateOnly? From, DateOnly? Through, bool ClearThrough, decimal? Points);
public sealed record ScenarioOverridesDoc(
    IReadOnlyList<string> RemoveMeasures, IReadOnlyList<MeasureRefDoc> AddMeasures, IReadOnlyList<MeasureChangeDoc> ChangeMeasures,
    IReadOnlyList<string> RemoveSuspensions, IReadOnlyList<SuspensionDoc> AddSuspensions, IReadOnlyList<SuspensionChangeDoc> ChangeSuspensions);
public sealed record ScenarioDoc(string Name, string? Description, string Inherits, string Source, bool Uploaded, DateOnly Horizon,
    int Measures, int Suspensions, ScenarioOverridesDoc? Overrides);
public sealed record UploadedScenarioDoc(string Name, bool Replaced, string Location);

/// <summary>A line that differs; with trade data held, its base-year imports and the duty at stake on them a year.</summary>
public sealed record LineDiffDoc(string Code, string Description, decimal RateA, decimal RateB, decimal Difference, IReadOnlyList<string> Measures,
    decimal? TradeValue = null, decimal? DutyAtStake = null);
public sealed record MeasureDiffDoc(string Measure, string Title, int Lines, decimal AverageDifference, decimal? DutyAtStake = null);
public sealed record DiffDoc(string A, string B, DateOnly Date, string Origin, string Importer, int LinesCompared, int LinesNotRated,
    int LinesDiffering, IReadOnlyList<LineDiffDoc> Lines, IReadOnlyList<MeasureDiffDoc> ByMeasure);

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
            .WithSummary("Where two scenarios disagree on a date: every leaf line of the schedule for one origin quoted under both, largest differences first")
            .Produces<DiffDoc>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(429)
            .RequireRateLimiting(TariffscopeServer.ExpensivePolicy);
        features.Add("scenarios");
        features.Add("diff");
    }

    private static IReadOnlyList<ScenarioSummaryDoc> List(Rulebook store)
    {
        var c = store.Catalog;
        return c.Names.Select(n => n == ScenarioCatalog.Actual
            ? new ScenarioSummaryDoc(n, "The rules as enacted, with their dated changes", "", "policy files", false)
            : Summary(store, c.Scenarios[n])).ToList();
    }

    private static ScenarioSummaryDoc Summary(Rulebook store, Scenario s) =>
        new(s.Name, s.Description?.Trim(), s.Inherits, s.Origin ?? "", store.IsUploaded(s.Name));

    private static IResult Show(Rulebook store, [Description("Scenario name (actual, truce-lapses-aug-2025, …)")] string name)
    {
        PolicySet policy;
        try { policy = store.Catalog.Resolve(name); }
        catch (ScenarioException e) { return Problems.UnknownScenario(e, "name"); }
        if (!store.Catalog.Scenarios.TryGetValue(name, out var s))
            return TypedResults.Ok(new ScenarioDoc(ScenarioCatalog.Actual, policy.Description, "", "policy files", false, policy.Horizon,
                policy.Measures.Length, policy.Suspensions.Length, null));
        var overrides = new ScenarioOverridesDoc(
            s.RemoveMeasures, s.AddMeasures.Select(m => new MeasureRefDoc(m.Id, m.Title, m.Family)).ToList(),
            s.ChangeMeasures.Select(c => new MeasureChangeDoc(c.Id, c.Through, c.ClearThrough,
                c.Rates.Select(r => new RatePeriodDoc(r.From, r.Rate.ToString() ?? "", r.Heading, r.Note)).ToList())).ToList(),
            s.RemoveSuspensions,
            s.AddSuspensions.Select(x => new SuspensionDoc(x.Id, x.MeasureId, x.Title, x.Validity.From, x.Validity.Through, x.Points)).ToList(),
            s.ChangeSuspensions.Select(c => new SuspensionChangeDoc(c.Id, c.From, c.Through, c.ClearThrough, c.Points)).ToList());
        return TypedResults.Ok(new ScenarioDoc(s.Name, s.Description?.Trim(), s.Inherits, s.Origin ?? "", store.IsUploaded(s.Name), policy.Horizon,
            policy.Measures.Length, policy.Suspensions.Length, overrides));
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

    private static async Task<IResult> Diff(Rulebook store, Today clock, TradeResults trade, CancellationToken ct,
        [Description("First scenario (default: actual)")] string? a,
        [Description("Second scenario")] string? b,
        [Description("Date to compare on, YYYY-MM-DD (default: today)")] string? date,
        [Description("Country of origin, two letters (default CN)")] string? origin,
        [Description("At most this many lines in the answer, 1 to 1000 (default 100); all are compared")] string? limit)
    {
        var args = new QueryArgs();
        var nameB = args.Required("b", b, "truce-lapses-aug-2025");
        var day = args.Date("date", date, clock.Date);
        var org = args.Country("origin", origin, "CN")!;
        var max = args.Int("limit", limit, 100, 1, 1000);
        if (args.Failed(out var invalid)) return invalid;
        TariffEngine ea, eb;
        try { ea = store.Engine(a ?? ScenarioCatalog.Actual); }
        catch (ScenarioException e) { return Problems.UnknownScenario(e, "a"); }
        try { eb = store.Engine(nameB!); }
        catch (ScenarioException e) { return Problems.UnknownScenario(e, "b"); }
        if (ScheduleEndpoints.Revision(store, day) is not { } revision) return ScheduleEndpoints.NoRevision(store, day);

        // With trade data held, the lines traded from the origin weighed by value, so "largest first" is in dollars
        // (as `tariffscope scenario diff` does); the flows are read once per state of the store.
        IReadOnlyList<Tariffscope.Trade.TradeFlow>? flows = null;
        if (trade.Stamp() is not null)
            flows = (await trade.GetAsync<IReadOnlyList<Tariffscope.Trade.TradeFlow>>("diff-flows|US",
                _ => trade.Read(s => s.LatestYear("US") is { } y ? s.Read("US", y) : []), ct)).Value;
        var lines = TradeExposure.DiffLines(revision, org, flows);
        var d = ScenarioDiffs.Compare(ea, eb, day, Cancellable(lines, ct));
        return TypedResults.Ok(new DiffDoc(d.A, d.B, d.Date, org, "US", d.LinesCompared, d.LinesNotRated, d.Lines.Length,
            d.Lines.Take(max).Select(l => new LineDiffDoc(l.Code.ToString(), l.Description, Math.Round(l.RateA, 6), Math.Round(l.RateB, 6), Math.Round(l.Difference, 6), l.Measures,
                l.TradeValue, l.DutyAtStake is { } x ? Math.Round(x, 2) : null)).ToList(),
            d.ByMeasure.Select(m => new MeasureDiffDoc(m.MeasureId, m.Title, m.Lines, Math.Round(m.AverageDifference, 6), m.DutyAtStake is { } x ? Math.Round(x, 2) : null)).ToList()));
    }

    /// <summary>The lines to compare; stops when the request is cancelled (client gone, or its time is up).</summary>
    private static IEnumerable<(HtsCode, string, decimal?)> Cancellable(IEnumerable<(HtsCode, string, decimal?)> lines, CancellationToken ct)
    {
        foreach (var l in lines)
        {
            ct.ThrowIfCancellationRequested();
            yield return l;
        }
    }
}
