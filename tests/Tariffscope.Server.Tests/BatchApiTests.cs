using System.Text.Json.Nodes;

namespace Tariffscope.Server.Tests;

/// <summary>POST /api/v1/batch: an uploaded entry file rated under scenarios, every line accounted for.</summary>
[Collection(ServerCollection.Name)]
public class BatchApiTests(ServerFixture server)
{
    private const string Entries = "code,origin,date,value,metal_share\n7326.90.86,CN,2025-08-20,10000,0.6\n9999.99.99,CN,2025-08-20,100,\n";

    [Fact]
    public async Task A_file_is_rated_under_two_scenarios_and_the_results_can_be_downloaded()
    {
        using var r = await server.Http.PostAsync("/api/v1/batch?scenarios=actual,truce-lapses-aug-2025", ServerFixture.Body(Entries, "text/csv"));
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
        var results = await server.Http.GetStringAsync((string)doc["results"]!);
        Assert.Contains("truce_lapses_aug_2025_total_duty", results.Replace('-', '_'));
        var rejects = await server.Http.GetStringAsync((string)doc["rejectsFile"]!);
        Assert.Contains("9999.99.99", rejects);
    }

    [Fact]
    public async Task Wrong_content_type_unknown_scenario_and_unknown_batch_are_problems()
    {
        using var type = await server.Http.PostAsync("/api/v1/batch", ServerFixture.Body(Entries, "application/json"));
        await ServerFixture.AssertProblem(type, 415);
        using var scenario = await server.Http.PostAsync("/api/v1/batch?scenarios=nowhere", ServerFixture.Body(Entries, "text/csv"));
        await ServerFixture.AssertProblem(scenario, 404);
        using var missing = await server.Http.GetAsync("/api/v1/batch/../../etc/results");
        Assert.Equal(404, (int)missing.StatusCode);
        using var unknown = await server.Http.GetAsync($"/api/v1/batch/{Guid.NewGuid():N}/results");
        await ServerFixture.AssertProblem(unknown, 404);
    }
}
