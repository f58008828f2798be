using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Tariffscope.Data.Hts;
using Tariffscope.Nomenclature;
using Tariffscope.Trade;

namespace Tariffscope.Data.Trade;

/// <summary>What to import: a Parquet file or folder of Census-style files, a CSV in the documented layout, or a
/// Census international trade API URL; the importer and year when the source does not say them.</summary>
public sealed record TradeImportRequest(string PathOrUrl, string Importer = "US", int? Year = null, string? CountriesFile = null);

/// <summary>Per partner, what one import stored.</summary>
public sealed record ImportedPartner(string Partner, long Rows, decimal Value, decimal? DutyCollected);

public sealed record TradeImportResult(string Source, string Kind, string Importer, int Year, long Rows, decimal Value, decimal? DutyCollected,
    IReadOnlyList<ImportedPartner> Partners, string StoredAt, TimeSpan Elapsed);

/// <summary>
/// Puts trade flows into the data directory's DuckDB store. Parquet goes straight from file to table inside DuckDB
/// (<c>INSERT … SELECT … FROM read_parquet([...])</c>), which is what makes 200,000 rows take a second; CSV and the
/// Census API are read here and appended. Every source is checked before anything is stored: a bad code, value or
/// country names its file, row and field, and nothing is written.
/// </summary>
public static class TradeImporter
{
    public const string CsvLayout = "importer,partner,hs10,year,value,duty (optional: quantity,unit)";

    public static async Task<TradeImportResult> ImportAsync(DataDirectory dir, TradeImportRequest request, HttpClient? http = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var countries = request.CountriesFile is null ? CensusCountries.BuiltIn() : CensusCountries.Read(request.CountriesFile);
        var src = request.PathOrUrl.Trim();
        if (src.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || src.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var flows = await CensusApi.DownloadAsync(src, countries, request.Importer, request.Year, http, ct);
            return StoreInMemory(dir, flows, src, "census-api", request.Importer, clock);
        }
        if (Directory.Exists(src))
        {
            var files = Directory.EnumerateFiles(src, "*.parquet").Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) throw new TradeDataException($"{src}: the folder holds no .parquet file");
            return ImportParquet(dir, files, src, countries, request, clock);
        }
        if (!File.Exists(src)) throw new FileNotFoundException($"'{src}' is neither a file, a folder nor an http(s) URL", src);
        if (src.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)) return ImportParquet(dir, [src], src, countries, request, clock);
        if (src.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return StoreInMemory(dir, ReadCsv(src), src, "csv", request.Importer, clock);
        throw new TradeDataException($"{src}: expected a .parquet file, a folder of them, a .csv file ({CsvLayout}) or an http(s) URL");
    }

    private static TradeImportResult StoreInMemory(DataDirectory dir, IReadOnlyList<TradeFlow> flows, string source, string kind, string importer, Stopwatch clock)
    {
        if (flows.Count == 0) throw new TradeDataException($"{source}: no trade flow in it");
        using var store = TradeStore.Open(dir, create: true);
        store.Replace(flows, source, kind);
        var first = flows[0];
        var partners = flows.GroupBy(f => f.Partner).Select(g => new ImportedPartner(g.Key, g.LongCount(), g.Sum(f => f.Value), SumOrNull(g.Select(f => f.DutyCollected))))
            .OrderByDescending(p => p.Value).ToList();
        return new TradeImportResult(source, kind, first.Importer, first.Year, flows.Count, flows.Sum(f => f.Value), SumOrNull(flows.Select(f => f.DutyCollected)),
            partners, store.Path, clock.Elapsed);
    }

    private static decimal? SumOrNull(IEnumerable<decimal?> xs)
    {
        decimal? sum = null;
        foreach (var x in xs) if (x is { } v) sum = (sum ?? 0) + v;
        return sum;
    }

    /// <summary>Reads the CSV layout <see cref="CsvLayout"/>: one row per importer, partner, code and year.</summary>
    public static IReadOnlyList<TradeFlow> ReadCsv(string path)
    {
        CsvTable table;
        try { table = CsvTable.Read(path); }
        catch (HtsFormatException e) { throw new TradeDataException(e.Message, e); }
        var name = Path.GetFileName(path);
        int Col(string c)
        {
            try { return table.Require(c); }
            catch (HtsFormatException) { throw new TradeDataException($"{name}, line 1: expected a column '{c}' (layout: {CsvLayout}); found {string.Join(", ", table.Header)}"); }
        }
        int imp = Col("importer"), par = Col("partner"), hs = Col("hs10"), yr = Col("year"), val = Col("value"), duty = Col("duty");
        var header = table.Header.ToList();
        int qty = header.FindIndex(h => h.Equals("quantity", StringComparison.OrdinalIgnoreCase));
        int unit = header.FindIndex(h => h.Equals("unit", StringComparison.OrdinalIgnoreCase));
        TradeDataException Bad(CsvRecord r, int column, string expected) =>
            new($"{name}, line {r.Line}, field {header[column]}: expected {expected}, found '{r[column]}'");
        var flows = new List<TradeFlow>(table.Records.Count);
        foreach (var r in table.Records)
        {
            var importer = r[imp].ToUpperInvariant();
            var partner = r[par].ToUpperInvariant();
            if (importer.Length != 2 || !importer.All(char.IsAsciiLetter)) throw Bad(r, imp, "a two-letter country code such as US");
            if (partner.Length != 2 || !partner.All(char.IsAsciiLetter)) throw Bad(r, par, "a two-letter country code such as CN");
            if (HtsCode.TryParse(r[hs]) is not { Length: 10 } code) throw Bad(r, hs, "a 10-digit tariff code such as 8471.30.01.00");
            if (!int.TryParse(r[yr], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2200) throw Bad(r, yr, "a year such as 2024");
            if (!decimal.TryParse(r[val], NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < 0) throw Bad(r, val, "a customs value in US dollars, 0 or more");
            decimal? collected = null;
            if (r[duty].Length > 0)
            {
                if (!decimal.TryParse(r[duty], NumberStyles.Number, CultureInfo.InvariantCulture, out var d) || d < 0) throw Bad(r, duty, "the duty collected in US dollars, 0 or more, or nothing");
                collected = d;
            }
            var flow = new TradeFlow(importer, partner, code, year, value, collected, name);
            if (qty >= 0 && r[qty].Length > 0)
            {
                if (!decimal.TryParse(r[qty], NumberStyles.Number, CultureInfo.InvariantCulture, out var q) || q < 0) throw Bad(r, qty, "a quantity, 0 or more");
                if (unit < 0 || r[unit].Length == 0) throw new TradeDataException($"{name}, line {r.Line}, field unit: a quantity needs its unit (kg, No., liters, …)");
                flow = flow with { Quantity = new(q, r[unit]) };
            }
            flows.Add(flow);
        }
        return flows;
    }

    private static TradeImportResult ImportParquet(DataDirectory dir, IReadOnlyList<string> files, string source, CensusCountries countries, TradeImportRequest request, Stopwatch clock)
    {
        using var store = TradeStore.Open(dir, create: true);
        var c = store.Connection;
        var list = "[" + string.Join(", ", files.Select(f => Quote(Path.GetFullPath(f)))) + "]";
        var scan = $"read_parquet({list}, union_by_name = true, filename = true, file_row_number = true)";
        try
        {
            var columns = ColumnsOf(c, scan);
            string Pick(string what, params string[] names) =>
                names.FirstOrDefault(columns.Contains) ?? throw new TradeDataException(
                    $"{Path.GetFileName(files[0])}{(files.Count > 1 ? " (and the other files)" : "")}: expected a column {string.Join(" or ", names)} ({what}); found {string.Join(", ", columns)}");
            var cty = Pick("Census country code", "CTY_CODE");
            var hs = Pick("10-digit HTS code", "HS10", "I_COMMODITY");
            var value = columns.Contains("imports") ? "imports" : $"TRY_CAST({Pick("customs value", "imports", "CON_VAL_YR")} AS DOUBLE)";
            var dutyCol = columns.Contains("duty") ? "duty" : columns.Contains("CAL_DUT_YR") ? "TRY_CAST(CAL_DUT_YR AS DOUBLE)" : "NULL::DOUBLE";
            var yearExpr = request.Year is { } y ? y.ToString(CultureInfo.InvariantCulture)
                : columns.Contains("time") ? "CAST(year(TRY_CAST(\"time\" AS TIMESTAMP)) AS INTEGER)"
                : throw new TradeDataException($"{Path.GetFileName(files[0])}: no 'time' column tells the year; give --year");

            TradeStore.Execute(c, "CREATE OR REPLACE TEMP TABLE census_countries(cty_code VARCHAR, iso2 VARCHAR)");
            using (var app = c.CreateAppender("census_countries"))
                foreach (var (code, (iso, _)) in countries.ByCode) app.CreateRow().AppendValue(code).AppendValue(iso).EndRow();

            // Read the files once into a temporary table; check it whole before anything is stored.
            TradeStore.Execute(c, $"""
                CREATE OR REPLACE TEMP TABLE incoming AS
                SELECT parse_filename(filename) AS file, file_row_number + 1 AS row_no, {cty} AS cty, {hs} AS hs10,
                       {value} AS value, {dutyCol} AS duty, {yearExpr} AS year
                FROM {scan}
                """);
            const string rows = "incoming";
            Refuse(c, $"SELECT file, row_no, '{cty}', cty FROM {rows} WHERE cty IS NULL OR cty NOT IN (SELECT cty_code FROM census_countries) LIMIT 1",
                $"a Census country code listed in {countries.Source} (map others with --countries FILE: cty_code,iso2,name)");
            Refuse(c, $"SELECT file, row_no, '{hs}', hs10 FROM {rows} WHERE hs10 IS NULL OR NOT regexp_full_match(hs10, '[0-9]{{10}}') LIMIT 1",
                "a 10-digit HTS code");
            Refuse(c, $"SELECT file, row_no, 'imports', CAST(value AS VARCHAR) FROM {rows} WHERE value IS NULL OR value < 0 OR isnan(value) LIMIT 1",
                "a customs value in US dollars, 0 or more");
            Refuse(c, $"SELECT file, row_no, 'duty', CAST(duty AS VARCHAR) FROM {rows} WHERE duty < 0 OR isnan(duty) LIMIT 1",
                "the duty collected in US dollars, 0 or more");
            Refuse(c, $"SELECT file, row_no, 'time', 'no year' FROM {rows} WHERE year IS NULL LIMIT 1", "a date in the time column (or give --year)");

            using var tx = c.BeginTransaction();
            TradeStore.Execute(c, $"""
                DELETE FROM flows USING (SELECT DISTINCT r.year, m.iso2 FROM {rows} r JOIN census_countries m ON r.cty = m.cty_code) k
                WHERE flows.importer = $importer AND flows.year = k.year AND flows.partner = k.iso2
                """, ("importer", request.Importer));
            TradeStore.Execute(c, $"""
                INSERT INTO flows
                SELECT $importer, m.iso2, r.hs10, r.year, CAST(round(r.value, 2) AS DECIMAL(18,2)), CAST(round(r.duty, 2) AS DECIMAL(18,2)), NULL, NULL, r.file
                FROM {rows} r JOIN census_countries m ON r.cty = m.cty_code
                """, ("importer", request.Importer));
            var partners = new List<ImportedPartner>();
            int year = 0;
            using (var cmd = TradeStore.Command(c, $"""
                SELECT m.iso2, r.year, count(*), CAST(sum(round(r.value, 2)) AS DECIMAL(20,2)), CAST(sum(round(r.duty, 2)) AS DECIMAL(20,2))
                FROM {rows} r JOIN census_countries m ON r.cty = m.cty_code GROUP BY ALL ORDER BY 4 DESC
                """))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                {
                    if (year != 0 && year != r.GetInt32(1)) throw new TradeDataException($"{source}: the files hold more than one year ({year} and {r.GetInt32(1)}); import one year at a time or give --year");
                    year = r.GetInt32(1);
                    partners.Add(new ImportedPartner(r.GetString(0), r.GetInt64(2), r.GetDecimal(3), r.IsDBNull(4) ? null : r.GetDecimal(4)));
                }
            var total = partners.Sum(p => p.Value);
            store.Log(source, "parquet", request.Importer, year, partners.Sum(p => p.Rows), total);
            tx.Commit();
            return new TradeImportResult(source, "parquet", request.Importer, year, partners.Sum(p => p.Rows), total,
                SumOrNull(partners.Select(p => p.DutyCollected)), partners, store.Path, clock.Elapsed);
        }
        catch (DuckDBException e)
        {
            throw new TradeDataException($"{source}: cannot read as Census-style Parquet ({e.Message.Split('\n')[0]})", e);
        }
    }

    private static HashSet<string> ColumnsOf(DuckDBConnection c, string scan)
    {
        using var cmd = TradeStore.Command(c, $"DESCRIBE SELECT * FROM {scan}");
        using var r = cmd.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read()) set.Add(r.GetString(0));
        return set;
    }

    /// <summary>Throws naming the first offending row (file, row, field, value) when the query finds one.</summary>
    private static void Refuse(DuckDBConnection c, string sql, string expected)
    {
        using var cmd = TradeStore.Command(c, sql);
        using var r = cmd.ExecuteReader();
        if (r.Read())
            throw new TradeDataException($"{r.GetString(0)}, row {r.GetInt64(1)}, field {r.GetString(2)}: expected {expected}, found '{(r.IsDBNull(3) ? "nothing" : r.GetString(3))}'");
    }

    private static string Quote(string s) => "'" + s.Replace("'", "''") + "'";
}
