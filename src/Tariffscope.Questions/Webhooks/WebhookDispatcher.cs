using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tariffscope.Engine;
using Tariffscope.Policy;
using Tariffscope.Questions.Feeds;
using Tariffscope.Questions.Store;
using Tariffscope.Questions.Watch;

namespace Tariffscope.Questions.Webhooks;

/// <summary>The JSON a subscriber receives for one event.</summary>
public sealed record WebhookPayload(string Id, string Reason, string Subscription, string? Watchlist, DateOnly Date, int DaysAway, string Kind,
    string Importer, string Measure, string Title, string What, IReadOnlyList<string> Headings, string Source, string? Link, DateOnly Published,
    decimal? DutyBefore, decimal? DutyAfter);

/// <summary>
/// Tells subscribers about events that touch them: a deadline within their notice period, or a rule published
/// since they subscribed. Each (subscriber, event, reason) is enqueued once in the store's delivery log (its
/// idempotency key), then POSTed as JSON signed with HMAC-SHA256 over the exact body with the subscriber's secret
/// (<c>X-Tariffscope-Signature: sha256=HEX</c>). A failed POST (no answer, or a status other than 2xx) is tried
/// again after a doubling delay, up to <see cref="MaxAttempts"/> times; every attempt is in the log.
/// </summary>
public sealed class WebhookDispatcher(Rulebook rules, StateStore store, Watchlists watchlists, HttpClient http)
{
    public const string SignatureHeader = "X-Tariffscope-Signature";
    public const string DeliveryHeader = "X-Tariffscope-Delivery";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public int MaxAttempts { get; init; } = 6;
    /// <summary>The first retry's delay; each later one doubles it.</summary>
    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>The clock that times attempts and retries: real time, even where "today" is pinned.</summary>
    public TimeProvider Timer { get; init; } = TimeProvider.System;

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Enqueues what each subscriber should hear about today; returns how many new deliveries.</summary>
    public int Plan()
    {
        var today = rules.Today.Date;
        var now = Timer.GetUtcNow();
        var engine = rules.Engine();
        var policy = engine.Policy;
        int added = 0;
        foreach (var s in store.Subscriptions())
        {
            var w = s.Watchlist is null ? null : watchlists.Get(s.Watchlist);
            if (s.Watchlist is not null && w is null) continue; // its watchlist was deleted: nothing to match
            bool Wanted(PolicyEvent e) => w is null || w.Touches(policy, e);
            var impacts = w is null ? null : new WatchlistImpactQuestion(rules).Ask(new(w, today, s.DaysBefore + 1)).Events.ToDictionary(x => x.Id);
            foreach (var e in PolicyEvents.Deadlines(policy, today, s.DaysBefore + 1).Where(Wanted))
                added += Enqueue(s, e, "deadline", today, impacts, now) ? 1 : 0;
            var since = DateOnly.FromDateTime(s.Created.UtcDateTime);
            foreach (var e in PolicyEvents.All(policy).Where(e => e.Published >= since && e.Published <= today && e.Date >= today).Where(Wanted))
                added += Enqueue(s, e, "published", today, impacts, now) ? 1 : 0;
        }
        return added;
    }

    private bool Enqueue(StoredSubscription s, PolicyEvent e, string reason, DateOnly today, Dictionary<string, EventImpact>? impacts, DateTimeOffset now)
    {
        var id = EventFeed.Id(e);
        var impact = impacts?.GetValueOrDefault(id);
        var payload = new WebhookPayload(id, reason, s.Id, s.Watchlist, e.Date, e.Date.DayNumber - today.DayNumber, e.Kind.ToString(), e.Importer,
            e.MeasureId, e.Title, e.What, EventFeed.Headings(rules.Catalog.ActualPolicy, e), e.Source.ToString(), e.Source.Link, e.Published,
            impact?.DutyBefore, impact?.DutyAfter);
        return store.Enqueue(s.Id, $"{reason}:{id}", JsonSerializer.Serialize(payload, Json), now);
    }

    /// <summary>Posts every delivery that is due; returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct = default)
    {
        var now = Timer.GetUtcNow();
        var subs = store.Subscriptions().ToDictionary(s => s.Id);
        int delivered = 0;
        foreach (var d in store.DueDeliveries(now))
        {
            if (!subs.TryGetValue(d.Subscription, out var s)) continue;
            if (!store.Lease(d, now + TimeSpan.FromMinutes(2))) continue; // another process took it
            var body = Encoding.UTF8.GetBytes(d.Payload);
            string? error = null;
            try
            {
                using var req = new HttpRequestMessage(HttpMethod.Post, s.Url) { Content = new ByteArrayContent(body) };
                req.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                req.Headers.Add(SignatureHeader, Sign(s.Secret, body));
                req.Headers.Add(DeliveryHeader, d.EventKey);
                req.Headers.Add("Idempotency-Key", $"{d.Subscription}:{d.EventKey}");
                using var res = await http.SendAsync(req, ct);
                if (!res.IsSuccessStatusCode) error = $"HTTP {(int)res.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { error = e.Message; }
            var at = Timer.GetUtcNow();
            var attempts = d.Attempts + 1;
            DateTimeOffset? retry = error is null || attempts >= MaxAttempts ? null : at + FirstRetry * Math.Pow(2, attempts - 1);
            store.RecordAttempt(d, error is null, error, at, retry);
            if (error is null) delivered++;
        }
        return delivered;
    }
}
