using System.IO.Compression;
using System.Text.Json;

namespace Tariffscope.Tests.Duties;

/// <summary>The rate columns of a USITC HTS export (gzipped JSON array of rows), read for tests.</summary>
internal sealed record HtsRateRow(string Code, int Indent, string General, string Special, string Other)
{
    public bool IsStatistical => Code.Count(char.IsAsciiDigit) == 10;

    public static IReadOnlyList<HtsRateRow> Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var doc = JsonDocument.Parse(gzip);
        return doc.RootElement.EnumerateArray().Select(r => new HtsRateRow(
            Text(r, "htsno"), int.TryParse(Text(r, "indent"), out var i) ? i : 0,
            Text(r, "general"), Text(r, "special"), Text(r, "other"))).ToList();
    }

    private static string Text(JsonElement row, string field) =>
        row.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    /// <summary>
    /// The general text in force on each 10-digit line: its own when printed, otherwise that of the nearest
    /// preceding row at a lower indent that prints one (statistical lines inherit their 8-digit parent's rate).
    /// </summary>
    public static IEnumerable<string> EffectiveGeneralOfStatisticalLines(IReadOnlyList<HtsRateRow> rows)
    {
        var open = new List<HtsRateRow>();
        foreach (var row in rows)
        {
            while (open.Count > 0 && open[^1].Indent >= row.Indent) open.RemoveAt(open.Count - 1);
            if (row.IsStatistical)
            {
                var text = row.General;
                for (var k = open.Count - 1; k >= 0 && string.IsNullOrWhiteSpace(text); k--) text = open[k].General;
                yield return text;
            }
            open.Add(row);
        }
    }
}
