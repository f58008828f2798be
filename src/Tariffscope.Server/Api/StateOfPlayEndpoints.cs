using System.ComponentModel;
using Tariffscope.Questions.Feeds;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

/// <summary><c>/api/v1/state-of-play</c>: the dashboard's landing page in one answer.</summary>
public static class StateOfPlayEndpoints
{
    public static void Map(RouteGroupBuilder api, ApiFeatures features)
    {
        api.MapGet("/state-of-play", Ask)
            .WithName("StateOfPlay").WithTags("Calendar")
            .WithSummary("The measures charging the main partners' goods on a day, the next deadlines and the rules published last")
            .Produces<StateOfPlayAnswer>().ProducesProblem(400);
        features.Add("state-of-play");
    }

    private static IResult Ask(Rulebook rules, Today clock,
        [Description("The day, YYYY-MM-DD (default: today)")] string? date,
        [Description("Partners, comma-separated two-letter codes (default: CN,MX,CA,DE,JP,VN,IN,KR)")] string? partners)
    {
        var args = new QueryArgs();
        var day = args.Date("date", date, clock.Date);
        var list = partners is null ? StateOfPlayQuestion.MainPartners
            : partners.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToUpperInvariant()).ToArray();
        args.Check(list.Length is >= 1 and <= 20 && list.All(p => p.Length == 2 && p.All(char.IsAsciiLetter)), "partners", "expected 1 to 20 two-letter country codes, comma-separated");
        if (args.Failed(out var invalid)) return invalid;
        return TypedResults.Ok(new StateOfPlayQuestion(rules).Ask(new(day, list)));
    }
}
