using System.Diagnostics;
using System.Globalization;
using nietras.SeparatedValues;
using Parquet;
using Parquet.Schema;
using Tariffscope.Data;
using Tariffscope.Data.Hts;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;

namespace Tariffscope.BatchBench;

/// <summary>
/// Makes a realistic entry file: each line's code and origin drawn by 2024 import value from the Census HS10
/// files (so China's and Mexico's big lines are common and rare lines rare), an entry date in 2025–2026, a
/// customs value from a log-normal spread around $25,000, and a quantity in the line's reporting unit. The draw
/// uses a fixed seed, so the same N gives the same file.
/// </summary>
internal static class Generator
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // Census partner (ISO 3166-1 alpha-3 as the country-codes file gives it) to the alpha-2 code an entry carries.
    private static readonly Dictionary<string, string> Iso2 = new()
    {
        ["CAN"] = "CA", ["MEX"] = "MX", ["GTM"] = "GT", ["SLV"] = "SV", ["HND"] = "HN", ["NIC"] = "NI", ["CRI"] = "CR", ["DOM"] = "DO",
        ["TTO"] = "TT", ["COL"] = "CO", ["VEN"] = "VE", ["ECU"] = "EC", ["PER"] = "PE", ["CHL"] = "CL", ["BRA"] = "BR", ["ARG"] = "AR",
        ["NOR"] = "NO", ["GBR"] = "GB", ["SVK"] = "SK", ["CHE"] = "CH", ["RUS"] = "RU", ["TUR"] = "TR", ["IRQ"] = "IQ", ["ISR"] = "IL",
        ["KWT"] = "KW", ["SAU"] = "SA", ["ARE"] = "AE", ["IND"] = "IN", ["PAK"] = "PK", ["BGD"] = "BD", ["LKA"] = "LK", ["THA"] = "TH",
        ["VNM"] = "VN", ["KHM"] = "KH", ["MYS"] = "MY", ["SGP"] = "SG", ["IDN"] = "ID", ["PHL"] = "PH", ["CHN"] = "CN", ["KOR"] = "KR",
        ["HKG"] = "HK", ["TWN"] = "TW", ["JPN"] = "JP", ["AUS"] = "AU", ["NZL"] = "NZ", ["DZA"] = "DZ", ["EGY"] = "EG", ["NGA"] = "NG",
        ["AGO"] = "AO", ["ZAF"] = "ZA",
    };

    // The Census file 0003 is the European Union as a whole: its lines are spread over the largest member
    // exporters to the US in rough proportion (an approximation for a benchmark, not a statistic).
    private static readonly (string Iso2, double Share)[] EuSplit =
        [("DE", .30), ("IE", .18), ("IT", .12), ("FR", .10), ("NL", .06), ("BE", .05), ("AT", .04), ("ES", .04), ("SE", .03), ("PL", .03), ("DK", .03), ("FI", .02)];

    private static readonly DateOnly First = new(2025, 1, 1), Last = new(2026, 6, 8);

    public static async Task<int> Run(Args a)
    {
        var lines = long.Parse(a.Required("lines"), Inv);
        var output = a.Required("out");
        var trade = a.Required("trade");
        var seed = int.Parse(a.Optional("seed") ?? "2025", Inv);
        if (!Directory.Exists(trade))
            throw new BenchException($"{trade} is absent: the benchmark draws its lines from the US import data in shared/data/trade and is skipped without it.", 3);
        var watch = Stopwatch.StartNew();
        var (codes, origins, cumulative) = await LoadWeights(trade);
        var units = a.Optional("data-dir") is { } dd ? ReportingUnits(dd) : null;
        Console.Error.WriteLine($"{codes.Length:N0} (code, partner) pairs, ${cumulative[^1] / 1e9:N1} billion of 2024 imports; loaded in {watch.Elapsed.TotalSeconds:0.0} s");

        var rnd = new Random(seed);
        int days = Last.DayNumber - First.DayNumber + 1;
        using var w = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(output);
        string[] header = ["entry_id", "hts10", "country", "entry_date", "entered_value", "quantity", "unit"];
        for (long i = 1; i <= lines; i++)
        {
            int k = Draw(cumulative, rnd.NextDouble() * cumulative[^1]);
            var origin = origins[k] ?? DrawEu(rnd);
            var code = codes[k];
            // log-normal value: median $25,000, most lines between $3,000 and $200,000
            var value = Math.Round((decimal)Math.Exp(Math.Log(25_000) + 1.1 * Gaussian(rnd)), 2);
            using var row = w.NewRow();
            row[header[0]].Format(i);
            row[header[1]].Set(code);
            row[header[2]].Set(origin);
            row[header[3]].Set(First.AddDays(rnd.Next(days)).ToString("yyyy-MM-dd", Inv));
            row[header[4]].Format(value);
            if (units is not null && units.TryGetValue(code, out var unit))
            {
                row[header[5]].Format(Math.Max(1m, Math.Round(value / 20m)));
                row[header[6]].Set(unit);
            }
            else { row[header[5]].Set(""); row[header[6]].Set(""); }
        }
        Console.Error.WriteLine($"wrote {lines:N0} lines to {output} in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static int Draw(double[] cumulative, double x)
    {
        int i = Array.BinarySearch(cumulative, x);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    private static string DrawEu(Random rnd)
    {
        var x = rnd.NextDouble() * EuSplit.Sum(e => e.Share);
        foreach (var (c, s) in EuSplit) { if (x < s) return c; x -= s; }
        return EuSplit[0].Iso2;
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    /// <summary>Every (HS10, partner) with its 2024 import value, as a cumulative distribution.</summary>
    private static async Task<(string[] Codes, string?[] Origins, double[] Cumulative)> LoadWeights(string dir)
    {
        var iso3 = File.ReadLines(Path.Combine(dir, "..", "census-country-codes.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(p => p.Length >= 2 && p[0].Length > 0).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1]);
        var codes = new List<string>();
        var origins = new List<string?>();
        var cum = new List<double>();
        double total = 0;
        foreach (var file in Directory.GetFiles(dir, "*.parquet").Order(StringComparer.Ordinal))
        {
            var cty = Path.GetFileNameWithoutExtension(file);
            string? origin = cty == "0003" ? null
                : iso3.TryGetValue(cty, out var i3) && Iso2.TryGetValue(i3, out var i2) ? i2
                : throw new BenchException($"{file}: no alpha-2 code known for Census country {cty}");
            await using var reader = await ParquetReader.CreateAsync(file, null);
            var fields = reader.Schema.GetDataFields();
            var hs10 = fields.Single(f => f.Name == "HS10");
            var imports = fields.Single(f => f.Name == "imports");
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var rg = reader.OpenRowGroupReader(g);
                int n = (int)rg.RowCount;
                var c = new string[n];
                await rg.ReadAsync(hs10, c, null);
                var v = await ReadDoubles(rg, imports, n);
                for (int r = 0; r < n; r++)
                {
                    if (!(v[r] > 0) || c[r] is null || c[r].Length != 10) continue;
                    total += v[r];
                    codes.Add(c[r]); origins.Add(origin); cum.Add(total);
                }
            }
        }
        if (codes.Count == 0) throw new BenchException($"{dir}: no import lines found");
        return ([.. codes], [.. origins], [.. cum]);
    }

    private static async Task<double[]> ReadDoubles(ParquetRowGroupReader rg, DataField f, int n)
    {
        var r = new double[n];
        if (f.IsNullable)
        {
            var v = new double?[n];
            await rg.ReadAsync<double>(f, v, null);
            for (int i = 0; i < n; i++) r[i] = v[i] ?? 0;
        }
        else await rg.ReadAsync<double>(f, r, null);
        return r;
    }

    /// <summary>The first reporting unit of each 10-digit line of the latest imported revision, where the
    /// duty units know it (so quantities can meet the specific rates).</summary>
    private static Dictionary<string, string>? ReportingUnits(string dataDir)
    {
        var source = ScheduleSource.Load(DataDirectory.Resolve(dataDir));
        var rev = source.Schedule.Revisions[^1];
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in rev.LeafLines())
        {
            if (line.Code.Length != 10) continue;
            var resolved = rev.Resolve(line.Code);
            var u = resolved?.Units.Select(DutyUnits.Find).FirstOrDefault(x => x is not null);
            if (u is not null) units[line.Code.Digits] = u.Symbol;
        }
        return units;
    }
}
