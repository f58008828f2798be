using System.ComponentModel;
using Tariffscope.Data.Entries;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

public sealed record BatchScenarioTotal(string Scenario, decimal Duty, decimal EffectiveRate);
public sealed record BatchRejectDoc(string Field, string? Scenario, long Count, long FirstLine, string Example);
public sealed record BatchDoc(string Id, long InputLines, long Rated, long Rejected, bool Accounted, decimal CustomsValue,
    IReadOnlyList<BatchScenarioTotal> Totals, IReadOnlyList<BatchRejectDoc> Rejects, string Results, string RejectsFile, string? Report = null,
    [property: Description("Lines of the file that belong to no line read (counted apart from the parser); absent when none")] string? UnaccountedLines = null);

/// <summary>
/// <c>POST /api/v1/batch</c>: rate an uploaded entry file (CSV) under one or more scenarios, streaming it through the
/// same batch job as <c>tariffscope rate</c>; the rated file and the rejects are then downloaded by the id it returns.
/// A write like the other uploads: it needs the API key, and a CSV (<c>text/csv</c>), XLSX or Parquet body (not a
/// "simple" type a cross-site form could send without a preflight). Files live in the <see cref="BatchStore"/>, named by a server-made id: nothing
/// from the request names a path, and no answer shows one.
/// </summary>
public static class BatchEndpoints
{
    public static void Map(RouteGroupBuilder api, ApiFeatures features, ServerOptions options)
    {
        api.MapPost("/batch", Rate)
            .WithName("RateBatch").WithTags("Batch")
            .WithSummary("Rate an entry file (CSV: code, origin, entry date, customs value, …) under one or more scenarios; every line rated or rejected with its reason")
            .DocumentTextBody(RequestBody.EntryFile, "Entry file with a header row: CSV, XLSX (first sheet) or Parquet, by its Content-Type (see docs/batch.md for the columns)")
            .Produces<BatchDoc>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422).ProducesProblem(429)
            .AddEndpointFilter(new ApiKeyFilter(options.ResolveApiKey()))
            .RequireRateLimiting(TariffscopeServer.ExpensivePolicy);
        api.MapGet("/batch/{id}/{file}", Download)
            .WithName("DownloadBatch").WithTags("Batch")
            .WithSummary("Download the rated file (results), the rejects or the HTML report of a batch (kept for the server's retention period)")
            .Produces(200, contentType: "text/csv").Produces(200, contentType: "text/html").ProducesProblem(401).ProducesProblem(403).ProducesProblem(404)
            .AddEndpointFilter(new ApiKeyFilter(options.ResolveApiKey()));
        features.Add("batch");
    }

    private static async Task<IResult> Rate(HttpContext context, Rulebook store, ServerOptions options, BatchStore batches,
        [Description("Scenarios, comma-separated (default actual)")] string? scenarios,
        [Description("Entry date for every line, YYYY-MM-DD, in place of the file's date column")] string? date)
    {
        var read = await RequestBody.ReadAsync(context.Request, options.MaxUploadBytes, RequestBody.EntryFile, "an entry file", context.RequestAborted);
        if (read.Problem is not null) return read.Problem;
        var args = new QueryArgs();
        var day = args.OptionalDate("date", date);
        if (args.Failed(out var invalid)) return invalid;
        var names = (scenarios ?? "actual").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.FirstOrDefault(n => !store.Workspace.Scenarios.Names.Contains(n, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null) return Problems.Of(StatusCodes.Status404NotFound, "Unknown scenario", $"there is no scenario '{unknown}'", "scenarios");
        var (id, folder) = batches.Create();
        // the batch reader knows a file by its extension: the media type names it
        var input = Path.Combine(folder, "entries" + RequestBody.EntryExtension(context.Request.ContentType));
        bool kept = false;
        try
        {
            await File.WriteAllBytesAsync(input, read.Bytes!, context.RequestAborted);
            var result = await RateFileQuestion.RunAsync(store, new BatchOptions
            {
                Input = input, Output = Path.Combine(folder, "results.csv"), Rejects = Path.Combine(folder, "rejects.csv"),
                Scenarios = names, Date = day,
            }, ct: context.RequestAborted);
            kept = true;
            var s = result.Summary;
            var totals = s.Scenarios.Select((name, i) => new BatchScenarioTotal(name, s.Duty[i], s.Value == 0 ? 0 : Math.Round(s.Duty[i] / s.Value, 6))).ToList();
            var rejects = s.RejectCounts.Select(r => new BatchRejectDoc(r.Field, r.Scenario, r.Count, r.FirstLine, r.Example)).ToList();
            await File.WriteAllTextAsync(Path.Combine(folder, "report.html"), Tariffscope.Data.Reports.BatchReport.Render(result, "uploaded entry file", Path.GetFileName), context.RequestAborted);
            batches.Keep(id, folder, System.Text.Json.JsonSerializer.Serialize(new { s.InputLines, s.Rated, s.Rejected, s.Value, scenarios = names }));
            return TypedResults.Ok(new BatchDoc(id, s.InputLines, s.Rated, s.Rejected, result.IsAccounted, s.Value, totals, rejects,
                $"{TariffscopeServer.ApiPrefix}/batch/{id}/results", $"{TariffscopeServer.ApiPrefix}/batch/{id}/rejects", $"{TariffscopeServer.ApiPrefix}/batch/{id}/report", result.Uncovered));
        }
        catch (Exception e) when (e is EntryFileException or ArgumentException or FormatException or InvalidDataException)
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Entry file refused", Scrub(e.Message, input, folder), "body");
        }
        finally
        {
            File.Delete(input);
            if (!kept) BatchStore.Delete(folder); // a failed or cancelled job leaves nothing behind
        }
    }

    /// <summary>The message without the server's folders: the upload is "the uploaded file".</summary>
    internal static string Scrub(string message, string input, string folder) =>
        message.Replace(input, "the uploaded file", StringComparison.Ordinal).Replace(folder, "", StringComparison.Ordinal);

    private static IResult Download(BatchStore batches, string id, string file)
    {
        // The id must be one this server made and still holds; the file is one of three fixed names.
        if (file is not ("results" or "rejects" or "report"))
            return Problems.Of(StatusCodes.Status404NotFound, "No such batch file", "expected /batch/{id}/results, /rejects or /report with the id a POST returned", "file");
        var folder = batches.Find(id);
        var (name, type) = file == "report" ? ("report.html", "text/html") : (file + ".csv", "text/csv");
        var path = folder is null ? null : Path.Combine(folder, name);
        return path is not null && File.Exists(path)
            ? Results.File(path, type, name)
            : Problems.Of(StatusCodes.Status404NotFound, "No such batch file", $"no batch '{id}' is held by this server (results are kept for a limited time)", "id");
    }
}
