namespace Tariffscope.Server.Http;

/// <summary>
/// The request line and header limits, enforced here rather than by Kestrel: Kestrel's own 414 and 431 answers are
/// written before any middleware runs, so they carried none of the security headers and no problem detail. Kestrel
/// keeps twice these limits as the hard stop for anything larger.
/// </summary>
public static class RequestLimits
{
    public const int MaxTargetBytes = 8 * 1024;
    public const int MaxHeaderBytes = 32 * 1024;
    /// <summary>Kestrel's limits: only requests beyond these get its bare answer.</summary>
    public const int KestrelTargetBytes = 2 * MaxTargetBytes, KestrelHeaderBytes = 2 * MaxHeaderBytes;

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var r = context.Request;
        long target = r.Path.Value?.Length + r.PathBase.Value?.Length + r.QueryString.Value?.Length ?? 0;
        if (target > MaxTargetBytes)
        {
            await Problems.Of(StatusCodes.Status414UriTooLong, "Address too long",
                $"the request's address is {target:N0} characters; this server reads at most {MaxTargetBytes:N0} (send long inputs in a body)").ExecuteAsync(context);
            return;
        }
        long headers = 0;
        foreach (var (name, values) in r.Headers)
            foreach (var v in values) headers += name.Length + (v?.Length ?? 0) + 4;
        if (headers > MaxHeaderBytes)
        {
            await Problems.Of(StatusCodes.Status431RequestHeaderFieldsTooLarge, "Headers too large",
                $"the request's headers take {headers:N0} bytes; this server reads at most {MaxHeaderBytes:N0}").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
