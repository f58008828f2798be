using System.Diagnostics;

namespace Tariffscope.Server.Http;

/// <summary>One structured log entry per request: method, path (never the query), status and time taken.</summary>
public static class RequestLog
{
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Tariffscope.Server.Requests");
        return app.Use(async (context, next) =>
        {
            if (!log.IsEnabled(LogLevel.Information)) { await next(context); return; }
            var started = Stopwatch.GetTimestamp();
            try { await next(context); }
            finally
            {
                log.LogInformation("{Method} {Path} {Status} {ElapsedMs}", context.Request.Method, context.Request.Path.Value,
                    context.Response.StatusCode, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2));
            }
        });
    }
}
