using System.Collections.Concurrent;
using System.ComponentModel;
using System.Text;
using Tariffscope.Controls;
using Tariffscope.Data.Controls;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

/// <summary>One shipment of a JSON screening request: the fields of <c>controls check</c>.</summary>
public sealed record ShipmentDoc(string? From, string? To, string? Date, string? Hs, string? Element, string? Eccn, string? Product,
    string? Params, string? Content, string? EndUser, string? Owner, string? EndUse, string? Origin);
public sealed record ScreenRequestDoc(IReadOnlyList<ShipmentDoc> Shipments);

public sealed record ScreenedLineDoc(int Line, ControlOutcome Outcome, string OutcomeText, string Summary, ControlQuery Query,
    IReadOnlyList<string> Rules, IReadOnlyList<string> Suspended, IReadOnlyList<string> NeedsReview, IReadOnlyList<string> Warnings);
public sealed record ScreenDoc(string Scenario, int InputLines, int Screened, int Rejected, bool Balanced,
    IReadOnlyDictionary<string, int> ByOutcome, IReadOnlyList<ScreenedLineDoc> Results, IReadOnlyList<ShipmentReject> Rejects, IReadOnlyList<string> IgnoredColumns);

/// <summary>
/// <c>/api/v1/controls/…</c>: export-control screening over the built-in control data (data/controls), as
/// <c>tariffscope controls check | timeline | deadlines | screen</c> answer it. A scenario is a shipped name only:
/// the command line also takes a file path, which a server must not.
/// </summary>
public static class ControlEndpoints
{
    private const int MaxShipments = 2000;

    public static void Map(RouteGroupBuilder api, ApiFeatures features, ServerOptions options)
    {
        var g = api.MapGroup("/controls").WithTags("Controls");
        g.MapGet("/check", Check).WithName("ControlCheck")
            .WithSummary("Screen one shipment: the outcome, every rule behind it with its source, suspensions in play, and what would change the answer")
            .Produces<ControlAnswerDoc>().ProducesProblem(400).ProducesProblem(404);
        g.MapGet("/timeline", Timeline).WithName("ControlTimeline")
            .WithSummary("Each date on which the answer for one shipment changes, and why")
            .Produces<ControlTimelineDoc>().ProducesProblem(400).ProducesProblem(404);
        g.MapGet("/deadlines", Deadlines).WithName("ControlDeadlines")
            .WithSummary("Coming control starts and ends, suspension ends and listings within a window")
            .Produces<ControlDeadlinesDoc>().ProducesProblem(400).ProducesProblem(404);
        g.MapPost("/screen", Screen).WithName("ControlScreen")
            .WithSummary($"Screen shipment lines (CSV with a header from,to,date[,hs,element,eccn,product,params,content,end_user,owner,end_use,origin], or JSON {{\"shipments\": […]}}), at most {MaxShipments}; every line screened or rejected with its reason")
            .AddOpenApiOperationTransformer(async (op, ctx, ct) =>
            {
                var schema = await ctx.GetOrCreateSchemaAsync(typeof(ScreenRequestDoc), null, ct);
                op.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true, Description = "Shipment lines: a CSV file as `tariffscope controls screen` reads, or JSON",
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = schema },
                        ["text/csv"] = new() { Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String } },
                    },
                };
            })
            .Produces<ScreenDoc>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(413).ProducesProblem(415).ProducesProblem(429)
            .RequireRateLimiting(TariffscopeServer.ExpensivePolicy);
        features.Add("controls");
    }

    /// <summary>The screener for a shipped scenario; null (and the problem) when there is none.</summary>
    private static ControlScreener? Screener(string? scenario, out IResult? problem)
    {
        problem = null;
        try { return ControlsQuestion.Shipped.Screener(scenario, allowFiles: false); }
        catch (ControlScenarioException e) { problem = Problems.NotFound("Unknown scenario", e.Message, "scenario"); }
        catch (ControlDataException e) { problem = Problems.Of(StatusCodes.Status422UnprocessableEntity, "Scenario cannot be applied", e.Message, "scenario"); }
        return null;
    }

    /// <summary>Reads the shipment's query parameters with the same parsers the command line and the screen file use.</summary>
    private static ControlQuery? Query(HttpRequest r, DateOnly date, QueryArgs args)
    {
        string? Q(string name) => r.Query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString() : null;
        T? Take<T>(string field, (T? Value, string? Error) parsed)
        {
            if (parsed.Error is not null) args.Check(false, field, parsed.Error);
            return parsed.Value;
        }
        var from = Take("from", ControlFields.Country(Q("from")));
        var to = Take("to", ControlFields.Country(Q("to")));
        var hs = Take("hs", ControlFields.Hs(Q("hs")));
        var element = Take("element", ControlFields.Element(Q("element")));
        var parameters = Take("params", ControlFields.Parameters(r.Query["params"].OfType<string>()));
        var content = Take("content", ControlFields.Content(r.Query["content"].OfType<string>()));
        var origin = Take("origin", ControlFields.Country(Q("origin"), required: false));
        if (from is null || to is null) return null;
        return new ControlQuery(from, to, date, hs, element, Q("eccn")?.Trim(), Q("product")?.Trim(), parameters, content,
            Q("endUser")?.Trim(), Q("owner")?.Trim(), Q("endUse")?.Trim().ToLowerInvariant(), origin);
    }

    private static IResult Check(HttpRequest request, Today clock,
        [Description("Exporting country, two letters (e.g. CN)")] string? from,
        [Description("Destination country, two letters (e.g. US)")] string? to,
        [Description("Date of export, YYYY-MM-DD (default: today)")] string? date,
        [Description("HS code or prefix, e.g. 8505.11")] string? hs,
        [Description("Chemical element the item is or contains, e.g. Dy or dysprosium")] string? element,
        [Description("Control number / ECCN, e.g. 3A090.a")] string? eccn,
        [Description("Product name a rule names, e.g. H20")] string? product,
        [Description("Technical parameters NAME=VALUE, ';'-separated or repeated: tpp=4800;pd=5.92")] string? @params,
        [Description("Content shares KEY=SHARE, ';'-separated or repeated: CN-REE=0.5%")] string? content,
        [Description("End user's name (screened against party lists)")] string? endUser,
        [Description("Name of the end user's owner (50% or more)")] string? owner,
        [Description("End use: military, military-user, wmd, terrorism, supercomputer, advanced-ic")] string? endUse,
        [Description("Country of origin of the item when it differs from 'from'")] string? origin,
        [Description("Scenario (default actual), e.g. controls-suspension-not-renewed")] string? scenario)
    {
        var args = new QueryArgs();
        var day = args.Date("date", date, clock.Date);
        var query = Query(request, day, args);
        if (args.Failed(out var invalid)) return invalid;
        var screener = Screener(scenario, out var problem);
        return screener is null ? problem! : TypedResults.Ok(ControlsQuestion.Check(screener, query!));
    }

    private static IResult Timeline(HttpRequest request, Today clock,
        [Description("Exporting country, two letters")] string? from,
        [Description("Destination country, two letters")] string? to,
        [Description("First date of the period, YYYY-MM-DD (default 2023-01-01)")] string? fromDate,
        [Description("Last date of the period, YYYY-MM-DD (default: two years from today)")] string? toDate,
        [Description("HS code or prefix")] string? hs,
        [Description("Chemical element")] string? element,
        [Description("Control number / ECCN")] string? eccn,
        [Description("Product name")] string? product,
        [Description("Scenario (default actual)")] string? scenario)
    {
        var args = new QueryArgs();
        var start = args.Date("fromDate", fromDate, new DateOnly(2023, 1, 1));
        var end = args.Date("toDate", toDate, clock.Date.AddYears(2));
        if (!args.Failed(out _)) args.Check(end >= start && end.DayNumber - start.DayNumber <= 36600, "toDate", $"must be on or after fromDate ({start:yyyy-MM-dd}) and within 100 years of it");
        var query = Query(request, start, args);
        if (args.Failed(out var invalid)) return invalid;
        var screener = Screener(scenario, out var problem);
        if (screener is null) return problem!;
        return TypedResults.Ok(ControlsQuestion.Timeline(screener, query!, start, end));
    }

    private static IResult Deadlines(Today clock,
        [Description("Start of the window, YYYY-MM-DD (default: today)")] string? from,
        [Description("Length of the window in days, 0 to 36500 (default 365)")] string? days,
        [Description("Scenario (default actual)")] string? scenario)
    {
        var args = new QueryArgs();
        var start = args.Date("from", from, clock.Date);
        var n = args.Int("days", days, 365, 0, 36500);
        if (args.Failed(out var invalid)) return invalid;
        var screener = Screener(scenario, out var problem);
        if (screener is null) return problem!;
        return TypedResults.Ok(ControlsQuestion.Deadlines(screener, start, n));
    }

    private static async Task<IResult> Screen(HttpContext context, ServerOptions options,
        [Description("Scenario (default actual)")] string? scenario)
    {
        var screener = Screener(scenario, out var problem);
        if (screener is null) return problem!;
        var read = await RequestBody.ReadAsync(context.Request, options.MaxJsonBytes * 16, [.. RequestBody.Json, .. RequestBody.Csv], "shipment lines (CSV or JSON)", context.RequestAborted);
        if (read.Problem is not null) return read.Problem;
        string text;
        try { text = new UTF8Encoding(false, true).GetString(read.Bytes!); }
        catch (DecoderFallbackException) { return Problems.BadRequest("the body is not UTF-8 text", "body"); }
        if (context.Request.ContentType!.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            var (body, bad) = await RequestBody.ReadJsonAsync<ScreenRequestDoc>(Replay(context, read.Bytes!), options.MaxJsonBytes * 16, "a screening request {\"shipments\": [{\"from\": \"CN\", \"to\": \"US\", \"date\": \"2025-05-01\", …}]}");
            if (bad is not null) return bad;
            if (body!.Shipments is null) return Problems.BadRequest("expected {\"shipments\": [ … ]}", "shipments");
            text = ShipmentCsv(body.Shipments);
        }
        return ScreenCsv(text, screener);
    }

    /// <summary>The body again, for the JSON reader (which reads the request stream).</summary>
    private static HttpContext Replay(HttpContext context, byte[] bytes)
    {
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        return context;
    }

    private static readonly string[] Columns = [.. ScreenFileQuestion.Required, .. ScreenFileQuestion.Optional];

    /// <summary>JSON shipments written as the CSV the screener reads, so both go through one parser (line 2 is the first shipment).</summary>
    private static string ShipmentCsv(IReadOnlyList<ShipmentDoc> list)
    {
        static string Cell(string? s) => s is null ? "" : "\"" + s.Replace("\"", "\"\"") + "\"";
        var b = new StringBuilder(string.Join(",", Columns)).Append('\n');
        foreach (var s in list)
            b.AppendJoin(",", new[] { s.From, s.To, s.Date, s.Hs, s.Element, s.Eccn, s.Product, s.Params, s.Content, s.EndUser, s.Owner, s.EndUse, s.Origin }.Select(Cell)).Append('\n');
        return b.ToString();
    }

    private static IResult ScreenCsv(string text, ControlScreener screener)
    {
        var (header, records) = ShipmentFile.ReadCsv(text);
        if (header is null) return Problems.BadRequest($"the body is empty: expected a header line naming the columns {string.Join(",", Columns)}", "body");
        if (records.Count > MaxShipments)
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Too many lines", $"{records.Count} shipment lines; this endpoint screens at most {MaxShipments} (the command line `tariffscope controls screen` takes any number)", "body");
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var ignored = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
            if (!Columns.Contains(name)) { ignored.Add(header[i]); continue; }
            if (!columns.TryAdd(name, i)) return Problems.BadRequest($"line 1, column {i + 1}: column '{name}' is named twice in the header", "header");
        }
        foreach (var r in ScreenFileQuestion.Required)
            if (!columns.ContainsKey(r)) return Problems.BadRequest($"line 1: missing column '{r}' (required: {string.Join(",", ScreenFileQuestion.Required)})", "header");

        var results = new List<ScreenedLineDoc>();
        var rejects = new List<ShipmentReject>();
        var byOutcome = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var rec in records)
        {
            var (query, reject) = ScreenFileQuestion.ToQuery(rec, header.Count, columns);
            if (reject is not null) { rejects.Add(reject); continue; }
            var a = screener.Check(query!);
            List<string> Ids(RuleStatus s) => a.Rules.Where(r => r.Status == s).Select(r => r.ControlId).ToList();
            results.Add(new ScreenedLineDoc(rec.Line, a.Outcome, a.Outcome.Words(), a.Summary, query!, Ids(RuleStatus.Applies),
                a.Rules.Where(r => r.Status == RuleStatus.Suspended).Select(r => r.SuspendedThrough is { } u ? $"{r.ControlId} through {u:yyyy-MM-dd}" : r.ControlId).ToList(),
                Ids(RuleStatus.NeedsReview), a.Warnings));
            var key = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(a.Outcome.ToString()); // as the enum is written
            byOutcome[key] = byOutcome.GetValueOrDefault(key) + 1;
        }
        return TypedResults.Ok(new ScreenDoc(screener.Data.ScenarioName, records.Count, results.Count, rejects.Count,
            records.Count == results.Count + rejects.Count, byOutcome, results, rejects, ignored));
    }
}
