using System.Globalization;
using System.Text.Json;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;
using Tariffscope.Trade;

namespace Tariffscope.Data.Trade;

/// <summary>
/// Reads the US Census Bureau's international trade API (imports by HS code): an HTTP GET answering a JSON array of
/// arrays of strings, the first being the column names. Columns used: <c>CTY_CODE</c>, <c>I_COMMODITY</c> (10
/// digits), <c>CON_VAL_YR</c> (or <c>GEN_VAL_YR</c>, <c>CON_VAL_MO</c>, <c>GEN_VAL_MO</c>), and when present
/// <c>CAL_DUT_YR</c>/<c>CAL_DUT_MO</c>, <c>CON_QY1_YR</c> with <c>UNIT_QY1</c>, and <c>time</c> (YYYY-MM).
/// For example <c>https://api.census.gov/data/timeseries/intltrade/imports/hs?get=CTY_CODE,I_COMMODITY,CON_VAL_YR,CAL_DUT_YR,CON_QY1_YR,UNIT_QY1&amp;time=2024-12&amp;COMM_LVL=HS10&amp;CTY_CODE=5700</c>.
/// </summary>
public static class CensusApi
{
    public static async Task<IReadOnlyList<TradeFlow>> DownloadAsync(string url, CensusCountries countries, string importer, int? year, HttpClient? http = null, CancellationToken ct = default)
    {
        var client = http ?? new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
                throw new TradeDataException($"{url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            return await ParseAsync(stream, url, countries, importer, year, ct);
        }
        catch (HttpRequestException e) { throw new TradeDataException($"{url}: download failed ({e.Message})", e); }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested) { throw new TradeDataException($"{url}: download timed out", e); }
        finally { if (http is null) client.Dispose(); }
    }

    public static async Task<IReadOnlyList<TradeFlow>> ParseAsync(Stream json, string source, CensusCountries countries, string importer, int? year, CancellationToken ct = default)
    {
        JsonDocument doc;
        try { doc = await JsonDocument.ParseAsync(json, cancellationToken: ct); }
        catch (JsonException e) { throw new TradeDataException($"{source}: not a JSON answer of the Census API ({e.Message})", e); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0 || root[0].ValueKind != JsonValueKind.Array)
                throw new TradeDataException($"{source}: expected a JSON array of rows whose first row names the columns");
            var header = root[0].EnumerateArray().Select(h => h.GetString() ?? "").ToList();
            int Find(params string[] names) => names.Select(n => header.IndexOf(n)).FirstOrDefault(i => i >= 0, -1);
            int cty = Find("CTY_CODE"), hs = Find("I_COMMODITY", "HS10"), val = Find("CON_VAL_YR", "GEN_VAL_YR", "CON_VAL_MO", "GEN_VAL_MO");
            int duty = Find("CAL_DUT_YR", "CAL_DUT_MO"), qty = Find("CON_QY1_YR", "GEN_QY1_YR", "CON_QY1_MO", "GEN_QY1_MO"), unit = Find("UNIT_QY1"), time = Find("time");
            foreach (var (i, what) in new[] { (cty, "CTY_CODE"), (hs, "I_COMMODITY"), (val, "CON_VAL_YR (or GEN_VAL_YR)") })
                if (i < 0) throw new TradeDataException($"{source}, row 1: expected a column {what}; found {string.Join(", ", header)}");
            if (year is null && time < 0) throw new TradeDataException($"{source}, row 1: no 'time' column tells the year; give --year");

            var flows = new List<TradeFlow>();
            int rowNo = 1;
            foreach (var row in root.EnumerateArray().Skip(1))
            {
                rowNo++;
                var f = row.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? "" : e.ToString()).ToList();
                string At(int i) => i >= 0 && i < f.Count ? f[i].Trim() : "";
                TradeDataException Bad(int i, string expected) => new($"{source}, row {rowNo}, field {header[i]}: expected {expected}, found '{At(i)}'");
                var partner = countries.Iso2(At(cty))
                    ?? throw Bad(cty, $"a Census country code listed in {countries.Source} (map others with --countries FILE)");
                if (HtsCode.TryParse(At(hs)) is not { Length: 10 } code) throw Bad(hs, "a 10-digit HTS code");
                if (!decimal.TryParse(At(val), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < 0) throw Bad(val, "a customs value in US dollars");
                decimal? collected = null;
                if (duty >= 0 && At(duty).Length > 0)
                {
                    if (!decimal.TryParse(At(duty), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) || d < 0) throw Bad(duty, "the duty collected in US dollars");
                    collected = d;
                }
                int y;
                if (year is { } given) y = given;
                else if (At(time).Length >= 4 && int.TryParse(At(time)[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var t)) y = t;
                else throw Bad(time, "a period written YYYY-MM");
                var flow = new TradeFlow(importer, partner, code, y, value, collected, source);
                if (qty >= 0 && unit >= 0 && decimal.TryParse(At(qty), NumberStyles.Number, CultureInfo.InvariantCulture, out var q) && q > 0 && At(unit) is { Length: > 0 } u && u is not ("-" or "X"))
                    flow = flow with { Quantity = new Quantity(q, u) };
                flows.Add(flow);
            }
            return flows;
        }
    }
}
