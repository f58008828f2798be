using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tariffscope.Questions.Store;

/// <summary>An upload kept by the store, replayed into the rules at start and by every replica that has not seen it.</summary>
public sealed record StoredUpload(long Seq, string Kind, string Name, string Body, string? Meta, DateTimeOffset At);
public sealed record StoredSubscription(string Id, string Url, string Secret, string? Watchlist, int DaysBefore, DateTimeOffset Created);
public sealed record StoredDelivery(string Subscription, string EventKey, string Payload, string Status, int Attempts, string? LastError,
    DateTimeOffset NextAttempt, DateTimeOffset? DeliveredAt);
public sealed record StoredBatch(string Id, DateTimeOffset Created, DateTimeOffset Expires, string Meta);

/// <summary>
/// The server's state that must outlive a process: uploaded scenarios and lists, watchlists, webhook subscriptions
/// and their delivery log, batch jobs and their result files. One schema with numbered migrations, in an embedded
/// SQLite file (the default, in the data directory) or in PostgreSQL (<c>postgres://user:pass@host:port/db</c>),
/// so several server processes can share one state. The SQL is the common subset both speak (ON CONFLICT,
/// RETURNING, BIGINT times in Unix milliseconds); only the key column type differs.
/// </summary>
public sealed class StateStore : IDisposable
{
    public const string Uploads = "uploads";
    private readonly Func<DbConnection> _open;
    private readonly bool _postgres;
    private readonly NpgsqlDataSource? _pg;

    public string Description { get; }
    public bool IsPostgres => _postgres;

    private StateStore(Func<DbConnection> open, bool postgres, string description, NpgsqlDataSource? pg = null)
    {
        _open = open; _postgres = postgres; Description = description; _pg = pg;
    }

    /// <summary>Opens (and migrates) the store a <c>--store</c> value names: a postgres:// URL, or a SQLite file path.</summary>
    public static StateStore Open(string spec)
    {
        if (spec.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || spec.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return OpenPostgres(PostgresConnectionString(spec));
        return OpenSqlite(spec);
    }

    public static StateStore OpenSqlite(string file)
    {
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var cs = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
        var store = new StateStore(() => new SqliteConnection(cs), false, $"sqlite {full}");
        using (var c = store.Connect()) Exec(c, "PRAGMA journal_mode=WAL;"); // readers do not block the writer
        store.Migrate();
        return store;
    }

    public static StateStore OpenPostgres(string connectionString)
    {
        var ds = NpgsqlDataSource.Create(connectionString);
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var store = new StateStore(() => ds.CreateConnection(), true, $"postgres {b.Host}:{b.Port}/{b.Database}", ds);
        store.Migrate();
        return store;
    }

    /// <summary>postgres://user:password@host:port/database?sslmode=... as an Npgsql connection string.</summary>
    public static string PostgresConnectionString(string url)
    {
        var u = new Uri(url);
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = string.IsNullOrEmpty(u.Host) ? "localhost" : u.Host,
            Port = u.IsDefaultPort || u.Port <= 0 ? 5432 : u.Port,
            Database = Uri.UnescapeDataString(u.AbsolutePath.Trim('/')) is { Length: > 0 } db ? db : "postgres",
        };
        if (u.UserInfo.Split(':', 2) is [var user, ..] && user.Length > 0) b.Username = Uri.UnescapeDataString(user);
        if (u.UserInfo.Split(':', 2) is [_, var pass]) b.Password = Uri.UnescapeDataString(pass);
        foreach (var kv in u.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = kv.Split('=', 2);
            b[Uri.UnescapeDataString(parts[0])] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
        }
        return b.ConnectionString;
    }

    /// <summary>The migrations, in order; a released one is never edited, a change is a new one. {serial} is the
    /// auto-numbered key column of each database.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE uploads (seq {serial}, kind TEXT NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL, meta TEXT, at_ms BIGINT NOT NULL);
        CREATE TABLE watchlists (name TEXT PRIMARY KEY, body TEXT NOT NULL, updated_ms BIGINT NOT NULL);
        CREATE TABLE subscriptions (id TEXT PRIMARY KEY, url TEXT NOT NULL, secret TEXT NOT NULL, watchlist TEXT, days_before INTEGER NOT NULL, created_ms BIGINT NOT NULL);
        CREATE TABLE deliveries (subscription TEXT NOT NULL, event_key TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL,
            attempts INTEGER NOT NULL, last_error TEXT, next_ms BIGINT NOT NULL, delivered_ms BIGINT, PRIMARY KEY (subscription, event_key));
        CREATE TABLE batches (id TEXT PRIMARY KEY, created_ms BIGINT NOT NULL, expires_ms BIGINT NOT NULL, meta TEXT NOT NULL);
        CREATE TABLE batch_files (batch TEXT NOT NULL, name TEXT NOT NULL, content {blob} NOT NULL, PRIMARY KEY (batch, name));
        CREATE INDEX batches_expiry ON batches (expires_ms);
        CREATE INDEX deliveries_due ON deliveries (status, next_ms);
        """,
    ];

    public int SchemaVersion { get; private set; }

    private void Migrate()
    {
        using var c = Connect();
        using var tx = c.BeginTransaction();
        // Two processes starting on one database migrate one after the other.
        if (_postgres) Exec(c, "SELECT pg_advisory_xact_lock(741905)", tx);
        Exec(c, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_ms BIGINT NOT NULL)", tx);
        var have = Convert.ToInt32(Scalar(c, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", tx));
        for (int v = have + 1; v <= Migrations.Length; v++)
        {
            var sql = Migrations[v - 1]
                .Replace("{serial}", _postgres ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT")
                .Replace("{blob}", _postgres ? "BYTEA" : "BLOB");
            foreach (var stmt in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                Exec(c, stmt, tx);
            Exec(c, "INSERT INTO schema_migrations (version, applied_ms) VALUES (@v, @t)", tx, ("v", v), ("t", Now()));
        }
        tx.Commit();
        SchemaVersion = Migrations.Length;
    }

    // ---- uploads -------------------------------------------------------------------------------------------
    public long PutUpload(string kind, string name, string body, string? meta, DateTimeOffset at)
    {
        using var c = Connect();
        return Convert.ToInt64(Scalar(c, "INSERT INTO uploads (kind, name, body, meta, at_ms) VALUES (@k, @n, @b, @m, @t) RETURNING seq",
            null, ("k", kind), ("n", name), ("b", body), ("m", meta), ("t", at.ToUnixTimeMilliseconds())));
    }

    public long LatestUploadSeq()
    {
        using var c = Connect();
        return Convert.ToInt64(Scalar(c, "SELECT COALESCE(MAX(seq), 0) FROM uploads", null));
    }

    public IReadOnlyList<StoredUpload> UploadsAfter(long seq)
    {
        using var c = Connect();
        return Query(c, "SELECT seq, kind, name, body, meta, at_ms FROM uploads WHERE seq > @s ORDER BY seq", r =>
            new StoredUpload(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), Ms(r.GetInt64(5))), ("s", seq));
    }

    // ---- watchlists ----------------------------------------------------------------------------------------
    public void PutWatchlist(string name, string body, DateTimeOffset at)
    {
        using var c = Connect();
        Exec(c, "INSERT INTO watchlists (name, body, updated_ms) VALUES (@n, @b, @t) ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_ms = excluded.updated_ms",
            null, ("n", name), ("b", body), ("t", at.ToUnixTimeMilliseconds()));
    }

    public string? GetWatchlist(string name)
    {
        using var c = Connect();
        return Scalar(c, "SELECT body FROM watchlists WHERE name = @n", null, ("n", name)) as string;
    }

    public IReadOnlyList<(string Name, string Body)> Watchlists()
    {
        using var c = Connect();
        return Query(c, "SELECT name, body FROM watchlists ORDER BY name", r => (r.GetString(0), r.GetString(1)));
    }

    public bool DeleteWatchlist(string name)
    {
        using var c = Connect();
        return Exec(c, "DELETE FROM watchlists WHERE name = @n", null, ("n", name)) > 0;
    }

    // ---- subscriptions and deliveries ----------------------------------------------------------------------
    public void PutSubscription(StoredSubscription s)
    {
        using var c = Connect();
        Exec(c, "INSERT INTO subscriptions (id, url, secret, watchlist, days_before, created_ms) VALUES (@i, @u, @s, @w, @d, @t)", null,
            ("i", s.Id), ("u", s.Url), ("s", s.Secret), ("w", s.Watchlist), ("d", s.DaysBefore), ("t", s.Created.ToUnixTimeMilliseconds()));
    }

    public IReadOnlyList<StoredSubscription> Subscriptions()
    {
        using var c = Connect();
        return Query(c, "SELECT id, url, secret, watchlist, days_before, created_ms FROM subscriptions ORDER BY created_ms, id", r =>
            new StoredSubscription(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt32(4), Ms(r.GetInt64(5))));
    }

    public bool DeleteSubscription(string id)
    {
        using var c = Connect();
        return Exec(c, "DELETE FROM subscriptions WHERE id = @i", null, ("i", id)) > 0;
    }

    /// <summary>Enqueues one delivery of an event to a subscriber; false when that event was already enqueued for
    /// it (the idempotency key: one delivery per event, whichever process saw it first).</summary>
    public bool Enqueue(string subscription, string eventKey, string payload, DateTimeOffset due)
    {
        using var c = Connect();
        return Exec(c, "INSERT INTO deliveries (subscription, event_key, payload, status, attempts, next_ms) VALUES (@s, @k, @p, 'pending', 0, @t) ON CONFLICT (subscription, event_key) DO NOTHING",
            null, ("s", subscription), ("k", eventKey), ("p", payload), ("t", due.ToUnixTimeMilliseconds())) > 0;
    }

    public IReadOnlyList<StoredDelivery> DueDeliveries(DateTimeOffset now, int max = 50)
    {
        using var c = Connect();
        return Query(c, $"SELECT subscription, event_key, payload, status, attempts, last_error, next_ms, delivered_ms FROM deliveries WHERE status = 'pending' AND next_ms <= @t ORDER BY next_ms LIMIT {max}",
            ReadDelivery, ("t", now.ToUnixTimeMilliseconds()));
    }

    public IReadOnlyList<StoredDelivery> Deliveries(string? subscription = null)
    {
        using var c = Connect();
        return Query(c, "SELECT subscription, event_key, payload, status, attempts, last_error, next_ms, delivered_ms FROM deliveries WHERE @s IS NULL OR subscription = @s ORDER BY subscription, event_key",
            ReadDelivery, ("s", subscription));
    }

    /// <summary>Takes a pending delivery for one attempt, so two processes never post it at once: the row's
    /// next attempt is pushed past the lease; only the process whose update matched goes ahead.</summary>
    public bool Lease(StoredDelivery d, DateTimeOffset until)
    {
        using var c = Connect();
        return Exec(c, "UPDATE deliveries SET next_ms = @u WHERE subscription = @s AND event_key = @k AND status = 'pending' AND next_ms = @n AND attempts = @a", null,
            ("u", until.ToUnixTimeMilliseconds()), ("s", d.Subscription), ("k", d.EventKey), ("n", d.NextAttempt.ToUnixTimeMilliseconds()), ("a", d.Attempts)) == 1;
    }

    public void RecordAttempt(StoredDelivery d, bool delivered, string? error, DateTimeOffset now, DateTimeOffset? retryAt)
    {
        using var c = Connect();
        var status = delivered ? "delivered" : retryAt is null ? "failed" : "pending";
        Exec(c, "UPDATE deliveries SET status = @st, attempts = attempts + 1, last_error = @e, next_ms = @n, delivered_ms = @d WHERE subscription = @s AND event_key = @k", null,
            ("st", status), ("e", error), ("n", (retryAt ?? now).ToUnixTimeMilliseconds()), ("d", delivered ? now.ToUnixTimeMilliseconds() : null),
            ("s", d.Subscription), ("k", d.EventKey));
    }

    private static StoredDelivery ReadDelivery(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4),
        r.IsDBNull(5) ? null : r.GetString(5), Ms(r.GetInt64(6)), r.IsDBNull(7) ? null : Ms(r.GetInt64(7)));

    // ---- batches -------------------------------------------------------------------------------------------
    public void PutBatch(StoredBatch b, IEnumerable<(string Name, byte[] Content)> files)
    {
        using var c = Connect();
        using var tx = c.BeginTransaction();
        Exec(c, "INSERT INTO batches (id, created_ms, expires_ms, meta) VALUES (@i, @c, @e, @m)", tx,
            ("i", b.Id), ("c", b.Created.ToUnixTimeMilliseconds()), ("e", b.Expires.ToUnixTimeMilliseconds()), ("m", b.Meta));
        foreach (var (name, content) in files)
            Exec(c, "INSERT INTO batch_files (batch, name, content) VALUES (@b, @n, @c)", tx, ("b", b.Id), ("n", name), ("c", content));
        tx.Commit();
    }

    /// <summary>The batch when it is held and not expired.</summary>
    public StoredBatch? GetBatch(string id, DateTimeOffset now)
    {
        using var c = Connect();
        return Query(c, "SELECT id, created_ms, expires_ms, meta FROM batches WHERE id = @i AND expires_ms > @t", ReadBatch, ("i", id), ("t", now.ToUnixTimeMilliseconds())).FirstOrDefault();
    }

    public byte[]? GetBatchFile(string id, string name)
    {
        using var c = Connect();
        return Scalar(c, "SELECT content FROM batch_files WHERE batch = @b AND name = @n", null, ("b", id), ("n", name)) as byte[];
    }

    /// <summary>Deletes batches past their retention, files and all; returns their ids.</summary>
    public IReadOnlyList<string> DeleteExpiredBatches(DateTimeOffset now)
    {
        using var c = Connect();
        using var tx = c.BeginTransaction();
        var ids = Query(c, "SELECT id FROM batches WHERE expires_ms <= @t", r => r.GetString(0), tx, ("t", now.ToUnixTimeMilliseconds()));
        foreach (var id in ids)
        {
            Exec(c, "DELETE FROM batch_files WHERE batch = @b", tx, ("b", id));
            Exec(c, "DELETE FROM batches WHERE id = @b", tx, ("b", id));
        }
        tx.Commit();
        return ids;
    }

    private static StoredBatch ReadBatch(DbDataReader r) => new(r.GetString(0), Ms(r.GetInt64(1)), Ms(r.GetInt64(2)), r.GetString(3));

    // ---- plumbing ------------------------------------------------------------------------------------------
    private DbConnection Connect()
    {
        var c = _open();
        c.Open();
        if (!_postgres) Exec(c, "PRAGMA busy_timeout=30000;");
        return c;
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private static DateTimeOffset Ms(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DbCommand Command(DbConnection c, string sql, DbTransaction? tx, (string Name, object? Value)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in args)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value ?? DBNull.Value;
            if (value is null) p.DbType = System.Data.DbType.String; // PostgreSQL must know a null's type
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private static int Exec(DbConnection c, string sql, DbTransaction? tx = null, params (string, object?)[] args)
    {
        using var cmd = Command(c, sql, tx, args);
        return cmd.ExecuteNonQuery();
    }

    private static object? Scalar(DbConnection c, string sql, DbTransaction? tx, params (string, object?)[] args)
    {
        using var cmd = Command(c, sql, tx, args);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    private static List<T> Query<T>(DbConnection c, string sql, Func<DbDataReader, T> read, params (string, object?)[] args) => Query(c, sql, read, null, args);

    private static List<T> Query<T>(DbConnection c, string sql, Func<DbDataReader, T> read, DbTransaction? tx, params (string, object?)[] args)
    {
        using var cmd = Command(c, sql, tx, args);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(read(r));
        return list;
    }

    public void Dispose() => _pg?.Dispose();
}
