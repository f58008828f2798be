using Tariffscope.Engine;
using Tariffscope.Policy;
using Tariffscope.Questions.Watch;

namespace Tariffscope.Questions.Feeds;

/// <summary>Which coming events a calendar holds: a window, and the filters a subscriber chose.</summary>
public sealed record CalendarRequest(DateOnly From, int Days, string? Importer = null, string? Origin = null, string? HsPrefix = null,
    Watchlist? Watchlist = null, string Scenario = ScenarioCatalog.Actual);

public sealed record CalendarAnswer(string Scenario, DateOnly From, int Days, IReadOnlyList<PolicyEvent> Events, string ICalendar);

/// <summary>The coming deadlines and effective dates as an iCalendar file, filtered by importer, origin, HS prefix or watchlist.</summary>
public sealed class CalendarQuestion(Rulebook rules)
{
    public CalendarAnswer Ask(CalendarRequest r)
    {
        var policy = rules.Catalog.Resolve(r.Scenario);
        var events = PolicyEvents.Deadlines(policy, r.From, r.Days, r.Importer, r.Origin)
            .Where(e => r.HsPrefix is null || EventFeed.Touches(policy, e, r.HsPrefix))
            .Where(e => r.Watchlist is null || r.Watchlist.Touches(policy, e))
            .ToList();
        var name = "Tariffscope deadlines" + (r.Watchlist is { } w ? $" · {w.Name}" : "")
            + (r.Importer is { } i ? $" · {i}" : "") + (r.Origin is { } o ? $" · from {o}" : "") + (r.HsPrefix is { } h ? $" · HS {h}" : "");
        var stamp = new DateTimeOffset(rules.Today.Clock.GetUtcNow().UtcDateTime, TimeSpan.Zero);
        return new(policy.Name, r.From, r.Days, events, ICalendarWriter.Write(policy, events, stamp, name));
    }
}

public sealed record ChangesFeedRequest(DateOnly Until, int Days = 365, string? Importer = null, string? Origin = null, string Scenario = ScenarioCatalog.Actual);
public sealed record ChangesFeedAnswer(IReadOnlyList<PolicyEvent> Entries, string Atom);

/// <summary>Changes as they entered the rules: every dated event whose rule was published in (until - days, until], newest first.</summary>
public sealed class ChangesFeedQuestion(Rulebook rules)
{
    public ChangesFeedAnswer Ask(ChangesFeedRequest r, Uri self)
    {
        var policy = rules.Catalog.Resolve(r.Scenario);
        var since = r.Until.AddDays(-r.Days);
        var entries = PolicyEvents.All(policy)
            .Where(e => e.Published > since && e.Published <= r.Until)
            .Where(e => r.Importer is null || e.Importer.Equals(r.Importer, StringComparison.OrdinalIgnoreCase))
            .Where(e => r.Origin is null || PolicyEvents.Covers(policy, e.Origins, r.Origin, e.Date))
            .OrderByDescending(e => e.Published).ThenBy(e => e.Date).ThenBy(e => e.Title)
            .ToList();
        var whenEmpty = new DateTimeOffset(r.Until.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new(entries, AtomWriter.Write(policy, entries, self, whenEmpty));
    }
}
