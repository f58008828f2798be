using Tariffscope.Questions.Store;
using Tariffscope.Questions.Watch;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

public sealed record SubscriptionRequest(string Url, string Secret, string? Watchlist, int? DaysBefore);
public sealed record SubscriptionDoc(string Id, string Url, string? Watchlist, int DaysBefore, DateTimeOffset Created);

/// <summary><c>/api/v1/subscriptions</c>: webhooks, signed with the subscriber's secret, and their delivery log.</summary>
public static class SubscriptionEndpoints
{
    public static void Map(RouteGroupBuilder api, ApiFeatures features, ServerOptions options)
    {
        var key = new ApiKeyFilter(options.ResolveApiKey());
        api.MapPost("/subscriptions", Create).WithName("Subscribe").WithTags("Watchlists")
            .WithSummary("Subscribe a URL to signed JSON POSTs (HMAC-SHA256 of the body with the secret, in X-Tariffscope-Signature) for events that touch a watchlist (or every event); needs the API key")
            .Produces<SubscriptionDoc>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(422).AddEndpointFilter(key);
        api.MapGet("/subscriptions", (StateStore store) => TypedResults.Ok(store.Subscriptions().Select(Doc).ToList()))
            .WithName("Subscriptions").WithTags("Watchlists").WithSummary("Every subscription (secrets are never shown); needs the API key")
            .Produces<List<SubscriptionDoc>>().AddEndpointFilter(key);
        api.MapDelete("/subscriptions/{id}", (StateStore store, string id) => store.DeleteSubscription(id) ? Results.NoContent()
                : Problems.NotFound("No such subscription", $"there is no subscription '{id}'", "id"))
            .WithName("Unsubscribe").WithTags("Watchlists").WithSummary("Delete a subscription; needs the API key").AddEndpointFilter(key);
        api.MapGet("/subscriptions/{id}/deliveries", (StateStore store, string id) => TypedResults.Ok(store.Deliveries(id)
                .Select(d => new { d.EventKey, d.Status, d.Attempts, d.LastError, d.NextAttempt, d.DeliveredAt })))
            .WithName("Deliveries").WithTags("Watchlists").WithSummary("The delivery log of a subscription; needs the API key").AddEndpointFilter(key);
        features.Add("subscriptions");
    }

    private static SubscriptionDoc Doc(StoredSubscription s) => new(s.Id, s.Url, s.Watchlist, s.DaysBefore, s.Created);

    private static async Task<IResult> Create(HttpContext context, StateStore store, Watchlists watchlists, ServerOptions options, Today clock)
    {
        var (body, problem) = await RequestBody.ReadJsonAsync<SubscriptionRequest>(context, options.MaxJsonBytes, "a subscription {\"url\": \"https://…\", \"secret\": \"…\", \"watchlist\": \"my-list\", \"daysBefore\": 14}");
        if (problem is not null) return problem;
        static IResult Refuse(string field, string detail) => Problems.Of(StatusCodes.Status422UnprocessableEntity, "Subscription refused", detail, field);
        if (!Uri.TryCreate(body!.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")) return Refuse("url", "expected an absolute http(s) URL");
        if (string.IsNullOrEmpty(body.Secret) || body.Secret.Length < 16) return Refuse("secret", "expected a secret of at least 16 characters");
        if (body.Watchlist is { } w && watchlists.Get(w) is null) return Refuse("watchlist", $"there is no watchlist '{w}'");
        var days = body.DaysBefore ?? 14;
        if (days is < 0 or > 365) return Refuse("daysBefore", "expected 0 to 365");
        var s = new StoredSubscription(Guid.NewGuid().ToString("N"), url.AbsoluteUri, body.Secret, body.Watchlist, days, clock.Clock.GetUtcNow());
        store.PutSubscription(s);
        return TypedResults.Created($"{TariffscopeServer.ApiPrefix}/subscriptions/{s.Id}", Doc(s));
    }
}
