using System.ComponentModel;
using Tariffscope.Data.Economics;
using Tariffscope.Economics;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

/// <summary>
/// <c>GET /api/v1/game</c>: the US–China tariff game on the GSIM model, as <c>tariffscope game --json</c>: best
/// responses, Nash and cooperative levels, the value of the truce to each side, the record's discrete moves. US imports
/// come from the trade store; China's imports from the US from the store's flows into CN (import them as importer CN)
/// plus an optional aggregate (<c>cnOther</c>).
/// </summary>
public static class GameEndpoints
{
    public static void Map(RouteGroupBuilder api, ApiFeatures features)
    {
        api.MapGet("/game", Game)
            .WithName("TariffGame").WithTags("Impact")
            .WithSummary("The US–China tariff game on a date: best responses, Nash and cooperative levels, value of the truce to each side; needs imported trade data")
            .Produces<TariffGameAnswer>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(429).ProducesProblem(504)
            .RequireRateLimiting(TariffscopeServer.ExpensivePolicy);
        features.Add("game");
    }

    private static async Task<IResult> Game(HttpContext context, Rulebook store, TradeData trade,
        [Description("The base date (the truce), YYYY-MM-DD")] string? date,
        [Description("The instrument each side moves (default reciprocal)")] string? instrument,
        [Description("GSIM form: ces (default) or linear")] string? form,
        [Description("Weight on exporters' producer surplus, 0 to 10 (default 1 = welfare)")] string? producerWeight,
        [Description("US exports to China not in the store, in US$, as one market (default 0)")] string? cnOther)
    {
        var args = new QueryArgs();
        var day = args.RequiredDate("date", date, "2025-12-01");
        var f = (form ?? "ces").Trim().ToLowerInvariant();
        args.Check(f is "ces" or "linear", "form", $"expected ces or linear, found '{form}'");
        var weight = ParseDouble(args, "producerWeight", producerWeight, 1, 0, 10);
        var other = ParseDouble(args, "cnOther", cnOther, 0, 0, 1e13);
        var inst = string.IsNullOrWhiteSpace(instrument) ? "reciprocal" : instrument.Trim();
        if (args.Failed(out var invalid)) return invalid;
        try
        {
            var question = string.Join('|', "game", day, inst.ToLowerInvariant(), f, weight, other);
            var (answer, hit) = await trade.GetAsync(question, ct =>
            {
                if (trade.Read(s => s.LatestYear("US")) is null)
                    throw new NoTradeDataException($"the trade store holds no flows into US; {TradeData.ImportHint}", storeMissing: false);
                var setup = GameQuestion.Build(store, day, inst, [], other, f == "linear" ? GsimForm.Linear : GsimForm.Ces, weight, ct: ct);
                return TariffGameAnswer.From(setup, setup.Game.Solve());
            }, context.RequestAborted);
            context.Response.Headers[IndicatorEndpoints.CacheHeader] = hit ? "hit" : "miss";
            return TypedResults.Ok(answer);
        }
        catch (NoTradeDataException e) { return IndicatorEndpoints.NoTrade(e); }
        catch (ArgumentException e) { return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Game cannot be set up", e.Message, "date"); }
        catch (InvalidOperationException e) { return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Game cannot be solved", e.Message, "date"); }
    }

    private static double ParseDouble(QueryArgs args, string name, string? text, double fallback, double min, double max)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        var ok = double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= min && v <= max;
        args.Check(ok, name, $"expected a number from {min} to {max}, found '{text}'");
        return ok ? v : fallback;
    }
}
