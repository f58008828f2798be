using Microsoft.AspNetCore.Diagnostics;
using Tariffscope.Data.Policy;
using Tariffscope.Engine;
using Tariffscope.Policy;

namespace Tariffscope.Server.Http;

/// <summary>
/// The last line of defence: an exception that escapes an endpoint becomes a problem detail. Refusals the library
/// makes on purpose (a line it cannot rate, an unknown scenario, a malformed request) keep their 4xx meaning;
/// anything else is a bug, logged in full and answered with a plain 500 that leaks nothing.
/// </summary>
public sealed class ExceptionMapping(ILogger<ExceptionMapping> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var result = exception switch
        {
            BadHttpRequestException e => Problems.Of(e.StatusCode, "Bad request", e.Message),
            RatingException e => Problems.Rating(e),
            ScenarioException e => Problems.UnknownScenario(e),
            PolicyFileException e => Problems.Of(StatusCodes.Status422UnprocessableEntity, "File refused", e.Message, e.Field),
            UploadRejectedException e => Problems.Refused(e, "Upload refused", e.Message),
            NoTradeDataException e => Api.IndicatorEndpoints.NoTrade(e),
            _ => null,
        };
        if (result is null)
        {
            log.LogError(exception, "unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            result = Problems.Of(StatusCodes.Status500InternalServerError, "Internal error",
                "the server failed to answer this request; the error is logged with the trace id");
        }
        await result.ExecuteAsync(context);
        return true;
    }
}
