namespace Tariffscope.Server.Api;

/// <summary>
/// Maps every endpoint group under <c>/api/v1</c>, one file per group. A capability that lands later adds its
/// file here and calls <c>features.Add(name)</c>, which turns its dashboard page on. See docs/server.md, "Plugging in".
/// </summary>
public static class ApiRoutes
{
    public static ApiFeatures Map(WebApplication app, ServerOptions options)
    {
        var features = new ApiFeatures();
        var api = app.MapGroup(TariffscopeServer.ApiPrefix);
        HealthEndpoints.Map(app, api, features);
        QuoteEndpoints.Map(api, features);
        ScheduleEndpoints.Map(api, features);
        TimelineEndpoints.Map(api, features);
        CalendarEndpoints.Map(api, features);
        ScenarioEndpoints.Map(api, features, options);
        ListEndpoints.Map(api, features, options);
        BatchEndpoints.Map(api, features, options);
        IndicatorEndpoints.Map(api, features);
        ControlEndpoints.Map(api, features, options);
        ReplayEndpoints.Map(api, features);
        ImpactEndpoints.Map(api, features);
        GameEndpoints.Map(api, features);
        FeedEndpoints.Map(api, features);
        WatchlistEndpoints.Map(api, features, options);
        SubscriptionEndpoints.Map(api, features, options);
        StateOfPlayEndpoints.Map(api, features);
        return features;
    }
}
