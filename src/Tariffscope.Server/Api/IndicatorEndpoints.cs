using System.ComponentModel;
using Tariffscope.Data;
using Tariffscope.Data.Trade;
using Tariffscope.Policy;
using Tariffscope.Server.Http;
using Tariffscope.Trade;

namespace Tariffscope.Server.Api;

/// <summary>The answer while indicators are still being computed (202): ask <c>Location</c> again after <c>Retry-After</c>.</summary>
public sealed record ComputingDoc(string Status, string Detail, int RetryAfterSeconds);


/// <summary>
/// <c>/api/v1/indicators</c>: import-weighted average tariffs over time per scenario, from the trade flows imported
/// into the data directory, computed by the library exactly as <c>tariffscope indicators</c> does; and
/// <c>/api/v1/trade</c>, what trade data is held (the dashboard asks it first, so that it can say how to import some).
/// </summary>
public static class IndicatorEndpoints
{
    public const string CacheHeader = "X-Tariffscope-Cache";

    public static void Map(RouteGroupBuilder api, ApiFeatures features)
    {
        api.MapGet("/trade", Status)
            .WithName("TradeStatus").WithTags("Indicators")
            .WithSummary("Which trade flows the data directory holds (importer, year, partner); when none, how to import them")
            .Produces<TradeStatusAnswer>();
        api.MapGet("/indicators", Indicators)
            .WithName("Indicators").WithTags("Indicators")
            .WithSummary("Import-weighted average tariffs (additional and total, coverage by measure family) on every change date, per scenario; needs imported trade data")
            .Produces<IndicatorsAnswer>().Produces<ComputingDoc>(StatusCodes.Status202Accepted).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(429).ProducesProblem(504)
            .RequireRateLimiting(TariffscopeServer.ExpensivePolicy);
        api.MapGet("/indicators/validate", Validate)
            .WithName("ValidateIndicators").WithTags("Indicators")
            .WithSummary("The engine's duty on the base year's flows against the duty Census reports collected, by partner and chapter; needs imported trade data")
            .Produces<ValidationAnswer>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(429)
            .RequireRateLimiting(TariffscopeServer.ExpensivePolicy);
        features.Add("indicators");
    }

    private static TradeStatusAnswer Status(TradeData trade) => new TradeStatusQuestion(trade).Ask();

    private const int RetryAfterSeconds = 2;
    private const string DefaultClaim = "expected";

    /// <summary>
    /// Starts the default question (every partner held, actual, from 2025-01-01 to the horizon) in the background, so
    /// that the dashboard's first request finds it done or under way. Nothing when no trade data is held.
    /// </summary>
    public static void Warm(Rulebook store, TradeData trade)
    {
        if (trade.Stamp() is null) return;
        var request = new IndicatorsRequest();
        var (task, _) = trade.Start(request.Key, ct => new IndicatorsQuestion(store, trade).Ask(request, ct));
        task.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted); // a request asking later sees the error
    }

    private static async Task<IResult> Indicators(HttpContext context, Rulebook store, TradeData trade, ServerOptions options,
        [Description("Partners to weigh, comma-separated two-letter codes (default: every partner held)")] string? partner,
        [Description("First date, YYYY-MM-DD (default 2025-01-01)")] string? from,
        [Description("Last date, YYYY-MM-DD (default: the policy data's horizon)")] string? to,
        [Description("Scenarios, comma-separated (default actual)")] string? scenario,
        [Description("Rows beside the all-partner total: none (default), partner, hs2 or measure")] string? by,
        [Description("Importing country (default US)")] string? importer,
        [Description("Base year of the weights (default: the latest year held)")] string? year,
        [Description("Preference claims assumed: expected (default: each line's claimed share of the month rated as claimed, the rest without), none, all, or PARTNER=PROGRAMME pairs claimed on every line (CA=S,MX=S)")] string? claim,
        [Description("Quantities of flows without them: estimate (default: from sourced unit values, e.g. crude oil a barrel) or none (the lower bound)")] string? quantities)
    {
        var args = new QueryArgs();
        var partners = List(partner).Select(p => args.Origin("partner", p, store.Catalog.ActualPolicy)).OfType<string>().Select(p => p.ToUpperInvariant()).Distinct().ToList();
        var start = args.Date("from", from, new DateOnly(2025, 1, 1));
        var end = args.OptionalDate("to", to);
        var grouping = Grouping(by);
        args.Check(grouping is not null, "by", $"expected none, partner, hs2 or measure, found '{by}'");
        var imp = args.Country("importer", importer, "US")!;
        int? baseYear = string.IsNullOrWhiteSpace(year) ? null : args.Int("year", year, 0, 1990, 2100);
        var names = List(scenario).DefaultIfEmpty(ScenarioCatalog.Actual).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        args.Check(names.Count <= 6, "scenario", $"at most 6 scenarios at once, found {names.Count}");
        if (end is { } e) args.Check(e >= start, "to", $"must not be before from ({start:yyyy-MM-dd})");
        var claimText = string.IsNullOrWhiteSpace(claim) ? DefaultClaim : claim.Trim();
        args.Check(ClaimBasis.Check(claimText) is null, "claim", ClaimBasis.Check(claimText) ?? "");
        if (args.Failed(out var invalid)) return invalid;

        var request = new IndicatorsRequest
        {
            Importer = imp, Partners = partners, From = start, To = end, Scenarios = names, By = grouping!.Value, Year = baseYear, Claim = claimText,
            Quantities = string.IsNullOrWhiteSpace(quantities) ? "estimate" : quantities.Trim(),
        };
        var question = new IndicatorsQuestion(store, trade);
        try { question.Check(request); }
        catch (ScenarioException x) { return Problems.UnknownScenario(x); }
        catch (UnknownOriginException x) { return Problems.BadRequest(x.Message, "partner"); }
        catch (FormatException x) { return Problems.BadRequest(x.Message, "quantities"); }
        try
        {
            var (task, hit) = trade.Start(request.Key, ct => question.Ask(request, ct));
            // A cold computation over all partners can outlast the request timeout: wait a while, then say where to ask
            // again (the same question) while it goes on.
            if (!task.IsCompleted)
                await Task.WhenAny(task, Task.Delay(options.AnswerWait, context.RequestAborted)).ConfigureAwait(false);
            if (!task.IsCompleted)
            {
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.Headers[CacheHeader] = "computing";
                var location = $"{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}";
                return TypedResults.Accepted(location, new ComputingDoc("computing",
                    $"the indicators are being computed; ask {location} again in {RetryAfterSeconds} seconds", RetryAfterSeconds));
            }
            var doc = await task;
            context.Response.Headers[CacheHeader] = hit ? "hit" : "miss";
            return TypedResults.Ok(doc);
        }
        catch (NoTradeDataException x) { return NoTrade(x); }
        catch (ArgumentException x) { return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Indicators cannot be computed", x.Message, "importer"); }
    }

    private static async Task<IResult> Validate(HttpContext context, Rulebook store, TradeData trade,
        [Description("Base year to check (default: the latest year held)")] string? year,
        [Description("Rate the whole year with the rules of this one date, YYYY-MM-DD (default: every day of the year, averaged)")] string? date,
        [Description("Importing country (default US)")] string? importer,
        [Description("Partners, comma-separated (default: every partner held)")] string? partner,
        [Description("Chapters to list, largest gaps first, 1 to 100 (default 15)")] string? top,
        [Description("Preference claims assumed: expected (default), none, all, or PARTNER=PROGRAMME pairs")] string? claim,
        [Description("Quantities of flows without them: estimate (default) or none (the lower bound)")] string? quantities)
    {
        var args = new QueryArgs();
        int? baseYear = string.IsNullOrWhiteSpace(year) ? null : args.Int("year", year, 0, 1990, 2100);
        var day = args.OptionalDate("date", date);
        var imp = args.Country("importer", importer, "US")!;
        var partners = List(partner).Select(p => args.Origin("partner", p, store.Catalog.ActualPolicy)).OfType<string>().Select(p => p.ToUpperInvariant()).Distinct().ToList();
        var n = args.Int("top", top, 15, 1, 100);
        var claimText = string.IsNullOrWhiteSpace(claim) ? DefaultClaim : claim.Trim();
        args.Check(ClaimBasis.Check(claimText) is null, "claim", ClaimBasis.Check(claimText) ?? "");
        var quantityText = string.IsNullOrWhiteSpace(quantities) ? "estimate" : quantities.Trim();
        args.Check(UnitValueFile.Check(quantityText) is null, "quantities", UnitValueFile.Check(quantityText) ?? "");
        if (args.Failed(out var invalid)) return invalid;
        var request = new ValidateRequest { Year = baseYear, Date = day, Importer = imp, Partners = partners, Top = n, Claim = claimText, Quantities = quantityText };
        var key = string.Join('|', baseYear, day, imp, string.Join(',', partners.Order()), n, claimText.ToUpperInvariant(), quantityText.ToLowerInvariant());
        try
        {
            var (answer, hit) = await trade.GetAsync(key, _ => new ValidateQuestion(store, trade).Ask(request), context.RequestAborted);
            context.Response.Headers[CacheHeader] = hit ? "hit" : "miss";
            return TypedResults.Ok(answer);
        }
        catch (NoTradeDataException x) { return NoTrade(x); }
    }

    internal static IResult NoTrade(NoTradeDataException e) => e.StoreMissing
        ? Problems.Of(StatusCodes.Status409Conflict, "No trade data", e.Message, "data")
        : Problems.NotFound("No trade flows", e.Message, "partner");

    private static IEnumerable<string> List(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IndicatorGrouping? Grouping(string? by) => (by ?? "none").Trim().ToLowerInvariant() switch
    {
        "none" or "" => IndicatorGrouping.None,
        "partner" => IndicatorGrouping.Partner,
        "hs2" or "chapter" => IndicatorGrouping.Chapter,
        "measure" => IndicatorGrouping.Measure,
        _ => null,
    };
}
