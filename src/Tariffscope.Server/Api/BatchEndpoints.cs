using System.ComponentModel;
using Tariffscope.Data.Entries;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

public sealed record BatchScenarioTotal(string Scenario, decimal Duty, decimal EffectiveRate);
public sealed record BatchRejectDoc(string Field, string? Scenario, long Count, long FirstLine, string Example);
public sealed record BatchDoc(string Id, long InputLines, long Rated, long Rejected, bool Accounted, decimal CustomsValue,
    IReadOnlyList<BatchScenarioTotal> Totals, IReadOnlyList<BatchRejectDoc> Rejects, string Results, string RejectsFile, string? Report = null);

/// <summary>
/// <c>POST /api/v1/batch</c>: rate an uploaded entry file (CSV) under one or more scenarios, streaming it through the
/// same batch job as <c>tariffscope rate</c>; the rated file and the rejects are then downloaded by the id it returns.
/// Files live in a folder of the server's own choosing, named by a server-made id: nothing from the request names a path.
/// </summary>
public static class BatchEndpoints
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "tariffscope-batch");

    public static void Map(RouteGroupBuilder api, ApiFeatures features, ServerOptions options)
    {
        api.MapPost("/batch", Rate)
            .WithName("RateBatch").WithTags("Batch")
            .WithSummary("Rate an entry file (CSV: code, origin, entry date, customs value, …) under one or more scenarios; every line rated or rejected with its reason")
            .DocumentTextBody(RequestBody.EntryFile, "Entry file with a header row: CSV, XLSX (first sheet) or Parquet, by its Content-Type (see docs/batch.md for the columns)")
            .Produces<BatchDoc>().ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422).ProducesProblem(429)
            .RequireRateLimiting(TariffscopeServer.ExpensivePolicy);
        api.MapGet("/batch/{id}/{file}", Download)
            .WithName("DownloadBatch").WithTags("Batch")
            .WithSummary("Download the rated file (results), the rejects or the HTML report of a batch")
            .Produces(200, contentType: "text/csv").Produces(200, contentType: "text/html").ProducesProblem(404);
        features.Add("batch");
    }

    private static async Task<IResult> Rate(HttpContext context, PolicyStore store, ServerOptions options,
        [Description("Scenarios, comma-separated (default actual)")] string? scenarios,
        [Description("Entry date for every line, YYYY-MM-DD, in place of the file's date column")] string? date)
    {
        var read = await RequestBody.ReadAsync(context.Request, options.MaxUploadBytes, RequestBody.EntryFile, "an entry file", context.RequestAborted);
        if (read.Problem is not null) return read.Problem;
        DateOnly? day = null;
        if (date is not null)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var d)) return Problems.BadRequest($"'{date}' is not a date; expected YYYY-MM-DD", "date");
            day = d;
        }
        var names = (scenarios ?? "actual").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.FirstOrDefault(n => !store.Workspace.Scenarios.Names.Contains(n, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null) return Problems.Of(StatusCodes.Status404NotFound, "Unknown scenario", $"there is no scenario '{unknown}'", "scenarios");
        var id = Guid.NewGuid().ToString("N");
        var folder = Directory.CreateDirectory(Path.Combine(Root, id)).FullName;
        // the batch reader knows a file by its extension: the media type names it
        var input = Path.Combine(folder, "entries" + RequestBody.EntryExtension(context.Request.ContentType));
        await File.WriteAllBytesAsync(input, read.Bytes!, context.RequestAborted);
        try
        {
            var result = await BatchJob.RunAsync(store.Workspace, new BatchOptions
            {
                Input = input, Output = Path.Combine(folder, "results.csv"), Rejects = Path.Combine(folder, "rejects.csv"),
                Scenarios = names, Date = day,
            }, ct: context.RequestAborted);
            var s = result.Summary;
            var totals = s.Scenarios.Select((name, i) => new BatchScenarioTotal(name, s.Duty[i], s.Value == 0 ? 0 : Math.Round(s.Duty[i] / s.Value, 6))).ToList();
            var rejects = s.RejectCounts.Select(r => new BatchRejectDoc(r.Field, r.Scenario, r.Count, r.FirstLine, r.Example)).ToList();
            await File.WriteAllTextAsync(Path.Combine(folder, "report.html"), Tariffscope.Data.Reports.BatchReport.Render(result, "uploaded entry file", Path.GetFileName), context.RequestAborted);
            return TypedResults.Ok(new BatchDoc(id, s.InputLines, s.Rated, s.Rejected, result.IsAccounted, s.Value, totals, rejects,
                $"{TariffscopeServer.ApiPrefix}/batch/{id}/results", $"{TariffscopeServer.ApiPrefix}/batch/{id}/rejects", $"{TariffscopeServer.ApiPrefix}/batch/{id}/report"));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidDataException or EntryFileException)
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Entry file refused", e.Message, "body");
        }
        finally { File.Delete(input); }
    }

    private static IResult Download(string id, string file)
    {
        // The id must be one this server made; the file is one of two fixed names.
        if (!Guid.TryParseExact(id, "N", out _) || file is not ("results" or "rejects" or "report"))
            return Problems.Of(StatusCodes.Status404NotFound, "No such batch file", "expected /batch/{id}/results, /rejects or /report with the id a POST returned", "id");
        var (name, type) = file == "report" ? ("report.html", "text/html") : (file + ".csv", "text/csv");
        var path = Path.Combine(Root, id, name);
        return File.Exists(path)
            ? Results.File(path, type, name)
            : Problems.Of(StatusCodes.Status404NotFound, "No such batch file", $"no batch {id} is held by this server", "id");
    }
}
