using System.Collections.Concurrent;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Engine;

/// <summary>
/// Cuts time, per importer and origin, into segments within which nothing a quote reads can change: two entry
/// dates in the same segment get the same layers for the same code, value and facts (only the text of warnings and
/// notes may differ). A boundary is every date on which a measure that may reach the origin starts, changes rate,
/// ends, is suspended or resumes, gains or loses a dated product or origin term; on which a schedule revision takes
/// effect; and the day after the policy's horizon. Boundaries err on the side of too many: one too many only splits
/// a segment, one missing would join days whose duty differs. Immutable; lookups are thread-safe.
/// </summary>
public sealed class RuleSegments
{
    private readonly PolicySet _policy;
    private readonly IReadOnlyDictionary<string, Schedule> _schedules;
    private readonly ILookup<string, Suspension> _suspensions;
    private readonly ConcurrentDictionary<(string Importer, string Origin), DateOnly[]> _bounds = new();

    /// <param name="schedules">The schedules the engine rating the lines was built with, by importer.</param>
    public RuleSegments(PolicySet policy, IReadOnlyDictionary<string, Schedule> schedules)
    {
        _policy = policy;
        _schedules = schedules;
        _suspensions = policy.Suspensions.ToLookup(s => s.MeasureId, StringComparer.Ordinal);
    }

    /// <summary>The segment <paramref name="date"/> falls in: the number of boundaries on or before it.</summary>
    public int SegmentOf(string importer, string origin, DateOnly date)
    {
        var i = Array.BinarySearch(Bounds(importer, origin), date);
        return i >= 0 ? i + 1 : ~i;
    }

    /// <summary>The first day of every segment but the first, in order, for an importer and origin.</summary>
    public IReadOnlyList<DateOnly> Boundaries(string importer, string origin) => Array.AsReadOnly(Bounds(importer, origin));

    private DateOnly[] Bounds(string importer, string origin) =>
        _bounds.GetOrAdd((importer, origin), key => Build(key.Importer, key.Origin));

    private DateOnly[] Build(string importer, string origin)
    {
        var days = new SortedSet<DateOnly> { _policy.Horizon.AddDays(1) };
        void AddSpan(Validity? v)
        {
            if (v is not { } span) return;
            days.Add(span.From);
            if (span.EndsOn is { } end) days.Add(end);
        }
        if (_schedules.TryGetValue(importer, out var schedule))
            foreach (var r in schedule.Revisions) days.Add(r.EffectiveDate);
        foreach (var m in _policy.Measures)
        {
            if (m.Importer != importer || !MayReach(m, origin)) continue;
            AddSpan(m.Validity);
            foreach (var p in m.Rates)
            {
                days.Add(p.From);
                if (p.Published is { } pub) days.Add(pub); // not read by a quote; kept to stay on the safe side
            }
            if (m.Published is { } published) days.Add(published);
            foreach (var t in m.Products.Include) AddSpan(t.When);
            foreach (var t in m.Products.Exclude) AddSpan(t.When);
            foreach (var e in m.Origins.Except)
                if (Expand(e.Origin).Contains(origin)) AddSpan(e.When);
            foreach (var s in _suspensions[m.Id])
            {
                AddSpan(s.Validity);
                if (s.Published is { } sp) days.Add(sp);
            }
        }
        return [.. days];
    }

    /// <summary>Whether a measure can reach the origin on some day: listed (directly, in a group or by "all") and
    /// not excepted for good. Mirrors the engine's origin rule.</summary>
    private bool MayReach(Measure m, string origin)
    {
        bool listed = m.Origins.Include.Any(o => o == OriginScope.AllOrigins || Expand(o).Contains(origin));
        if (!listed) return false;
        foreach (var e in m.Origins.Except)
            if (e.When is null && Expand(e.Origin).Contains(origin)) return false;
        return true;
    }

    /// <summary>"group:eu" to its members; a country code to itself. An unknown group reaches nobody here (the
    /// engine refuses such a policy when it is built).</summary>
    private IEnumerable<string> Expand(string name) =>
        name.StartsWith("group:", StringComparison.Ordinal)
            ? _policy.Groups.TryGetValue(name[6..], out var g) ? g.Members : []
            : [name];
}
