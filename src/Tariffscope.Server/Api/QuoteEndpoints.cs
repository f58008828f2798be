using System.ComponentModel;
using System.Text.Json.Serialization;
using Tariffscope.Duties;
using Tariffscope.Engine;
using Tariffscope.Policy;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

/// <summary>A quantity for specific rates (e.g. 500 liters).</summary>
public sealed record QuantityInput(decimal? Amount = null, string? Unit = null);

/// <summary>The body of <c>POST /api/v1/quote</c>: the same fields as the GET query, with numbers as numbers.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record QuoteRequestBody(
    string? Code = null, string? Origin = null, string? Date = null, decimal? Value = null, IReadOnlyList<QuantityInput>? Quantities = null,
    decimal? MetalShare = null, string? Program = null, string? Importer = null, string? Scenario = null, string? AsKnownOn = null, string? Mode = null);

/// <summary>GET and POST <c>/api/v1/quote</c>: the duty owed on one line, layer by layer (<see cref="QuoteDocument"/>).</summary>
public static class QuoteEndpoints
{
    public static void Map(RouteGroupBuilder api, ApiFeatures features)
    {
        api.MapGet("/quote", Get)
            .WithName("GetQuote").WithTags("Quote")
            .WithSummary("The duty owed on one import line on a date, layer by layer, with the legal basis of each")
            .Produces<QuoteDocument>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(422);
        api.MapPost("/quote", Post)
            .WithName("PostQuote").WithTags("Quote")
            .WithSummary("The same quote, asked with a JSON body")
            .DocumentJsonBody<QuoteRequestBody>("The line to rate: the fields of the GET query, numbers as JSON numbers; unknown fields are refused")
            .Produces<QuoteDocument>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);
        features.Add("quote");
    }

    private static IResult Get(
        Rulebook store, Today clock,
        [Description("Tariff code, 8 or 10 digits, dots optional (7326.90.86)")] string? code,
        [Description("Country of origin, ISO 3166-1 alpha-2 (CN)")] string? origin,
        [Description("Entry date, YYYY-MM-DD (default: today)")] string? date,
        [Description("Customs value in US dollars (default 10000)")] string? value,
        [Description("Quantity for specific rates; repeat with unit")] string[]? qty,
        [Description("Unit of each qty (kg, liters, doz., No.)")] string[]? unit,
        [Description("Share of value that is steel, aluminium or copper, 0 to 1")] string? metalShare,
        [Description("Special programme claimed (S for USMCA, KR, AU)")] string? program,
        [Description("Importing country: US (default) or CN")] string? importer,
        [Description("Scenario to answer under (default: actual)")] string? scenario,
        [Description("Answer with the rules published up to this date, YYYY-MM-DD")] string? asKnownOn,
        [Description("Mode of transport (ocean, air, truck, rail, postal): adds the entry's fees (MPF, HMF, de minimis) for this line")] string? mode)
    {
        var args = new QueryArgs();
        var amounts = (qty ?? []).Select((q, i) => args.Decimal($"qty[{i}]", q, 0, EntryLine.MaxAmount, $"a quantity from 0 to {EntryLine.MaxAmount:N0}")).ToList();
        args.Check(amounts.Count == (unit ?? []).Length, "unit", $"qty and unit come in pairs; found {amounts.Count} qty and {(unit ?? []).Length} unit");
        var quantities = amounts.Zip(unit ?? [], (a, u) => new QuantityInput(a, u)).ToList();
        var request = new QuoteRequestBody(code, origin, date,
            args.Decimal("value", value, 0, EntryLine.MaxAmount, $"a customs value in US dollars from 0 to {EntryLine.MaxAmount:N0}, e.g. 10000"),
            quantities, args.Decimal("metalShare", metalShare, 0, 1, "a fraction from 0 to 1, e.g. 0.6"),
            program, importer, scenario, asKnownOn, mode);
        return Answer(store, clock, request, args);
    }

    private static async Task<IResult> Post(HttpContext context, Rulebook store, Today clock, ServerOptions options)
    {
        var (request, problem) = await RequestBody.ReadJsonAsync<QuoteRequestBody>(context, options.MaxJsonBytes, "a quote request");
        return problem ?? Answer(store, clock, request!, new QueryArgs());
    }

    private static IResult Answer(Rulebook store, Today clock, QuoteRequestBody r, QueryArgs args)
    {
        var request = ToRequest(r, args, store);
        if (args.Failed(out var invalid)) return invalid;
        try { return TypedResults.Ok(new QuoteQuestion(store).Ask(request!)); }
        catch (ScenarioException e) { return Problems.UnknownScenario(e); }
        catch (UnknownOriginException e) { return Problems.BadRequest(e.Message, "origin"); }
        catch (RatingException e) { return Problems.Rating(e); }
    }

    /// <summary>The question a request asks; every mistake is recorded in <paramref name="args"/>.</summary>
    internal static QuoteRequest? ToRequest(QuoteRequestBody r, QueryArgs args, Rulebook rules)
    {
        var code = args.Code("code", r.Code);
        args.Origin("origin", r.Origin, rules.Catalog.ActualPolicy, required: true);
        var importer = args.Country("importer", r.Importer, "US")!;
        var date = args.OptionalDate("date", r.Date);
        var asKnownOn = args.OptionalDate("asKnownOn", r.AsKnownOn);
        args.Check(r.Value is not { } v || EntryChecks.Value(v) is null, "value", r.Value is { } v2 ? EntryChecks.Value(v2) ?? "" : "");
        args.Check(EntryChecks.Share(r.MetalShare, "the metal share") is null, "metalShare", EntryChecks.Share(r.MetalShare, "the metal share") ?? "");
        var quantities = new List<Quantity>();
        foreach (var (q, i) in (r.Quantities ?? []).Select((q, i) => (q, i)))
        {
            args.Check(q.Amount is { } a && EntryChecks.Quantity(a) is null, $"quantities[{i}].amount", q.Amount is { } a2 ? EntryChecks.Quantity(a2) ?? "" : "expected a quantity such as 500");
            args.Check(!string.IsNullOrWhiteSpace(q.Unit), $"quantities[{i}].unit", "expected a unit such as kg, liters, doz. or No.");
            if (q.Amount is >= 0 and <= EntryLine.MaxAmount && !string.IsNullOrWhiteSpace(q.Unit)) quantities.Add(new Quantity(q.Amount.Value, q.Unit.Trim()));
        }
        if (r.Mode is not null)
            try { Tariffscope.Fees.FeeSchedule.ParseMode(r.Mode); }
            catch (FormatException e) { args.Check(false, "mode", e.Message); }
        if (string.IsNullOrWhiteSpace(r.Origin) || code.IsEmpty) return null;
        return new QuoteRequest
        {
            Code = code, Origin = r.Origin, Importer = importer, Date = date, Value = r.Value ?? 10_000m, MetalShare = r.MetalShare,
            Program = r.Program, Quantities = [.. quantities], Scenario = r.Scenario ?? ScenarioCatalog.Actual, AsKnownOn = asKnownOn, Mode = r.Mode,
        };
    }
}
