using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Ical.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tariffscope.Questions.Webhooks;

namespace Tariffscope.Server.Tests;

/// <summary>Webhooks against a local receiver: each POST is signed with the subscriber's secret, a 500 is retried,
/// and each event is delivered once.</summary>
public sealed class WebhookTests
{
    private sealed record Received(string Body, string? Signature, string? Key, int Status);

    [Fact]
    public async Task Each_event_is_delivered_once_signed_and_retried_after_a_500()
    {
        const string secret = "s3cret-for-the-receiver";
        var received = new ConcurrentQueue<Received>();
        int calls = 0;
        var receiver = WebApplication.CreateBuilder().Build();
        receiver.Urls.Add("http://127.0.0.1:0");
        receiver.MapPost("/hook", async (HttpContext c) =>
        {
            using var ms = new MemoryStream();
            await c.Request.Body.CopyToAsync(ms);
            var status = Interlocked.Increment(ref calls) == 1 ? 500 : 200; // the first delivery fails once
            received.Enqueue(new(Encoding.UTF8.GetString(ms.ToArray()), c.Request.Headers[WebhookDispatcher.SignatureHeader],
                c.Request.Headers[WebhookDispatcher.DeliveryHeader], status));
            return Results.StatusCode(status);
        });
        await receiver.StartAsync();
        var dir = Directory.CreateTempSubdirectory("tariffscope-hooks-").FullName;
        var (app, http) = await StoreTests.StartServer(Path.Combine(dir, "state.db"), Path.Combine(dir, "batch"),
            o => o with { HousekeepingInterval = TimeSpan.FromMilliseconds(200), WebhookFirstRetry = TimeSpan.FromMilliseconds(300) });
        try
        {
            using (var put = await http.PutAsync("/api/v1/watchlists/laptops", ServerFixture.Body(
                """{"lines": [{"code": "8471.30.01.00", "value": 100000}], "origins": ["CN"]}""", "application/json")))
                Assert.True(put.IsSuccessStatusCode);
            var sub = new { url = receiver.Urls.Single() + "/hook", secret, watchlist = "laptops", daysBefore = 60 };
            using var created = await http.PostAsync("/api/v1/subscriptions", ServerFixture.Body(System.Text.Json.JsonSerializer.Serialize(sub), "application/json"));
            Assert.Equal(201, (int)created.StatusCode);
            var id = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;

            // What the subscriber should hear of: the watchlist's events in the 61 days from today (2025-07-01), as
            // the calendar feed lists them (its UIDs are the events' ids).
            var ics = await http.GetStringAsync("/api/v1/calendar.ics?from=2025-07-01&days=61&watchlist=laptops");
            var expected = Calendar.Load(ics)!.Events.Select(e => e.Uid!.Split('@')[0]).Order().ToList();
            Assert.NotEmpty(expected);

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (received.Count(r => r.Status == 200) < expected.Count && DateTime.UtcNow < deadline) await Task.Delay(100);
            await Task.Delay(1500); // several more rounds: nothing may be sent twice

            var all = received.ToList();
            foreach (var r in all)
                Assert.Equal(WebhookDispatcher.Sign(secret, Encoding.UTF8.GetBytes(r.Body)), r.Signature);
            var ok = all.Where(r => r.Status == 200).ToList();
            Assert.Equal(expected, ok.Select(r => (string)JsonNode.Parse(r.Body)!["id"]!).Order().ToList());
            Assert.Equal(ok.Count, ok.Select(r => r.Key).Distinct().Count());
            // The one that got a 500 was tried again and delivered.
            var failed = all.Single(r => r.Status == 500);
            Assert.Contains(ok, r => r.Key == failed.Key && r.Body == failed.Body);
            Assert.Equal(expected.Count + 1, all.Count);

            var log = JsonNode.Parse(await http.GetStringAsync($"/api/v1/subscriptions/{id}/deliveries"))!.AsArray();
            Assert.Equal(expected.Count, log.Count);
            Assert.All(log, d => Assert.Equal("delivered", (string)d!["status"]!));
            Assert.Equal(expected.Count + 1, log.Sum(d => (int)d!["attempts"]!));
        }
        finally
        {
            await StoreTests.Stop(app, http);
            await receiver.StopAsync();
            await receiver.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }
}
