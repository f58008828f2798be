namespace Tariffscope.Server.Http;

/// <summary>
/// Headers on every response: a content security policy with no inline script (the API reference page gets a
/// per-request nonce for Scalar's own script tags instead), no MIME sniffing, no referrer, no framing.
/// </summary>
public static class SecurityHeaders
{
    public const string DocsPath = "/docs";

    private const string Dashboard =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            h.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(DocsPath) ? Docs(context)
                : IsBatchReport(context.Request.Path) ? Report : Dashboard;
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>A batch's HTML report is one self-contained file: its own inline styles and SVG, no script at all.</summary>
    private const string Report = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static bool IsBatchReport(PathString path) =>
        path.StartsWithSegments($"{TariffscopeServer.ApiPrefix}/batch") && path.Value!.EndsWith("/report", StringComparison.Ordinal);

    /// <summary>Scalar renders its page with inline script tags carrying a nonce and styles it injects at run time.</summary>
    private static string Docs(HttpContext context)
    {
        var nonce = context.Items.TryGetValue(Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey, out var n) ? n as string : null;
        var script = nonce is null ? "'self'" : $"'self' 'nonce-{nonce}'";
        return $"default-src 'self'; script-src {script}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
               "font-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
