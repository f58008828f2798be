using System.Text.Json.Nodes;

namespace Tariffscope.Server.Tests;

/// <summary>POST /api/v1/batch: an uploaded entry file rated under scenarios, every line accounted for.</summary>
[Collection(ServerCollection.Name)]
public class BatchApiTests(ServerFixture server)
{
    private const string Entries = "code,origin,date,value,metal_share\n7326.90.86,CN,2025-08-20,10000,0.6\n9999.99.99,CN,2025-08-20,100,\n";

    private Task<HttpResponseMessage> Post(string path, string body, string type = "text/csv") =>
        server.SendWithKey(HttpMethod.Post, path, ServerFixture.Body(body, type));

    [Fact]
    public async Task A_file_is_rated_under_two_scenarios_and_the_results_can_be_downloaded()
    {
        using var r = await Post("/api/v1/batch?scenarios=actual,truce-lapses-aug-2025", Entries);
        Assert.Equal(200, (int)r.StatusCode);
        var doc = JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
        Assert.Equal(2, (long)doc["inputLines"]!);
        Assert.Equal(1, (long)doc["rated"]!);
        Assert.Equal(1, (long)doc["rejected"]!);
        Assert.True((bool)doc["accounted"]!);
        // 7326.90.86 from China, 60% steel, on 2025-08-20: $8,190.00 under the actual rules; when the truce lapses the
        // reciprocal layer is 34% of the non-steel $4,000 = $1,360 instead of $400: $9,150.00 (worked by hand).
        var totals = doc["totals"]!.AsArray();
        Assert.Equal(8190m, (decimal)totals[0]!["duty"]!);
        Assert.Equal(9150m, (decimal)totals[1]!["duty"]!);
        using var results = await server.SendWithKey(HttpMethod.Get, (string)doc["results"]!);
        Assert.Contains("truce_lapses_aug_2025_total_duty", (await results.Content.ReadAsStringAsync()).Replace('-', '_'));
        using var rejects = await server.SendWithKey(HttpMethod.Get, (string)doc["rejectsFile"]!);
        Assert.Contains("9999.99.99", await rejects.Content.ReadAsStringAsync());
        // kept in the server's batch store, not in a temp folder of its own
        Assert.True(File.Exists(Path.Combine(server.BatchFolder, (string)doc["id"]!, "results.csv")));

        // the results are a write's output: they need the key too
        using var anonymous = await server.Http.GetAsync((string)doc["results"]!);
        await ServerFixture.AssertProblem(anonymous, 401);
    }

    [Fact]
    public async Task Wrong_content_type_unknown_scenario_and_unknown_batch_are_problems()
    {
        using var type = await Post("/api/v1/batch", Entries, "application/json");
        await ServerFixture.AssertProblem(type, 415);
        using var scenario = await Post("/api/v1/batch?scenarios=nowhere", Entries);
        await ServerFixture.AssertProblem(scenario, 404);
        using var missing = await server.SendWithKey(HttpMethod.Get, "/api/v1/batch/../../etc/results");
        Assert.Equal(404, (int)missing.StatusCode);
        using var unknown = await server.SendWithKey(HttpMethod.Get, $"/api/v1/batch/{Guid.NewGuid():N}/results");
        await ServerFixture.AssertProblem(unknown, 404);
    }

    [Fact]
    public async Task A_batch_needs_the_api_key_and_a_non_simple_content_type()
    {
        // before: no key needed, and text/plain (which a cross-site form can post without a preflight) accepted
        using var noKey = await server.Http.PostAsync("/api/v1/batch", ServerFixture.Body(Entries, "text/csv"));
        await ServerFixture.AssertProblem(noKey, 401);
        using var plain = await Post("/api/v1/batch", Entries, "text/plain");
        await ServerFixture.AssertProblem(plain, 415);
    }

    [Theory]
    [InlineData("\uFEFF", "the file is empty")]
    [InlineData("code,origin,code,value\n8507.60.00,CN,8507.60.00,1\n", "column 'code' appears 2 times")]
    [InlineData(null, "not valid UTF-8")]
    public async Task Unreadable_uploads_are_a_422_that_shows_no_server_path(string? body, string expected)
    {
        // before: 500 (an EntryFileException nobody caught), with the server's temp path in the message
        HttpContent content = body is null
            ? new ByteArrayContent([.. "code,origin,d"u8.ToArray(), 0xFF, 0xFE, .. ",value\n8507.60.00,CN,2025-08-13,1\n"u8.ToArray()])
            : ServerFixture.Body(body, "text/csv");
        content.Headers.ContentType = new("text/csv");
        using var r = await server.SendWithKey(HttpMethod.Post, "/api/v1/batch", content);
        var p = await ServerFixture.AssertProblem(r, 422);
        var detail = ServerFixture.Detail(p);
        Assert.Contains(expected, detail);
        Assert.Contains("the uploaded file", detail);
        Assert.DoesNotContain(server.BatchFolder, detail);
        Assert.DoesNotContain(Path.GetTempPath(), detail);
        // and the failed job left no folder behind
        Assert.DoesNotContain(Directory.EnumerateDirectories(server.BatchFolder), d => !File.Exists(Path.Combine(d, "results.csv")));
    }
}

/// <summary>The batch store keeps results for its retention period and within its quota.</summary>
public class BatchStoreTests : IClassFixture<BatchStoreTests.Fixture>
{
    public sealed class Fixture : ServerFixture
    {
        protected override ServerOptions Options(ServerOptions d) => d with { BatchQuotaBytes = 1200 };
    }

    private readonly Fixture _server;
    public BatchStoreTests(Fixture server) => _server = server;

    [Fact]
    public async Task Expired_batches_are_deleted_and_the_oldest_go_when_the_quota_is_full()
    {
        var old = Directory.CreateDirectory(Path.Combine(_server.BatchFolder, Guid.NewGuid().ToString("N")));
        File.WriteAllText(Path.Combine(old.FullName, "results.csv"), "x");
        Directory.SetCreationTimeUtc(old.FullName, DateTime.UtcNow.AddDays(-3));
        Directory.SetLastWriteTimeUtc(old.FullName, DateTime.UtcNow.AddDays(-3));

        var ids = new List<string>();
        for (int i = 0; i < 4; i++)
        {
            using var r = await _server.SendWithKey(HttpMethod.Post, "/api/v1/batch", ServerFixture.Body("code,origin,date,value\n8507.60.00,CN,2025-08-13,100\n", "text/csv"));
            Assert.Equal(200, (int)r.StatusCode);
            ids.Add((string)System.Text.Json.Nodes.JsonNode.Parse(await r.Content.ReadAsStringAsync())!["id"]!);
            await Task.Delay(20);
        }
        Assert.False(Directory.Exists(old.FullName)); // past the 24 h retention
        var kept = Directory.EnumerateDirectories(_server.BatchFolder).Select(Path.GetFileName).ToList();
        Assert.Contains(ids[^1], kept);             // the newest is always kept
        Assert.DoesNotContain(ids[0], kept);        // each batch (results, rejects, report) is over the 1,200-byte quota
        long Size(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var newest = Size(Path.Combine(_server.BatchFolder, ids[^1]));
        // within the quota, but for the newest batch, which is kept whatever its size
        Assert.True(Size(_server.BatchFolder) <= 1200 + newest, $"{Size(_server.BatchFolder)} bytes kept");
    }
}
