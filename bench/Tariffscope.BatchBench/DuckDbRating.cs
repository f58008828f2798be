using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using nietras.SeparatedValues;
using Tariffscope.Data;
using Tariffscope.Engine;
using Tariffscope.Engine.Batch;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.BatchBench;

/// <summary>
/// The database way to rate the same file: a table of rates per measure family for each (code, origin, date
/// segment) the file holds, computed once by the engine, then one SQL join over the CSV (read_csv) that multiplies
/// each line's value by its rates, rounds each family to the cent and writes CSV (COPY). Segments are the spans
/// between the dates on which any measure, suspension, product or origin term, or schedule revision changes.
/// Only proportional (ad valorem) rates can be carried this way; lines whose rate is specific are counted apart.
/// </summary>
internal static class DuckDbRating
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const decimal Reference = ScenarioRaterReference.Value;

    public static async Task<int> Run(Args a)
    {
        var input = Path.GetFullPath(a.Required("in"));
        var output = Path.GetFullPath(a.Required("out"));
        var scenarios = (a.Optional("scenario") ?? "actual").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var workspace = new Tariffscope.Questions.Rulebook(Workspace.Load(DataDirectory.Resolve(a.Required("data-dir"))));
        var cols = scenarios.Select(s => new ScenarioColumns(s, workspace.Engine(s))).ToList();

        // 1. the segments: every date on which something that rates a line can change
        var prep = Stopwatch.StartNew();
        var bounds = Boundaries(workspace.Workspace, cols).ToArray();
        int SegmentOf(DateOnly d) { int i = Array.BinarySearch(bounds, d); return i >= 0 ? i : ~i - 1; }

        // 2. the distinct keys the file holds, and their rates from the engine
        var keys = new HashSet<(string Code, string Origin, int Segment)>();
        using (var r = Sep.Reader(o => o with { Unescape = true }).FromFile(input))
            foreach (var row in r)
            {
                if (!DateOnly.TryParseExact(row["entry_date"].Span, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var d)) continue;
                keys.Add((row["hts10"].ToString(), row["country"].ToString(), SegmentOf(d)));
            }
        long nonProportional = 0, refused = 0;
        var rates = new List<(string Code, string Origin, int Segment, decimal[] Factors)>(keys.Count);
        foreach (var (code, origin, seg) in keys)
        {
            var factors = new List<decimal>();
            bool ok = true;
            foreach (var c in cols)
            {
                var f = new decimal[c.FamilyCount];
                try
                {
                    var q = c.Engine.Quote(new EntryLine { Code = HtsCode.Parse(code), Origin = origin, Date = bounds[Math.Max(seg, 0)], CustomsValue = Reference });
                    foreach (var l in q.Layers) f[c.FamilyIndex(l.Family)] += l.Amount / Reference;
                }
                catch (RatingException e)
                {
                    ok = false;
                    if (e.Problem == RatingProblem.MissingQuantity) nonProportional++; else refused++;
                    break;
                }
                factors.AddRange(f);
            }
            if (ok) rates.Add((code, origin, seg, [.. factors]));
        }
        var prepTime = prep.Elapsed;
        Console.Error.WriteLine($"rates table: {rates.Count:N0} keys ({keys.Count:N0} distinct in the file; {nonProportional:N0} need a quantity, {refused:N0} refused) over {bounds.Length} segments, computed in {prepTime.TotalSeconds:0.0} s");

        // 3. load the table and join
        using var conn = new DuckDBConnection("Data Source=:memory:");
        conn.Open();
        var famCols = cols.SelectMany(c => Enumerable.Range(0, c.FamilyCount).Select(c.FamilyColumn)).ToList();
        Exec(conn, $"CREATE TABLE rates (code VARCHAR, origin VARCHAR, seg INTEGER, {string.Join(", ", famCols.Select(f => $"{f} DECIMAL(18,14)"))})");
        using (var app = conn.CreateAppender("rates"))
            foreach (var (code, origin, seg, f) in rates)
            {
                var row = app.CreateRow().AppendValue(code).AppendValue(origin).AppendValue(seg);
                foreach (var x in f) row.AppendValue(x);
                row.EndRow();
            }
        Exec(conn, "CREATE TABLE days (day DATE, seg INTEGER)");
        using (var app = conn.CreateAppender("days"))
            for (var d = new DateOnly(2024, 1, 1); d <= new DateOnly(2027, 12, 31); d = d.AddDays(1))
                app.CreateRow().AppendValue(d.ToDateTime(TimeOnly.MinValue)).AppendValue(SegmentOf(d)).EndRow();

        var sql = new StringBuilder("COPY (SELECT e.*");
        foreach (var c in cols)
        {
            // DECIMAL(38,…) for the product: a value times a rate with 14 decimals does not fit 18 digits
            var parts = Enumerable.Range(0, c.FamilyCount).Select(f => $"round(CAST(e.entered_value AS DECIMAL(38,2)) * r.{c.FamilyColumn(f)}, 2)").ToList();
            sql.Append($", {string.Join(" + ", parts)} AS {c.TotalColumn}");
            for (int f = 0; f < c.FamilyCount; f++) sql.Append($", {parts[f]} AS {c.FamilyColumn(f)}");
        }
        sql.Append($" FROM read_csv('{input.Replace("'", "''")}', header = true, columns = {{'entry_id': 'BIGINT', 'hts10': 'VARCHAR', 'country': 'VARCHAR', 'entry_date': 'DATE', 'entered_value': 'DECIMAL(18,2)', 'quantity': 'VARCHAR', 'unit': 'VARCHAR'}}) e");
        sql.Append(" JOIN days d ON d.day = e.entry_date JOIN rates r ON r.code = e.hts10 AND r.origin = e.country AND r.seg = d.seg");
        sql.Append($") TO '{output.Replace("'", "''")}' (HEADER, DELIMITER ',')");
        var join = Stopwatch.StartNew();
        var n = Exec(conn, sql.ToString());
        Peak.Report("duckdb_join", n, join.Elapsed);
        Console.WriteLine($"RESULT duckdb_prepare keys={rates.Count} seconds={prepTime.TotalSeconds:0.000}");
        using var sum = conn.CreateCommand();
        sum.CommandText = $"SELECT {string.Join(", ", cols.Select(c => $"sum({c.TotalColumn})"))} FROM read_csv('{output.Replace("'", "''")}', header = true)";
        using var rd = sum.ExecuteReader();
        rd.Read();
        Console.WriteLine("RESULT duckdb_totals " + string.Join(" ", cols.Select((c, i) => $"{c.Scenario}={rd.GetDecimal(i).ToString(Inv)}")));
        return 0;
    }

    private static long Exec(DuckDBConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteNonQuery();
    }

    private static IEnumerable<DateOnly> Boundaries(Workspace w, IEnumerable<ScenarioColumns> cols)
    {
        var set = new SortedSet<DateOnly> { new(2000, 1, 1) };
        void Add(Validity? v) { if (v is { } x) { set.Add(x.From); if (x.EndsOn is { } e) set.Add(e); } }
        foreach (var rev in w.UsSchedule.Schedule.Revisions) set.Add(rev.EffectiveDate);
        foreach (var c in cols)
        {
            var p = c.Engine.Policy;
            foreach (var m in p.Measures)
            {
                foreach (var r in m.Rates) set.Add(r.From);
                if (m.Through is { } t) set.Add(t.AddDays(1));
                foreach (var e in m.Origins.Except) Add(e.When);
                foreach (var t2 in m.Products.Include.Concat(m.Products.Exclude)) Add(t2.When);
            }
            foreach (var s in p.Suspensions) Add(s.Validity);
        }
        return set;
    }
}

/// <summary>The value rates are quoted at for the rates table: large enough that a layer's rate per dollar (rate ×
/// share, up to 14 decimals) survives the engine's rounding to the cent.</summary>
internal static class ScenarioRaterReference
{
    // the largest value a line may carry (EntryLine.MaxAmount): a larger one is refused as bad input, and then every key was
    public const decimal Value = EntryLine.MaxAmount;
}
