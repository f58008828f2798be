using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Tariffscope.Trade;

namespace Tariffscope.Data.Trade;

/// <summary>
/// Claim shares in the USITC DataWeb style the Budget Lab compiles from rate-provision data: a CSV with the columns
/// <c>hts10, cty_code, usmca_share, total_value, usmca_value</c> (Census country codes: 1220 Canada, 2010 Mexico),
/// one file per month or the 2024 annual one. A partner may also be named by an ISO column <c>partner</c>, and the
/// share column may be called <c>share</c> or <c>claim_share</c>. Rows with no imports in the month
/// (<c>total_value</c> 0) say nothing about the share and are left out, so such a line takes its annual share.
/// Every error names the file, the line and the field.
/// </summary>
/// <remarks>Stored in the data directory under <c>claims/&lt;PROGRAMME&gt;/&lt;yyyy-MM&gt;.csv</c> (or <c>annual-2024.csv</c>), a copy of the
/// file as imported, with <c>claims/imports.csv</c> listing each import's source and sha256.</remarks>
public static partial class ClaimShareFile
{
    public const string Folder = "claims";

    /// <summary>The month a file's name carries: <c>…_2025_03.csv</c> → 2025-03-01 (monthly); <c>…_2024.csv</c> → annual 2024.</summary>
    public static (DateOnly From, bool Annual)? PeriodFromName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        if (MonthName().Match(name) is { Success: true } m)
            return (new DateOnly(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), 1), false);
        if (AnnualName().Match(name) is { Success: true } a)
            return (new DateOnly(int.Parse(a.Groups[1].Value, CultureInfo.InvariantCulture), 1, 1), true);
        return null;
    }

    [GeneratedRegex(@"(?:^|[_-])(\d{4})[_-](\d{2})$")]
    private static partial Regex MonthName();

    [GeneratedRegex(@"(?:^|[_-])(?:annual[_-])?(\d{4})$")]
    private static partial Regex AnnualName();

    /// <summary>Reads one file: a table per partner it names.</summary>
    /// <param name="period">The month (first day) or, with <c>Annual</c>, the year the file covers; default: from the file name.</param>
    public static IReadOnlyList<ClaimShareTable> Read(string path, string program, (DateOnly From, bool Annual)? period = null, CensusCountries? countries = null)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) throw new TradeDataException($"{path}: no such file");
        using var reader = new StreamReader(path);
        return Read(reader, name, program, period ?? PeriodFromName(name)
            ?? throw new TradeDataException($"{name}: the month it covers is not in its name (…_2026_03.csv, or …_2024.csv for an annual file): give it with --month"), countries);
    }

    public static IReadOnlyList<ClaimShareTable> Read(TextReader reader, string name, string program, (DateOnly From, bool Annual) period, CensusCountries? countries = null)
    {
        if (string.IsNullOrWhiteSpace(program)) throw new TradeDataException($"{name}: no programme named (the HTS special-programme code, e.g. S for USMCA)");
        program = program.Trim().ToUpperInvariant();
        countries ??= CensusCountries.BuiltIn();
        var header = reader.ReadLine();
        if (header is null) throw new TradeDataException($"{name}, line 1: expected a header line (hts10,cty_code,usmca_share,total_value,usmca_value), found an empty file");
        var columns = Split(header.TrimStart('\uFEFF')).Select(c => c.Trim().ToLowerInvariant()).ToList();
        int Col(params string[] names) => names.Select(n => columns.IndexOf(n)).FirstOrDefault(i => i >= 0, -1);
        int hts = Col("hts10", "hts"), cty = Col("cty_code"), iso = Col("partner"), share = Col("usmca_share", "share", "claim_share"), total = Col("total_value");
        if (hts < 0) throw new TradeDataException($"{name}, line 1, field hts10: expected a column named hts10, found columns {string.Join(", ", columns)}");
        if (share < 0) throw new TradeDataException($"{name}, line 1, field usmca_share: expected a column named usmca_share (or share), found columns {string.Join(", ", columns)}");
        if (cty < 0 && iso < 0) throw new TradeDataException($"{name}, line 1, field cty_code: expected a column cty_code (Census country code) or partner (ISO code), found columns {string.Join(", ", columns)}");

        var byPartner = new Dictionary<string, Dictionary<string, decimal>>(StringComparer.Ordinal);
        string? text;
        int line = 1;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (text.Length == 0) continue;
            var f = Split(text);
            string Field(int i) => i < f.Count ? f[i].Trim() : "";
            TradeDataException Bad(int i, string expected) =>
                new($"{name}, line {line}, field {(i < columns.Count ? columns[i] : $"column {i + 1}")}: expected {expected}, found '{Field(i)}'");

            var code = Field(hts).Replace(".", "");
            if (code.Length != 10 || !code.All(char.IsAsciiDigit)) throw Bad(hts, "a 10-digit tariff code such as 8703230190");
            string partner;
            if (iso >= 0 && Field(iso).Length > 0)
            {
                partner = Field(iso).ToUpperInvariant();
                if (partner.Length != 2 || !partner.All(char.IsAsciiLetter)) throw Bad(iso, "a two-letter ISO country code such as CA");
            }
            else partner = countries.Iso2(Field(cty)) ?? throw Bad(cty, $"a Census country code listed in {countries.Source} (1220 Canada, 2010 Mexico)");
            if (total >= 0)
            {
                if (!decimal.TryParse(Field(total), NumberStyles.Float, CultureInfo.InvariantCulture, out var tv) || tv < 0)
                    throw Bad(total, "an import value in dollars, 0 or more");
                if (tv == 0) continue;   // no imports that month: no share to speak of
            }
            if (!decimal.TryParse(Field(share), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || s < 0 || s > 1.000001m)
                throw Bad(share, "a share between 0 and 1");
            if (!byPartner.TryGetValue(partner, out var map)) byPartner[partner] = map = new(StringComparer.Ordinal);
            if (!map.TryAdd(code, Math.Min(s, 1m)))
                throw Bad(hts, $"each code once per partner ({code} for {partner} is on an earlier line)");
        }
        var what = period.Annual ? $"{period.From.Year} annual" : $"{period.From:yyyy-MM}";
        return [.. byPartner.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new ClaimShareTable(program, p.Key,
            period.Annual ? period.From : new DateOnly(period.From.Year, period.From.Month, 1), period.Annual, p.Value,
            new Provenance($"claim shares of programme {program}, {what}", Citation: name,
                Note: "share of imports entered claiming the programme, by HTS10 and partner (USITC DataWeb rate-provision data)")))];
    }

    /// <summary>Every file under <paramref name="folder"/> named like the shared USMCA share files (…_2024.csv,
    /// …_2025_01.csv), read as programme <paramref name="program"/>.</summary>
    public static ClaimShares LoadFolder(string folder, string program = "S") =>
        new(Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal)
            .Where(f => PeriodFromName(f) is not null).SelectMany(f => Read(f, program)));

    /// <summary>What the data directory holds (empty when nothing was imported).</summary>
    public static ClaimShares LoadStored(DataDirectory dir)
    {
        var root = Path.Combine(dir.Root, Folder);
        if (!Directory.Exists(root)) return ClaimShares.Empty;
        var tables = new List<ClaimShareTable>();
        foreach (var programDir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var program = Path.GetFileName(programDir);
            foreach (var f in Directory.EnumerateFiles(programDir, "*.csv").Order(StringComparer.Ordinal))
                if (StoredPeriod(f) is { } period) tables.AddRange(Read(f, program, period));
        }
        return new ClaimShares(tables);
    }

    /// <summary>Checks a file and stores a copy of it in the data directory for the programme and month.</summary>
    public static ClaimImportResult Import(DataDirectory dir, string path, string program, (DateOnly From, bool Annual)? period = null)
    {
        var p = period ?? PeriodFromName(path)
            ?? throw new TradeDataException($"{Path.GetFileName(path)}: the month it covers is not in its name: give it with --month YYYY-MM (or --month 2024 for an annual file)");
        var tables = Read(path, program, p);
        if (tables.Count == 0) throw new TradeDataException($"{Path.GetFileName(path)}: no line with imports in it: nothing to store");
        program = program.Trim().ToUpperInvariant();
        var folder = Path.Combine(dir.Root, Folder, program);
        Directory.CreateDirectory(folder);
        var stored = Path.Combine(folder, (p.Annual ? $"annual-{p.From.Year}" : $"{p.From:yyyy-MM}") + ".csv");
        File.Copy(path, stored, overwrite: true);
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(stored)));
        var log = Path.Combine(dir.Root, Folder, "imports.csv");
        if (!File.Exists(log)) File.WriteAllText(log, "program,period,source,imported_at,sha256\n");
        File.AppendAllText(log, string.Join(",", program, p.Annual ? $"{p.From.Year}" : $"{p.From:yyyy-MM}", Quote(Path.GetFullPath(path)),
            DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), sha) + "\n");
        return new ClaimImportResult(program, p.Annual ? $"{p.From.Year} (annual)" : $"{p.From:yyyy-MM}", stored,
            [.. tables.Select(t => new ClaimImportPartner(t.Partner, t.ByHts10.Count, t.ByHts10.Count == 0 ? 0 : t.ByHts10.Values.Average()))]);
    }

    private static (DateOnly, bool)? StoredPeriod(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (name.StartsWith("annual-", StringComparison.Ordinal) && int.TryParse(name[7..], out var y)) return (new DateOnly(y, 1, 1), true);
        return DateOnly.TryParseExact(name + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? (d, false) : null;
    }

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    /// <summary>A line split on commas, double quotes taken off (the share files hold no quoted commas; a quoted field is read whole).</summary>
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        int i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                var end = line.IndexOf('"', i + 1);
                if (end < 0) end = line.Length;
                fields.Add(line[(i + 1)..end]);
                i = line.IndexOf(',', Math.Min(end, line.Length));
            }
            else
            {
                var comma = line.IndexOf(',', i);
                fields.Add(comma < 0 ? line[i..] : line[i..comma]);
                i = comma;
            }
            if (i < 0) return fields;
            i++;
        }
    }
}

/// <summary>One import of claim shares: the programme, the period, where the copy is, and per partner the lines held
/// and their mean share (unweighted).</summary>
public sealed record ClaimImportResult(string Program, string Period, string StoredAt, IReadOnlyList<ClaimImportPartner> Partners);

public sealed record ClaimImportPartner(string Partner, int Lines, decimal MeanShare);
