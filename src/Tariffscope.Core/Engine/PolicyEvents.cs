using System.Collections.Immutable;
using Tariffscope.Duties;
using Tariffscope.Policy;

namespace Tariffscope.Engine;

public enum EventKind { MeasureStarts, RateChanges, MeasureEnds, SuspensionStarts, SuspensionEnds, ExclusionEnds }

/// <summary>
/// A dated change written into the rules: a measure starts, changes rate or lapses; a suspension starts or ends
/// (a truce's end is a snap-back unless something extends it).
/// </summary>
public sealed record PolicyEvent(
    DateOnly Date,
    EventKind Kind,
    string Importer,
    string MeasureId,
    string? SuspensionId,
    string Title,
    string What,
    OriginScope Origins,
    Provenance Source,
    DateOnly Published)
{
    public override string ToString() => $"{Date:yyyy-MM-dd} {Title}: {What}";
}

/// <summary>Reads the dated events out of a policy set: deadlines ahead, changes behind.</summary>
public static class PolicyEvents
{
    public static IEnumerable<PolicyEvent> All(PolicySet p)
    {
        var measures = p.Measures.ToDictionary(m => m.Id);
        foreach (var m in p.Measures)
        {
            RatePeriod? prev = null;
            foreach (var r in m.Rates)
            {
                var note = r.Note is null ? "" : $" ({r.Note})";
                yield return prev is null
                    ? new(r.From, EventKind.MeasureStarts, m.Importer, m.Id, null, m.Title, $"starts at {Describe(m, r.Rate)}{note}", m.Origins, m.Source, m.PublishedOn)
                    : new(r.From, EventKind.RateChanges, m.Importer, m.Id, null, m.Title, $"{Describe(m, prev.Rate)} -> {Describe(m, r.Rate)}{note}", m.Origins, m.Source, m.PublishedOn);
                prev = r;
            }
            if (m.Validity.EndsOn is { } end)
                yield return new(end, EventKind.MeasureEnds, m.Importer, m.Id, null, m.Title,
                    $"lapses ({Describe(m, m.RateOn(end.AddDays(-1))?.Rate ?? m.Rates[^1].Rate)} -> nothing)" + Unknown(end, m.ConfirmedThrough), m.Origins, m.Source, m.PublishedOn);
            // A dated exclusion that ends (Section 301 product exclusions): the products owe the measure again.
            foreach (var t in m.Products.Exclude)
                if (t.When?.EndsOn is { } xend)
                {
                    var what = t.ListName is { } ln && p.Lists.TryGetValue(ln, out var pl) ? pl.Title : t.ToString();
                    var src = t.ListName is { } ln2 && p.Lists.TryGetValue(ln2, out var pl2) ? pl2.Source : m.Source;
                    yield return new(xend, EventKind.ExclusionEnds, m.Importer, m.Id, null, m.Title,
                        $"exclusion ends: {what} owe {Describe(m, m.RateOn(xend)?.Rate ?? m.Rates[^1].Rate)} again unless the exclusion is extended"
                        + Unknown(xend, m.ConfirmedThrough ?? t.When.Value.Through), m.Origins, src, m.PublishedOn);
                }
            // A claimed exclusion that ends (the Section 301 product exclusions, 9903.88.69/.70): claims stop on that day.
            foreach (var c in m.Claims)
                if (c.When.EndsOn is { } cend)
                {
                    var what = c.List is { } ln && p.Lists.TryGetValue(ln, out var pl) ? pl.Title : string.Join("/", c.Programs);
                    yield return new(cend, EventKind.ExclusionEnds, m.Importer, m.Id, null, m.Title,
                        $"exclusion ends: {what} ({string.Join(", ", c.Programs)}) owe {Describe(m, m.RateOn(cend)?.Rate ?? m.Rates[^1].Rate)} again unless the exclusion is extended"
                        + Unknown(cend, m.ConfirmedThrough ?? c.When.Through), m.Origins, c.Source, m.PublishedOn);
                }
        }
        foreach (var s in p.Suspensions)
        {
            if (!measures.TryGetValue(s.MeasureId, out var m)) continue;
            var title = s.Title ?? s.Id;
            var rate = m.RateOn(s.Validity.From)?.Rate;
            string What(bool starting)
            {
                if (s.IsFull) return starting ? $"{m.Title} suspended in full" : $"{m.Title} returns in full unless the suspension is extended";
                var full = rate as AdValoremDuty;
                var low = full is null ? null : new AdValoremDuty(Math.Max(0, full.Rate - s.Points!.Value));
                var pts = $"{s.Points!.Value * 100m:0.##} points of {m.Title}";
                return starting
                    ? $"{pts} suspended" + (low is null ? "" : $" ({full} -> {low})")
                    : $"the suspension ends: {pts} return" + (low is null ? "" : $" ({low} -> {full})") + " unless extended";
            }
            yield return new(s.Validity.From, EventKind.SuspensionStarts, m.Importer, m.Id, s.Id, title, What(true), m.Origins, s.Source, s.PublishedOn);
            // A suspension that outlives its measure ends with nothing to return (the Busan suspension of the IEEPA
            // reciprocal duty, which itself ended in February 2026): no event.
            if (s.Validity.EndsOn is { } end && !(m.Validity.EndsOn is { } mEnd && mEnd < end))
                yield return new(end, EventKind.SuspensionEnds, m.Importer, m.Id, s.Id, title, What(false) + Unknown(end, s.ConfirmedThrough), m.Origins, s.Source, s.PublishedOn);
        }
    }

    /// <summary>For an end the record does not see past: what follows it is not known.</summary>
    private static string Unknown(DateOnly end, DateOnly? confirmedThrough) =>
        confirmedThrough is { } c && end > c ? $"; what follows is not known (not confirmed after {c:yyyy-MM-dd})" : "";

    private static string Describe(Measure m, DutyExpression rate) => m.Kind == MeasureKind.Floor ? $"{rate} including MFN" : rate.ToString();

    /// <summary>
    /// Events in [from, from + days), optionally for one importer and origin. A suspension that ends on the day the
    /// next one starts is an extension, not a snap-back, and is reported as one.
    /// </summary>
    public static IReadOnlyList<PolicyEvent> Deadlines(PolicySet p, DateOnly from, int days, string? importer = null, string? origin = null)
    {
        var to = from.AddDays(days);
        var all = All(p).ToList();
        var extensionStarts = all.Where(e => e.Kind == EventKind.SuspensionStarts).Select(e => (e.MeasureId, e.Date)).ToHashSet();
        return all
            .Where(e => e.Date >= from && e.Date < to)
            .Where(e => importer is null || e.Importer.Equals(importer, StringComparison.OrdinalIgnoreCase))
            .Where(e => origin is null || Covers(p, e.Origins, origin, e.Date))
            .Select(e => e.Kind == EventKind.SuspensionEnds && extensionStarts.Contains((e.MeasureId, e.Date))
                ? e with { What = e.What.Replace(" unless extended", "") + " — but an extension takes over the same day" } : e)
            .OrderBy(e => e.Date).ThenBy(e => e.Importer).ThenBy(e => e.Title)
            .ToList();
    }

    /// <summary>What changed in the rules between two dates: events that took effect, and rules published, in (since, until].</summary>
    public static (IReadOnlyList<PolicyEvent> TookEffect, IReadOnlyList<PolicyEvent> Published) Changes(PolicySet p, DateOnly since, DateOnly until, string? importer = null, string? origin = null)
    {
        var all = All(p)
            .Where(e => importer is null || e.Importer.Equals(importer, StringComparison.OrdinalIgnoreCase))
            .Where(e => origin is null || Covers(p, e.Origins, origin, e.Date)).ToList();
        var took = all.Where(e => e.Date > since && e.Date <= until).OrderBy(e => e.Date).ToList();
        var published = all.Where(e => e.Published > since && e.Published <= until && e.Kind is EventKind.MeasureStarts or EventKind.SuspensionStarts)
            .OrderBy(e => e.Published).ToList();
        return (took, published);
    }

    public static bool Covers(PolicySet p, OriginScope scope, string origin, DateOnly date)
    {
        bool included = scope.Include.Any(o => o == OriginScope.AllOrigins || OriginTerms.Covers(p, o, origin));
        if (!included) return false;
        foreach (var e in scope.Except)
        {
            bool hit = OriginTerms.Covers(p, e.Origin, origin);
            if (hit && (e.When is null || e.When.Value.Contains(date))) return false;
        }
        return true;
    }
}
