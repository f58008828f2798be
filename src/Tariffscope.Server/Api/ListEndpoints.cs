using System.Collections.Immutable;
using System.ComponentModel;
using Tariffscope.Data.Policy;
using Tariffscope.Policy;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

public sealed record UploadedListDoc(string Name, int Codes, bool Replaced, string Source);

/// <summary>
/// <c>PUT /api/v1/lists/{name}</c>: put a product list (CSV or one code a line, the format of
/// <c>tariffscope data import-list</c>) in place of the list of that name, for every scenario, until the server stops.
/// </summary>
public static class ListEndpoints
{
    public static void Map(RouteGroupBuilder api, ApiFeatures features, ServerOptions options)
    {
        api.MapPut("/lists/{name}", Upload)
            .WithName("UploadList").WithTags("Scenarios")
            .WithSummary("Upload a product list (e.g. the official Section 301 annex) that replaces the list of that name; needs the API key. Kept in the server's store, so it survives a restart and is served by every replica on the store")
            .DocumentTextBody(RequestBody.Csv, "CSV with a code column (HTSUS, hts8, code, …) or one code a line")
            .Produces<UploadedListDoc>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413)
            .ProducesProblem(415).ProducesProblem(422).ProducesProblem(429)
            .AddEndpointFilter(new ApiKeyFilter(options.ResolveApiKey()))
            .RequireRateLimiting(TariffscopeServer.ExpensivePolicy);
        features.Add("lists");
    }

    private static async Task<IResult> Upload(HttpContext context, Rulebook store, ServerOptions options, Today clock,
        [Description("List name, as policy files refer to it (s301-list3)")] string name,
        [Description("Where the list comes from (instrument, annex, link)")] string? source)
    {
        if (!IsName(name))
            return Problems.BadRequest($"'{name}' is not a list name; use 1 to 64 lower-case letters, digits, '-' or '_'", "name");
        var read = await RequestBody.ReadAsync(context.Request, options.MaxUploadBytes, RequestBody.Csv, "a product list", context.RequestAborted);
        if (read.Problem is not null) return read.Problem;
        IReadOnlyList<string> codes;
        try { codes = ProductListFile.Read(new MemoryStream(read.Bytes!), $"uploaded list '{name}'"); }
        catch (FormatException e) { return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Product list refused", e.Message, "body"); }
        if (codes.Count == 0) return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Product list refused", "the file holds no codes", "body");
        var origin = string.IsNullOrWhiteSpace(source) ? $"uploaded on {clock.Date:yyyy-MM-dd}" : source.Trim();
        var list = new ProductList(name, $"{name} (uploaded)", new Provenance(origin, Note: $"uploaded list, {codes.Count} codes"),
            codes.ToImmutableHashSet(StringComparer.Ordinal), []);
        bool replaced;
        try { replaced = store.ReplaceList(list); }
        catch (UploadRejectedException e) { return Problems.Refused(e, "Product list refused", e.Message, "body"); }
        return TypedResults.Ok(new UploadedListDoc(name, codes.Count, replaced, origin));
    }

    private static bool IsName(string s) => s.Length is >= 1 and <= 64 && s.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
}
