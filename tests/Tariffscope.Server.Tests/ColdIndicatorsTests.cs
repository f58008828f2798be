using System.Net;
using System.Text.Json.Nodes;
using Tariffscope.Data;

namespace Tariffscope.Server.Tests;

/// <summary>The trade-data server with no time to wait: every question not yet answered is a cold one.</summary>
public sealed class ColdTradeFixture : ServerFixture
{
    private readonly DataDirectory _dir = TradeDataDir.Create();

    protected override ServerOptions Options(ServerOptions defaults) =>
        defaults with { Workspace = Workspace.Load(_dir), AnswerWait = TimeSpan.Zero, WarmIndicators = false };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        TradeDataDir.Delete(_dir);
    }
}

/// <summary>
/// A first all-partner <c>GET /api/v1/indicators</c> that takes longer than the server will wait is answered 202 with a
/// <c>Location</c> to poll, never 504; polling it gives the answer once computed.
/// </summary>
public class ColdIndicatorsTests(ColdTradeFixture server) : IClassFixture<ColdTradeFixture>
{
    [Fact]
    public async Task A_cold_question_is_accepted_with_a_location_to_poll_then_answered()
    {
        const string path = "/api/v1/indicators?from=2025-01-01&to=2025-06-30&by=partner";
        using var first = await server.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var location = first.Headers.Location;
        Assert.NotNull(location);
        Assert.Equal(path, location!.OriginalString);
        Assert.True(first.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("computing", (string?)JsonNode.Parse(await first.Content.ReadAsStringAsync())!["status"]);

        JsonNode? doc = null;
        for (var i = 0; i < 120 && doc is null; i++)
        {
            using var poll = await server.Http.GetAsync(location);
            if (poll.StatusCode == HttpStatusCode.OK) doc = JsonNode.Parse(await poll.Content.ReadAsStringAsync());
            else { Assert.Equal(HttpStatusCode.Accepted, poll.StatusCode); await Task.Delay(250); }
        }
        Assert.NotNull(doc);
        // all partners on 2025-01-01: Section 301 on China's valves, 25% × 1,000,000 over 1,900,000 of trade
        var jan = doc!["series"]![0]!["totals"]!.AsArray().First()!;
        Assert.Equal(1_900_000m, jan["tradeValue"]!.GetValue<decimal>());
        Assert.Equal(0.131579m, Math.Round(jan["additionalRate"]!.GetValue<decimal>(), 6));
    }

    [Fact]
    public async Task A_question_about_an_unknown_partner_is_still_refused_plainly()
    {
        using var r = await server.Http.GetAsync("/api/v1/indicators?partner=china");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }
}
