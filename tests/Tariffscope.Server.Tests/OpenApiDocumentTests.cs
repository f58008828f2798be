using System.Text.Json;
using System.Text.Json.Nodes;
using Tariffscope.Tests;

namespace Tariffscope.Server.Tests;

/// <summary>
/// The OpenAPI description is part of the repository (src/Tariffscope.Server/openapi.v1.json): a change to the API
/// that is not reflected there fails here. To accept a deliberate change, run the tests with
/// TARIFFSCOPE_UPDATE_OPENAPI=1, which writes the served document over the checked-in one; review the diff.
/// </summary>
[Collection(ServerCollection.Name)]
public class OpenApiDocumentTests(ServerFixture server)
{
    private static string CheckedIn => Path.Combine(SharedData.RepoRoot(), "src", "Tariffscope.Server", "openapi.v1.json");

    [Fact]
    public async Task The_served_document_equals_the_checked_in_one()
    {
        var served = await server.GetJson("/openapi/v1.json");
        if (Environment.GetEnvironmentVariable("TARIFFSCOPE_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(CheckedIn, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Assert.True(File.Exists(CheckedIn), $"{CheckedIn} is missing; run the tests with TARIFFSCOPE_UPDATE_OPENAPI=1 to write it");
        var file = JsonNode.Parse(await File.ReadAllTextAsync(CheckedIn))!;
        Assert.True(JsonNode.DeepEquals(file, served),
            "the API changed but src/Tariffscope.Server/openapi.v1.json did not: run the server tests with TARIFFSCOPE_UPDATE_OPENAPI=1 and commit the new document");
    }

    [Fact]
    public async Task The_document_describes_every_endpoint_and_its_problems()
    {
        var doc = await server.GetJson("/openapi/v1.json");
        Assert.Equal("Tariffscope API", (string)doc["info"]!["title"]!);
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var p in new[] { "/api/v1/quote", "/api/v1/schedule/search", "/api/v1/schedule/lines/{code}", "/api/v1/timeline", "/api/v1/deadlines",
                     "/api/v1/changes", "/api/v1/scenarios", "/api/v1/scenarios/{name}", "/api/v1/diff", "/api/v1/lists/{name}", "/healthz",
                     "/api/v1/indicators", "/api/v1/trade", "/api/v1/controls/check", "/api/v1/controls/screen", "/api/v1/controls/deadlines", "/api/v1/impact" })
            Assert.Contains(p, paths);
        var post = doc["paths"]!["/api/v1/quote"]!["post"]!;
        Assert.NotNull(post["requestBody"]!["content"]!["application/json"]);
        Assert.NotNull(post["responses"]!["415"]);
        Assert.Null(doc["servers"]);
    }
}
