using System.ComponentModel;
using Tariffscope.Data.Economics;
using Tariffscope.Economics;
using Tariffscope.Policy;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

/// <summary>One region of a solved model. Price changes are proportions (0.05 = +5%); values are in the flows' unit.</summary>
public sealed record ImpactRegionDoc(string Region, double WorldPriceChange, double DomesticPriceChange, double ConsumerSurplus,
    double ProducerSurplus, double TariffRevenue, double Welfare, double ExportsBefore, double ExportsAfter, double ImportsBefore, double ImportsAfter);
public sealed record ImpactRouteDoc(string Exporter, string Importer, double Before, double After, double Change);
/// <summary>The answer of <c>POST /api/v1/impact</c>: that of <c>tariffscope impact --model FILE --json</c>, plus the routes listed.</summary>
public sealed record ImpactModelDoc(string Model, string ModelKind, IReadOnlyList<ImpactRegionDoc> Regions, double[][] FlowsBefore, double[][] FlowsAfter,
    IReadOnlyList<ImpactRouteDoc> Routes, GsimTotals Totals, IReadOnlyList<string> Warnings);

/// <summary>
/// <c>/api/v1/impact</c>: the economic impact of a tariff shock with the GSIM partial-equilibrium model. POST solves a
/// model posted in the model-file format (regions, flows, powers of tariff, elasticities); GET runs a scenario against a
/// baseline on a date over the imported trade flows, as <c>tariffscope impact --scenario</c>.
/// </summary>
public static class ImpactEndpoints
{
    private const long MaxModelBytes = 1024 * 1024;

    public static void Map(RouteGroupBuilder api, ApiFeatures features)
    {
        api.MapPost("/impact", Model)
            .WithName("ImpactModel").WithTags("Impact")
            .WithSummary("Solve a GSIM model (JSON: regions, flows, powerOfTariffBefore/After, elasticities): prices, flows after, surplus, revenue and welfare by region")
            .DocumentTextBody(RequestBody.Json, "A GSIM model file: {\"regions\": [..], \"flows\": [[..]], \"powerOfTariffBefore\": [[..]], \"powerOfTariffAfter\": [[..]], \"importDemandElasticity\": x or [..], \"exportSupplyElasticity\": x or [..], \"substitutionElasticity\": x or [..]} (see docs/impact.md)")
            .Produces<ImpactModelDoc>().ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422).ProducesProblem(429)
            .RequireRateLimiting(TariffscopeServer.ExpensivePolicy);
        api.MapGet("/impact", Scenario)
            .WithName("ScenarioImpact").WithTags("Impact")
            .WithSummary("The impact of a scenario's tariffs against a baseline on a date, over the imported trade flows: flows by partner (creation and diversion), welfare by region; needs imported trade data")
            .Produces<ScenarioImpactDoc>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(429).ProducesProblem(504)
            .RequireRateLimiting(TariffscopeServer.ExpensivePolicy);
        features.Add("impact");
    }

    private static async Task<IResult> Model(HttpContext context, CancellationToken ct)
    {
        var read = await RequestBody.ReadAsync(context.Request, MaxModelBytes, RequestBody.Json, "a GSIM model (JSON)", ct);
        if (read.Problem is not null) return read.Problem;
        GsimResult r;
        try { r = GsimModel.Solve(GsimModelFile.Parse(read.Bytes!, "body")); }
        catch (InputFileException e)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, "Model refused", e.Message, string.IsNullOrEmpty(e.Field) ? "body" : e.Field);
        }
        catch (InvalidOperationException e) { return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Model cannot be solved", e.Message, "body"); }
        var doc = Document(r);
        // JSON has no infinity: a model whose solution is not finite is refused rather than half-written
        if (doc.Regions.Any(g => !double.IsFinite(g.Welfare) || !double.IsFinite(g.WorldPriceChange)) || doc.FlowsAfter.SelectMany(x => x).Any(v => !double.IsFinite(v)))
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Model cannot be solved", "the solution is not finite; check the elasticities and powers of tariff", "body");
        return TypedResults.Ok(doc);
    }

    internal static ImpactModelDoc Document(GsimResult r)
    {
        var n = r.Size;
        var m = r.Market;
        var regions = r.Regions.Select(g => new ImpactRegionDoc(g.Region, g.WorldPriceChange, g.DomesticPriceChange, g.ConsumerSurplus,
            g.ProducerSurplus, g.TariffRevenue, g.Welfare, g.ExportsBefore, g.ExportsAfter, g.ImportsBefore, g.ImportsAfter)).ToList();
        var before = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => m.Flow(i, j)).ToArray()).ToArray();
        var after = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => r.FlowAfter(i, j)).ToArray()).ToArray();
        var routes = (from i in Enumerable.Range(0, n) from j in Enumerable.Range(0, n) where m.Flow(i, j) != 0
                      select new ImpactRouteDoc(m.Regions[i], m.Regions[j], m.Flow(i, j), r.FlowAfter(i, j), r.FlowChange(i, j))).ToList();
        var warnings = r.OutOfRange.Select(w => $"{m.Regions[w.Exporter]} → {m.Regions[w.Importer]}: the linear demand change is " +
            $"{w.DemandChange.ToString("P0", System.Globalization.CultureInfo.InvariantCulture)}, below -100%; the shock is too large for the linearised model and this route's results are not meaningful").ToList();
        return new ImpactModelDoc("request body", "gsim", regions, before, after, routes, r.Totals, warnings);
    }

    private static async Task<IResult> Scenario(HttpContext context, Rulebook store, TradeData trade,
        [Description("The scenario whose tariffs are the shock")] string? scenario,
        [Description("The scenario the shock is measured from (default actual)")] string? baseline,
        [Description("The date whose tariffs are compared, YYYY-MM-DD")] string? date,
        [Description("Product groups the model is run for: hs6 (default), hs2 or total")] string? level,
        [Description("Importing market (default US)")] string? importer,
        [Description("How many of the largest product changes to list, 1 to 100 (default 10)")] string? top,
        [Description("Preference claims assumed: expected (default), none, all, or PARTNER=PROGRAMME pairs")] string? claim,
        [Description("The model's form: linear (default) or ces (exact, for large shocks)")] string? form)
    {
        var args = new QueryArgs();
        var name = args.Required("scenario", scenario, "truce-lapses-aug-2025");
        var day = args.RequiredDate("date", date, "2025-08-20");
        var lvl = (level ?? "hs6").Trim().ToLowerInvariant() switch { "hs6" => ImpactLevel.Hs6, "hs2" => ImpactLevel.Hs2, "total" => ImpactLevel.Total, _ => (ImpactLevel?)null };
        args.Check(lvl is not null, "level", $"expected hs6, hs2 or total, found '{level}'");
        var imp = args.Country("importer", importer, "US")!;
        var n = args.Int("top", top, 10, 1, 100);
        claim = string.IsNullOrWhiteSpace(claim) ? "expected" : claim.Trim();
        var gsimForm = (form ?? "linear").Trim().ToLowerInvariant() switch { "linear" => GsimForm.Linear, "ces" => GsimForm.Ces, _ => (GsimForm?)null };
        args.Check(gsimForm is not null, "form", $"expected linear or ces, found '{form}'");
        args.Check(Tariffscope.Trade.ClaimBasis.Check(claim) is null, "claim", Tariffscope.Trade.ClaimBasis.Check(claim) ?? "");
        if (args.Failed(out var invalid)) return invalid;
        var baseName = string.IsNullOrWhiteSpace(baseline) ? ScenarioCatalog.Actual : baseline.Trim();
        foreach (var (field, s) in new[] { ("scenario", name!), ("baseline", baseName) })
            if (!store.Catalog.Names.Contains(s, StringComparer.OrdinalIgnoreCase))
                return Problems.NotFound("Unknown scenario", $"there is no scenario '{s}'; GET {TariffscopeServer.ApiPrefix}/scenarios lists them", field);
        try
        {
            var request = new ImpactRequest(name!, day) { Baseline = baseName, Importer = imp, Level = lvl!.Value, Claim = claim, Form = gsimForm!.Value };
            var question = string.Join('|', name!.ToLowerInvariant(), baseName.ToLowerInvariant(), day, lvl, imp, claim.ToUpperInvariant(), gsimForm);
            var (result, hit) = await trade.GetAsync(question, ct => new ImpactQuestion(store, trade).Ask(request, ct), context.RequestAborted);
            context.Response.Headers[IndicatorEndpoints.CacheHeader] = hit ? "hit" : "miss";
            return TypedResults.Ok(ScenarioImpactDoc.From(result, n));
        }
        catch (NoTradeDataException e) { return IndicatorEndpoints.NoTrade(e); }
        catch (InvalidOperationException e) { return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Impact cannot be computed", e.Message, "date"); }
    }
}
