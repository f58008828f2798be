using Microsoft.AspNetCore.StaticFiles;

namespace Tariffscope.Server.Dashboard;

/// <summary>
/// The dashboard: static files from <see cref="EmbeddedAssets"/>, and its pages (<c>/</c>, <c>/quote</c>,
/// <c>/timeline</c>, …) all answered by the one HTML shell whose script draws the page the path names.
/// </summary>
public static class DashboardRoutes
{
    /// <summary>The dashboard's pages; a capability that lands later adds its page's name here and a module in site/js/pages.</summary>
    public static readonly string[] Pages = ["play", "quote", "timeline", "deadlines", "scenarios", "indicators", "batch", "replay", "impact", "game", "controls"];

    private static readonly EmbeddedAssets Assets = new();

    public static IApplicationBuilder UseDashboard(this IApplicationBuilder app)
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".js"] = "text/javascript; charset=utf-8";
        types.Mappings[".css"] = "text/css; charset=utf-8";
        types.Mappings[".svg"] = "image/svg+xml";
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = Assets,
            ContentTypeProvider = types,
            ServeUnknownFileTypes = false,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache", // revalidate by ETag: a new build shows at once
        });
    }

    public static void MapDashboardPages(this WebApplication app)
    {
        var shell = Assets.GetFileInfo("/index.html");
        IResult Page() => Results.Stream(shell.CreateReadStream(), "text/html; charset=utf-8");
        app.MapGet("/", Page).ExcludeFromDescription();
        foreach (var page in Pages) app.MapGet("/" + page, Page).ExcludeFromDescription();
    }
}
