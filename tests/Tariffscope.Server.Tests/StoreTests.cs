using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Tariffscope.Data;

namespace Tariffscope.Server.Tests;

/// <summary>
/// The server's state outlives the process: an uploaded scenario, a watchlist and a batch's results are there
/// after a restart, in SQLite and in PostgreSQL; two processes on one PostgreSQL store serve the same state.
/// </summary>
public sealed class StoreTests(PostgresFixture pg) : IClassFixture<PostgresFixture>
{
    private static readonly Lazy<Workspace> BuiltIn = new(Workspace.BuiltIn);

    private const string Scenario = """
        name: geneva-never-extended
        description: The Geneva suspension runs out on 11 August 2025 and nothing follows (US side only).
        inherits: actual
        suspensions:
          remove: [us-stockholm-extension, us-busan-extension]
        """;
    private const string Watchlist = """{"lines": [{"code": "8471.30.01.00", "value": 100000}], "origins": ["CN"]}""";
    private const string Entries = "code,origin,date,value,metal_share\n7326.90.86,CN,2025-08-20,10000,0.6\n";

    internal static async Task<(WebApplication App, HttpClient Http)> StartServer(string store, string batchFolder, Func<ServerOptions, ServerOptions>? tune = null)
    {
        var options = new ServerOptions
        {
            Urls = "http://127.0.0.1:0", Workspace = BuiltIn.Value, ApiKey = ServerFixture.ApiKey, LogLevel = LogLevel.Warning,
            Clock = new FixedClock(ServerFixture.Today), BatchFolder = batchFolder, Store = store, WarmIndicators = false,
        };
        var app = TariffscopeServer.Build(tune is null ? options : tune(options));
        await app.StartAsync();
        var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerFixture.ApiKey);
        return (app, http);
    }

    internal static async Task Stop(WebApplication app, HttpClient http)
    {
        http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task<string> Ok(HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}: {(int)r.StatusCode} {body}");
        r.Dispose();
        return body;
    }

    /// <summary>Uploads a scenario, a watchlist and a batch through one server; returns the batch id and its results.</summary>
    private static async Task<(string Id, string Results)> Fill(HttpClient http)
    {
        await Ok(await http.PostAsync("/api/v1/scenarios", ServerFixture.Body(Scenario, "application/yaml")));
        await Ok(await http.PutAsync("/api/v1/watchlists/laptops", ServerFixture.Body(Watchlist, "application/json")));
        var batch = JsonNode.Parse(await Ok(await http.PostAsync("/api/v1/batch", ServerFixture.Body(Entries, "text/csv"))))!;
        var id = (string)batch["id"]!;
        return (id, await Ok(await http.GetAsync($"/api/v1/batch/{id}/results")));
    }

    /// <summary>What the second server must serve: the scenario (quoted under), the watchlist, the batch's results.</summary>
    private static async Task Check(HttpClient http, string id, string results)
    {
        var scenario = JsonNode.Parse(await Ok(await http.GetAsync("/api/v1/scenarios/geneva-never-extended")))!;
        Assert.True((bool)scenario["uploaded"]!);
        var watch = JsonNode.Parse(await Ok(await http.GetAsync("/api/v1/watchlists/laptops")))!;
        Assert.Equal("8471300100", (string)watch["lines"]![0]!["code"]!);
        Assert.Equal(results, await Ok(await http.GetAsync($"/api/v1/batch/{id}/results")));
    }

    [Fact]
    public async Task State_survives_a_restart_on_sqlite()
    {
        var dir = Directory.CreateTempSubdirectory("tariffscope-store-").FullName;
        try
        {
            var store = Path.Combine(dir, "state.db");
            var (app, http) = await StartServer(store, Path.Combine(dir, "batch1"));
            var (id, results) = await Fill(http);
            await Stop(app, http);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            // A new process, and a new batch folder: the results can only come from the store.
            (app, http) = await StartServer(store, Path.Combine(dir, "batch2"));
            await Check(http, id, results);
            await Stop(app, http);
        }
        finally { Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); Directory.Delete(dir, true); }
    }

    [SkippableFact]
    public async Task State_survives_a_restart_on_postgres()
    {
        Skip.If(pg.Server is null, "PostgreSQL tests skipped: " + pg.Why);
        var url = pg.Server!.NewDatabase();
        var dir = Directory.CreateTempSubdirectory("tariffscope-store-").FullName;
        try
        {
            var (app, http) = await StartServer(url, Path.Combine(dir, "batch1"));
            var (id, results) = await Fill(http);
            await Stop(app, http);
            (app, http) = await StartServer(url, Path.Combine(dir, "batch2"));
            await Check(http, id, results);
            await Stop(app, http);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>Two servers on one PostgreSQL database: what is uploaded through one is served by the other (it
    /// looks for new uploads at most once a second, so the read is retried for a few seconds).</summary>
    [SkippableFact]
    public async Task Two_servers_on_one_postgres_store_serve_the_same_state()
    {
        Skip.If(pg.Server is null, "PostgreSQL tests skipped: " + pg.Why);
        var url = pg.Server!.NewDatabase();
        var dir = Directory.CreateTempSubdirectory("tariffscope-store-").FullName;
        var (a, httpA) = await StartServer(url, Path.Combine(dir, "a"));
        var (b, httpB) = await StartServer(url, Path.Combine(dir, "b"));
        try
        {
            using (var before = await httpB.GetAsync("/api/v1/scenarios/geneva-never-extended"))
                Assert.Equal(404, (int)before.StatusCode);
            var (id, results) = await Fill(httpA);
            for (int i = 0; i < 50; i++)
            {
                using var r = await httpB.GetAsync("/api/v1/scenarios/geneva-never-extended");
                if (r.IsSuccessStatusCode) break;
                await Task.Delay(100);
            }
            await Check(httpB, id, results);
        }
        finally
        {
            await Stop(a, httpA);
            await Stop(b, httpB);
            Directory.Delete(dir, true);
        }
    }

    /// <summary>
    /// Hand-worked: EO 14357 lowered the IEEPA fentanyl duty on China from 20% to 10% from 10 November 2025. A laptop
    /// (8471.30.01.00, left out of the reciprocal duty by the April 2025 electronics exception) imported from China
    /// for $100,000 owes $10,000 less from that day: $20,000 of fentanyl duty on 9 November, $10,000 on 10 November.
    /// </summary>
    [Fact]
    public async Task A_watchlist_prices_each_coming_event_in_dollars()
    {
        var dir = Directory.CreateTempSubdirectory("tariffscope-store-").FullName;
        var (app, http) = await StartServer(Path.Combine(dir, "state.db"), Path.Combine(dir, "batch"));
        try
        {
            await Ok(await http.PutAsync("/api/v1/watchlists/laptops", ServerFixture.Body(Watchlist, "application/json")));
            var impact = JsonNode.Parse(await Ok(await http.GetAsync("/api/v1/watchlists/laptops/impact?from=2025-11-01&days=15")))!;
            var fentanyl = impact["events"]!.AsArray().Single(e => (string)e!["event"]!["measureId"]! == "us-ieepa-fentanyl-cn" && (string)e!["event"]!["date"]! == "2025-11-10")!;
            Assert.Equal(-10000m, (decimal)fentanyl["change"]!);
            using var bad = await http.PutAsync("/api/v1/watchlists/bad", ServerFixture.Body("""{"lines": [{"code": "84x"}], "origins": ["CN"]}""", "application/json"));
            Assert.Equal(422, (int)bad.StatusCode);
        }
        finally
        {
            await Stop(app, http);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }
}

/// <summary>Batch jobs in the store are kept until their retention ends, then deleted with their files, in both databases.</summary>
public sealed class BatchRetentionTests(PostgresFixture pg) : IClassFixture<PostgresFixture>
{
    private static void Check(Tariffscope.Questions.Store.StateStore store)
    {
        var t0 = new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero);
        store.PutBatch(new("aaaa", t0, t0.AddHours(24), "{}"), [("results.csv", "a,b\n"u8.ToArray())]);
        store.PutBatch(new("bbbb", t0, t0.AddHours(48), "{}"), [("results.csv", "c,d\n"u8.ToArray())]);
        Assert.NotNull(store.GetBatch("aaaa", t0.AddHours(23)));
        Assert.Null(store.GetBatch("aaaa", t0.AddHours(24))); // past its retention it is not served, even before a sweep
        Assert.Equal(["aaaa"], store.DeleteExpiredBatches(t0.AddHours(25)));
        Assert.Null(store.GetBatchFile("aaaa", "results.csv"));
        Assert.Equal("c,d\n"u8.ToArray(), store.GetBatchFile("bbbb", "results.csv"));
        Assert.Empty(store.DeleteExpiredBatches(t0.AddHours(25)));
        Assert.Equal(1, store.SchemaVersion);
    }

    [Fact]
    public void On_sqlite()
    {
        var dir = Directory.CreateTempSubdirectory("tariffscope-retention-").FullName;
        try { using var store = Tariffscope.Questions.Store.StateStore.OpenSqlite(Path.Combine(dir, "s.db")); Check(store); }
        finally { Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); Directory.Delete(dir, true); }
    }

    [SkippableFact]
    public void On_postgres()
    {
        Skip.If(pg.Server is null, "PostgreSQL tests skipped: " + pg.Why);
        using var store = Tariffscope.Questions.Store.StateStore.Open(pg.Server!.NewDatabase());
        Check(store);
    }
}
