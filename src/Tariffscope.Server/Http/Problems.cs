using Tariffscope.Engine;
using Tariffscope.Policy;

namespace Tariffscope.Server.Http;

/// <summary>
/// RFC 7807 problem details for every refusal: a status, a short title, and a detail that says what was wrong and,
/// where it helps, how to put it right. The "field" extension names the parameter at fault.
/// </summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IResult Of(int status, string title, string detail, string? field = null, IDictionary<string, object?>? extra = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (field is not null) extensions["field"] = field;
        if (extra is not null) foreach (var kv in extra) extensions[kv.Key] = kv.Value;
        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
    }

    public static IResult BadRequest(string detail, string? field = null) => Of(StatusCodes.Status400BadRequest, "Bad request", detail, field);
    public static IResult NotFound(string title, string detail, string? field = null) => Of(StatusCodes.Status404NotFound, title, detail, field);

    /// <summary>A line the engine refused: an unknown code or a missing schedule is "not found"; the rest cannot be rated as given.</summary>
    public static IResult Rating(RatingException e) => e.Problem switch
    {
        RatingProblem.UnknownCode => NotFound("Unknown tariff code", e.Message, e.Field),
        RatingProblem.NoSchedule => NotFound("No schedule for this question", e.Message, e.Field),
        RatingProblem.MissingQuantity => Of(StatusCodes.Status422UnprocessableEntity, "Quantity needed", e.Message + " (pass qty and unit)", e.Field),
        RatingProblem.UnreadableRate => Of(StatusCodes.Status422UnprocessableEntity, "Rate cannot be read", e.Message, e.Field),
        _ => Of(StatusCodes.Status422UnprocessableEntity, "Line cannot be rated", e.Message, e.Field),
    };

    /// <summary>An upload the rules refused: 409 when it clashes with what the server holds, 422 when it is wrong in itself.</summary>
    public static IResult Refused(Questions.UploadRejectedException e, string title, string detail, string? field = null) =>
        Of(e.Kind == Questions.UploadRefusal.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity, title, detail, field);

    public static IResult UnknownScenario(ScenarioException e, string field = "scenario") =>
        NotFound("Unknown scenario", e.Message, field);
}
