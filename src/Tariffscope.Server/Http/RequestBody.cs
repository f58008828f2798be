using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Tariffscope.Server.Http;

/// <summary>
/// Reads a request body within a size limit and of an expected media type, turning every way it can be wrong
/// (wrong content type, too large, malformed JSON) into a problem that says which.
/// </summary>
public static class RequestBody
{
    public static readonly string[] Json = ["application/json"];
    public static readonly string[] Yaml = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"];
    public static readonly string[] Csv = ["text/csv", "text/plain"];
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string ParquetType = "application/vnd.apache.parquet";
    /// <summary>An entry file: CSV, an Excel workbook or a Parquet file, as its media type says. Not text/plain: a
    /// "simple" type any web page could post cross-site without a preflight.</summary>
    public static readonly string[] EntryFile = ["text/csv", XlsxType, ParquetType, "application/x-parquet"];

    /// <summary>The file extension the batch reader needs for an entry file of this media type.</summary>
    public static string EntryExtension(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var t) ? t.MediaType.Value?.ToLowerInvariant() switch
        {
            XlsxType => ".xlsx",
            ParquetType or "application/x-parquet" => ".parquet",
            _ => ".csv",
        } : ".csv";

    public sealed record Read(byte[]? Bytes, IResult? Problem);

    public static async Task<Read> ReadAsync(HttpRequest request, long limit, string[] mediaTypes, string what, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !mediaTypes.Contains(type.MediaType.Value, StringComparer.OrdinalIgnoreCase))
            return new(null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                $"{what} must be sent as {string.Join(" or ", mediaTypes)}; the request said {(string.IsNullOrEmpty(request.ContentType) ? "nothing" : $"'{request.ContentType}'")}",
                "Content-Type"));
        if (request.ContentLength > limit) return new(null, TooLarge(what, limit, request.ContentLength));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit + 1;

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > limit) return new(null, TooLarge(what, limit, null));
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, TooLarge(what, limit, null));
        }
        catch (BadHttpRequestException e)
        {
            return new(null, Problems.Of(e.StatusCode, "Unreadable body", $"{what} could not be read: {e.Message}", "body"));
        }
        catch (IOException e) when (!ct.IsCancellationRequested)
        {
            // Kestrel reports broken framing (a chunk size that overflows, a chunk that is not hex) as an IOException
            return new(null, Problems.Of(StatusCodes.Status400BadRequest, "Unreadable body",
                $"{what} could not be read: its framing is broken ({e.Message.TrimEnd('.')})", "body"));
        }
        if (buffer.Length == 0) return new(null, Problems.BadRequest($"the request has no body; expected {what}", "body"));
        return new(buffer.ToArray(), null);
    }

    /// <summary>Reads and deserializes a JSON body (the API's own serializer settings; unknown fields refused).</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpContext context, long limit, string what) where T : class
    {
        var read = await ReadAsync(context.Request, limit, Json, what, context.RequestAborted);
        if (read.Problem is not null) return (null, read.Problem);
        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = JsonSerializer.Deserialize<T>(read.Bytes, options);
            return value is null ? (null, Problems.BadRequest($"the body is JSON null; expected {what}", "body")) : (value, null);
        }
        catch (JsonException e)
        {
            var message = e.Message.Split(" Path: ")[0].Split(" LineNumber: ")[0].TrimEnd('.', ' ', '|');
            var at = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" (field {e.Path})";
            return (null, Problems.Of(StatusCodes.Status400BadRequest, "Malformed JSON", $"the body is not valid JSON for {what}{at}{path}: {message}", "body"));
        }
    }

    private static IResult TooLarge(string what, long limit, long? length) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "Upload too large",
            $"{what} is {(length is { } l ? $"{Size(l)}" : "larger than the limit")}; this server accepts at most {Size(limit)}", "body");

    private static string Size(long bytes) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes:N0} bytes") +
        (bytes >= 1024 * 1024 ? $" ({bytes / (1024.0 * 1024.0):0.##} MB)" : bytes >= 1024 ? $" ({bytes / 1024.0:0.##} KB)" : "");
}
