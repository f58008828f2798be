using System.Data;
using DuckDB.NET.Data;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;
using Tariffscope.Trade;

namespace Tariffscope.Data.Trade;

/// <summary>Trade held for one importer, year and partner.</summary>
public sealed record PartnerHoldings(string Importer, int Year, string Partner, long Rows, decimal Value, decimal? DutyCollected, string Sources);

/// <summary>One import into the store.</summary>
public sealed record TradeImportRecord(DateTimeOffset ImportedAt, string Source, string Kind, string Importer, int Year, long Rows, decimal Value);

/// <summary>
/// The trade flows of the data directory in an embedded DuckDB database, <c>trade/trade.duckdb</c>: table
/// <c>flows(importer, partner, hs10, year, value, duty_collected, quantity, unit, source)</c> and a log of imports.
/// Importing a partner's year again replaces it.
/// </summary>
public sealed class TradeStore : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS flows(
            importer VARCHAR NOT NULL, partner VARCHAR NOT NULL, hs10 VARCHAR NOT NULL, year INTEGER NOT NULL,
            value DECIMAL(18,2) NOT NULL, duty_collected DECIMAL(18,2), quantity DECIMAL(20,3), unit VARCHAR,
            source VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS imports(
            imported_at TIMESTAMPTZ NOT NULL, source VARCHAR NOT NULL, kind VARCHAR NOT NULL, importer VARCHAR NOT NULL,
            year INTEGER NOT NULL, rows BIGINT NOT NULL, value DECIMAL(20,2) NOT NULL);
        """;

    internal DuckDBConnection Connection { get; }
    public string Path { get; }

    private TradeStore(DuckDBConnection connection, string path)
    {
        Connection = connection;
        Path = path;
    }

    public static string PathIn(DataDirectory dir) => System.IO.Path.Combine(dir.Root, "trade", "trade.duckdb");

    public static bool Exists(DataDirectory dir) => File.Exists(PathIn(dir));

    /// <summary>Opens the store, creating it (and its folder) when <paramref name="create"/> is set.</summary>
    public static TradeStore Open(DataDirectory dir, bool create = false)
    {
        var path = PathIn(dir);
        if (!create && !File.Exists(path))
            throw new FileNotFoundException($"no trade data in {dir.Root}: import some with `tariffscope data import-trade FILE-OR-URL`", path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var connection = new DuckDBConnection($"DataSource={path}");
        try
        {
            connection.Open();
            Execute(connection, Schema);
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new TradeDataException($"{path}: cannot open the trade database ({e.Message})", e);
        }
        return new TradeStore(connection, path);
    }

    internal static void Execute(DuckDBConnection c, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(c, sql, args);
        cmd.ExecuteNonQuery();
    }

    internal static DuckDBCommand Command(DuckDBConnection c, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args) cmd.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        return cmd;
    }

    /// <summary>The flows of an importer in a year (default: the latest year held), optionally for some partners.</summary>
    public IReadOnlyList<TradeFlow> Read(string importer, int? year = null, IReadOnlyCollection<string>? partners = null)
    {
        var y = year ?? LatestYear(importer)
            ?? throw new TradeDataException($"{Path}: no trade flows of importer {importer}; import some with `tariffscope data import-trade`");
        var filter = partners is { Count: > 0 } ? " AND partner IN (SELECT unnest($partners))" : "";
        using var cmd = Command(Connection,
            "SELECT importer, partner, hs10, year, value, duty_collected, quantity, unit, source FROM flows WHERE importer = $importer AND year = $year" + filter,
            ("importer", importer), ("year", y));
        if (filter.Length > 0) cmd.Parameters.Add(new DuckDBParameter("partners", partners!.ToArray()));
        using var r = cmd.ExecuteReader();
        var list = new List<TradeFlow>();
        while (r.Read())
        {
            var flow = new TradeFlow(r.GetString(0), r.GetString(1), HtsCode.Parse(r.GetString(2)), r.GetInt32(3), r.GetDecimal(4),
                r.IsDBNull(5) ? null : r.GetDecimal(5), r.GetString(8));
            if (!r.IsDBNull(6) && !r.IsDBNull(7)) flow = flow with { Quantity = new Quantity(r.GetDecimal(6), r.GetString(7)) };
            list.Add(flow);
        }
        return list;
    }

    public int? LatestYear(string importer)
    {
        using var cmd = Command(Connection, "SELECT max(year) FROM flows WHERE importer = $importer", ("importer", importer));
        var v = cmd.ExecuteScalar();
        return v is null or DBNull ? null : Convert.ToInt32(v);
    }

    /// <summary>What is held, per importer, year and partner.</summary>
    public IReadOnlyList<PartnerHoldings> Holdings()
    {
        using var cmd = Command(Connection, """
            SELECT importer, year, partner, count(*), sum(value), sum(duty_collected), string_agg(DISTINCT source, ', ' ORDER BY source)
            FROM flows GROUP BY ALL ORDER BY importer, year, sum(value) DESC
            """);
        using var r = cmd.ExecuteReader();
        var list = new List<PartnerHoldings>();
        while (r.Read())
            list.Add(new PartnerHoldings(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt64(3), r.GetDecimal(4),
                r.IsDBNull(5) ? null : r.GetDecimal(5), r.GetString(6)));
        return list;
    }

    public IReadOnlyList<TradeImportRecord> ImportLog()
    {
        using var cmd = Command(Connection, "SELECT imported_at, source, kind, importer, year, rows, value FROM imports ORDER BY imported_at");
        using var r = cmd.ExecuteReader();
        var list = new List<TradeImportRecord>();
        while (r.Read())
            list.Add(new TradeImportRecord(new DateTimeOffset(r.GetDateTime(0), TimeSpan.Zero), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt64(5), r.GetDecimal(6)));
        return list;
    }

    /// <summary>Stores flows read in memory (CSV, the Census API), replacing the partners' years they cover.</summary>
    public long Replace(IReadOnlyList<TradeFlow> flows, string source, string kind)
    {
        using var tx = Connection.BeginTransaction();
        foreach (var g in flows.GroupBy(f => (f.Importer, f.Year, f.Partner)))
            Execute(Connection, "DELETE FROM flows WHERE importer = $i AND year = $y AND partner = $p", ("i", g.Key.Importer), ("y", g.Key.Year), ("p", g.Key.Partner));
        using (var appender = Connection.CreateAppender("flows"))
        {
            foreach (var f in flows)
            {
                var row = appender.CreateRow().AppendValue(f.Importer).AppendValue(f.Partner).AppendValue(f.Code.Digits).AppendValue(f.Year)
                    .AppendValue(f.Value).AppendValue(f.DutyCollected);
                if (f.Quantity is { } q) row = row.AppendValue(q.Amount).AppendValue(q.Unit);
                else row = row.AppendNullValue().AppendNullValue();
                row.AppendValue(f.Source).EndRow();
            }
        }
        foreach (var g in flows.GroupBy(f => (f.Importer, f.Year)))
            Log(source, kind, g.Key.Importer, g.Key.Year, g.LongCount(), g.Sum(f => f.Value));
        tx.Commit();
        return flows.Count;
    }

    internal void Log(string source, string kind, string importer, int year, long rows, decimal value) =>
        Execute(Connection, "INSERT INTO imports VALUES (now(), $s, $k, $i, $y, $r, $v)",
            ("s", source), ("k", kind), ("i", importer), ("y", year), ("r", rows), ("v", value));

    public void Dispose() => Connection.Dispose();
}
