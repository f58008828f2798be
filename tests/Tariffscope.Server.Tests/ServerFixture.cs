using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Tariffscope.Data;
using Tariffscope.Server;

namespace Tariffscope.Server.Tests;

/// <summary>
/// A real Tariffscope server on 127.0.0.1 on a free port (Kestrel in this process, built-in data, a pinned clock),
/// and an HttpClient that talks to it over the loopback. Stopped when the tests that share it are done.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    public const string ApiKey = "test-key-5b1e";
    /// <summary>The fixture's "today": the day the dashboard's and the API's defaults count from.</summary>
    public static readonly DateOnly Today = new(2025, 7, 1);
    private static readonly Lazy<Workspace> SharedWorkspace = new(Workspace.BuiltIn);

    public WebApplication App { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    protected virtual ServerOptions Options(ServerOptions defaults) => defaults;

    /// <summary>Lets a fixture add routes of its own before the server starts.</summary>
    protected virtual void Configure(WebApplication app) { }

    /// <summary>The server's batch store: a folder of this fixture's own, deleted with it.</summary>
    public string BatchFolder { get; } = Directory.CreateTempSubdirectory("tariffscope-batch-store-").FullName;

    public virtual async Task InitializeAsync()
    {
        App = TariffscopeServer.Build(Options(new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            Workspace = SharedWorkspace.Value,
            ApiKey = ApiKey,
            LogLevel = LogLevel.Warning,
            Clock = new FixedClock(Today),
            BatchFolder = BatchFolder,
        }));
        Configure(App);
        await App.StartAsync();
        BaseAddress = new Uri(App.Urls.Single());
        Assert.Equal("127.0.0.1", BaseAddress.Host);
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try { Directory.Delete(BatchFolder, recursive: true); } catch (IOException) { }
    }

    /// <summary>A request carrying the server's API key.</summary>
    public async Task<HttpResponseMessage> SendWithKey(HttpMethod method, string path, HttpContent? content = null)
    {
        using var req = new HttpRequestMessage(method, path) { Content = content };
        req.Headers.Add("X-Api-Key", ApiKey);
        return await Http.SendAsync(req);
    }

    public async Task<JsonNode> GetJson(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!;
    }

    /// <summary>Asserts the answer is an RFC 7807 problem with the status given and a detail that says something.</summary>
    public static async Task<JsonNode> AssertProblem(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]), body);
        return problem;
    }

    public static string Detail(JsonNode problem) => (string?)problem["detail"] ?? "";

    public static StringContent Body(string text, string mediaType) => new(text, new MediaTypeHeaderValue(mediaType));

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

/// <summary>A clock stopped at noon UTC of one day.</summary>
public sealed class FixedClock(DateOnly day) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
