using System.Collections.Immutable;
using Tariffscope.Policy;

namespace Tariffscope.Engine;

/// <summary>One step of a line's duty over time: the date, the effective rate before and after, and why.</summary>
public sealed record TimelineStep(DateOnly Date, decimal? RateBefore, decimal RateAfter, ImmutableArray<string> Causes, Quote Quote);

/// <summary>Every date on which the duty on one line changes, for one scenario.</summary>
public sealed record RateTimeline(string Scenario, EntryLine Entry, DateOnly From, DateOnly To, ImmutableArray<TimelineStep> Steps);

public static class RateTimelines
{
    /// <summary>
    /// The line's duty from <paramref name="from"/> to <paramref name="to"/>: quoted on the first day and on every
    /// day something in the rules or the schedule could change it; steps are kept where the rate or layers change.
    /// </summary>
    public static RateTimeline Build(TariffEngine engine, EntryLine template, DateOnly from, DateOnly to, IEnumerable<DateOnly>? scheduleDates = null)
    {
        var all = PolicyEvents.All(engine.Policy).ToList();
        var candidates = new SortedSet<DateOnly> { from };
        foreach (var e in all.Where(e => e.Importer == template.Importer))
            if (e.Date > from && e.Date <= to) candidates.Add(e.Date);
        foreach (var d in scheduleDates ?? []) if (d > from && d <= to) candidates.Add(d);

        var events = all.ToLookup(e => e.Date);
        var steps = ImmutableArray.CreateBuilder<TimelineStep>();
        Quote? prev = null;
        foreach (var date in candidates)
        {
            var q = engine.Quote(template with { Date = date });
            if (prev is not null && q.Total == prev.Total && SameLayers(prev, q)) continue;
            steps.Add(new TimelineStep(date, prev?.EffectiveRate, q.EffectiveRate, Causes(prev, q, events[date]), q));
            prev = q;
        }
        return new RateTimeline(engine.Policy.Name, template, from, to, steps.ToImmutable());
    }

    private static bool SameLayers(Quote a, Quote b) =>
        a.Layers.Select(l => (l.MeasureId, l.Rate, l.Amount)).SequenceEqual(b.Layers.Select(l => (l.MeasureId, l.Rate, l.Amount)));

    /// <summary>The layers that appeared, went or changed, each with the event and the source behind it.</summary>
    private static ImmutableArray<string> Causes(Quote? before, Quote after, IEnumerable<PolicyEvent> eventsToday)
    {
        var causes = ImmutableArray.CreateBuilder<string>();
        var today = eventsToday.ToList();
        string Why(string measureId, string fallback)
        {
            var e = today.FirstOrDefault(x => x.MeasureId == measureId && x.SuspensionId is not null) ?? today.FirstOrDefault(x => x.MeasureId == measureId);
            return e is null ? fallback : $"{e.Title}: {e.What} ({e.Source.Instrument})";
        }
        if (before is null)
        {
            foreach (var l in after.Layers.Where(l => !l.IsBase)) causes.Add($"{l.Title}: {l.Rate} ({l.Source.Instrument})");
            return causes.ToImmutable();
        }
        var old = before.Layers.ToDictionary(l => l.MeasureId);
        var now = after.Layers.ToDictionary(l => l.MeasureId);
        foreach (var l in after.Layers)
        {
            if (!old.TryGetValue(l.MeasureId, out var o)) causes.Add(Why(l.MeasureId, $"{l.Title} starts: {l.Rate} ({l.Source.Instrument})"));
            else if (o.Rate != l.Rate || o.Amount != l.Amount) causes.Add(Why(l.MeasureId, $"{l.Title}: {o.Rate} -> {l.Rate} ({l.Source.Instrument})"));
        }
        foreach (var o in before.Layers.Where(o => !now.ContainsKey(o.MeasureId)))
        {
            var omitted = after.Omitted.FirstOrDefault(x => x.MeasureId == o.MeasureId);
            causes.Add(Why(o.MeasureId, omitted is null ? $"{o.Title} ends ({o.Source.Instrument})" : $"{o.Title}: {omitted.Reason}"));
        }
        return causes.Distinct().ToImmutableArray();
    }
}
