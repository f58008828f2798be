using System.Collections.Frozen;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Trade;

/// <summary>
/// The dates on which some rate of an importer can change, and, for each, which lines it can touch: a measure's
/// rate change, start or end, a suspension's start or end (<see cref="Engine.PolicyEvents"/>), the bounds of dated
/// product terms, origin exceptions and list versions, and new schedule revisions (only the codes whose rates, units or Chapter 99
/// references differ from the previous revision). A line no change touches keeps its previous rating: that is what
/// makes a series over every change date cost a few quotes per line instead of one per line and date.
/// </summary>
/// <remarks>The test is conservative: a change may be said to touch a line it leaves alone (lists defined by
/// footnotes touch every code), never the reverse.</remarks>
public sealed class ChangeCalendar
{
    private readonly Dictionary<DateOnly, List<Touch>> _touches;
    private readonly Dictionary<DateOnly, FrozenSet<string>> _revised;

    /// <summary>The start date, then every change date up to the end, in order.</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>A change on a date: the origins and codes it can reach, and what it is.</summary>
    private sealed record Touch(Func<string, bool> Origin, Func<HtsCode, bool> Code, string What);

    private ChangeCalendar(List<DateOnly> dates, Dictionary<DateOnly, List<Touch>> touches, Dictionary<DateOnly, FrozenSet<string>> revised)
    {
        Dates = dates;
        _touches = touches;
        _revised = revised;
    }

    /// <param name="codes">The codes that will be rated (their 8-digit lines are compared too).</param>
    public static ChangeCalendar Build(PolicySet policy, string importer, Schedule? schedule, IReadOnlyCollection<HtsCode> codes, DateOnly from, DateOnly to)
    {
        var touches = new Dictionary<DateOnly, List<Touch>>();
        void Add(DateOnly? d, Func<string, bool> origin, Func<HtsCode, bool> code, string what)
        {
            if (d is not { } date || date <= from || date > to) return;
            if (!touches.TryGetValue(date, out var list)) touches[date] = list = [];
            list.Add(new Touch(origin, code, what));
        }

        var suspensions = policy.Suspensions.ToLookup(s => s.MeasureId);
        foreach (var m in policy.Measures.Where(m => m.Importer.Equals(importer, StringComparison.OrdinalIgnoreCase)))
        {
            var origin = OriginTest(policy, m.Origins);
            var scope = ScopeTest(policy, m.Products.Include);
            foreach (var r in m.Rates) Add(r.From, origin, scope, $"{m.Id} rate from {r.From:yyyy-MM-dd}");
            Add(m.Validity.EndsOn, origin, scope, $"{m.Id} ends");
            foreach (var s in suspensions[m.Id])
            {
                Add(s.Validity.From, origin, scope, $"{s.Id} starts");
                Add(s.Validity.EndsOn, origin, scope, $"{s.Id} ends");
            }
            foreach (var t in m.Products.Include.Concat(m.Products.Exclude).Where(t => t.When is not null))
            {
                var term = ScopeTest(policy, [t]);
                Add(t.When!.Value.From, origin, term, $"{m.Id}: {t} begins");
                Add(t.When.Value.EndsOn, origin, term, $"{m.Id}: {t} ends");
            }
            // a list amended over time changes what the measure reaches on each version's first and last day
            foreach (var t in m.Products.Include.Concat(m.Products.Exclude).Where(t => t.ListName is not null))
                if (policy.Lists.TryGetValue(t.ListName!, out var dated) && !dated.Versions.IsEmpty)
                {
                    var term = ScopeTest(policy, [t]);
                    foreach (var v in dated.Versions)
                    {
                        Add(v.When.From, origin, term, $"{m.Id}: list {dated.Name} as from {v.When.From:yyyy-MM-dd}");
                        Add(v.When.EndsOn, origin, term, $"{m.Id}: list {dated.Name} version ends");
                    }
                }
            // a claim that starts or ends changes the low bound of the lines it is available on
            foreach (var c in m.Claims)
            {
                Add(c.When.From, origin, scope, $"{m.Id}: claim {string.Join("/", c.Programs)} begins");
                Add(c.When.EndsOn, origin, scope, $"{m.Id}: claim {string.Join("/", c.Programs)} ends");
            }
            foreach (var e in m.Origins.Except.Where(e => e.When is not null))
            {
                var members = Expand(policy, e.Origin).ToFrozenSet();
                Add(e.When!.Value.From, members.Contains, scope, $"{m.Id}: exception of {e.Origin} begins");
                Add(e.When.Value.EndsOn, members.Contains, scope, $"{m.Id}: exception of {e.Origin} ends");
            }
        }

        var revised = schedule is null ? [] : RevisedCodes(schedule, codes, from, to);
        var dates = touches.Keys.Concat(revised.Keys).Append(from).Distinct().Order().ToList();
        return new ChangeCalendar(dates, touches, revised);
    }

    /// <summary>True when something that takes effect on <paramref name="date"/> can change the line's rates.</summary>
    public bool Touches(DateOnly date, string origin, HtsCode code)
    {
        if (_revised.TryGetValue(date, out var codes) && codes.Contains(code.Digits)) return true;
        if (_touches.TryGetValue(date, out var list))
            foreach (var t in list) if (t.Origin(origin) && t.Code(code)) return true;
        return false;
    }

    /// <summary>What takes effect on a date, in words (for notes and tests).</summary>
    public IReadOnlyList<string> Describe(DateOnly date) =>
        (_touches.GetValueOrDefault(date)?.Select(t => t.What) ?? [])
        .Concat(_revised.TryGetValue(date, out var c) ? [$"schedule revision: {c.Count} of the rated codes change"] : [])
        .ToList();

    /// <summary>True when the line can be reached by a change on <paramref name="date"/> restricted to origin tests
    /// alone (used to skip a whole partner on a date).</summary>
    public bool TouchesOrigin(DateOnly date, string origin) =>
        _revised.ContainsKey(date) || (_touches.TryGetValue(date, out var list) && list.Any(t => t.Origin(origin)));

    private static Func<string, bool> OriginTest(PolicySet policy, OriginScope scope)
    {
        bool all = scope.Include.Contains(OriginScope.AllOrigins);
        var included = scope.Include.Where(o => o != OriginScope.AllOrigins).SelectMany(o => Expand(policy, o)).ToFrozenSet();
        // Only undated exceptions rule an origin out for good; dated ones are their own changes.
        var never = scope.Except.Where(e => e.When is null).SelectMany(e => Expand(policy, e.Origin)).ToFrozenSet();
        return o => (all || included.Contains(o)) && !never.Contains(o);
    }

    private static IEnumerable<string> Expand(PolicySet policy, string origin) => OriginTerms.Expand(policy, origin);

    private static Func<HtsCode, bool> ScopeTest(PolicySet policy, IEnumerable<ProductTerm> terms)
    {
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in terms)
        {
            if (t.IsAll) return _ => true;
            if (t.ListName is null) { prefixes.Add(t.Prefix!); continue; }
            // A list defined by footnotes, or one not loaded, may reach any code.
            if (!policy.Lists.TryGetValue(t.ListName, out var list) || !list.FootnoteHeadings.IsEmpty) return _ => true;
            prefixes.UnionWith(list.Prefixes);
        }
        var lookup = prefixes.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        return code =>
        {
            var digits = code.Digits.AsSpan();
            for (int n = 1; n <= digits.Length; n++)
                if (lookup.Contains(digits[..n])) return true;
            return false;
        };
    }

    /// <summary>For each revision that takes effect in (from, to], the codes whose rated content differs from the
    /// revision before it (a code that appears or disappears counts).</summary>
    private static Dictionary<DateOnly, FrozenSet<string>> RevisedCodes(Schedule schedule, IReadOnlyCollection<HtsCode> codes, DateOnly from, DateOnly to)
    {
        var revisions = schedule.Revisions;
        var wanted = Enumerable.Range(0, revisions.Count)
            .Where(i => i > 0 && revisions[i].EffectiveDate > from && revisions[i].EffectiveDate <= to).ToList();
        var result = new Dictionary<DateOnly, FrozenSet<string>>();
        if (wanted.Count == 0) return result;
        var list = codes.ToArray();
        var changed = new FrozenSet<string>[wanted.Count];
        Parallel.For(0, wanted.Count, w =>
        {
            var (a, b) = (revisions[wanted[w] - 1], revisions[wanted[w]]);
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var code in list)
                if (!SameLines(a, b, code) && !string.Equals(Fingerprint(a, code), Fingerprint(b, code), StringComparison.Ordinal))
                    set.Add(code.Digits);
            changed[w] = set.ToFrozenSet(StringComparer.Ordinal);
        });
        for (int w = 0; w < wanted.Count; w++) result[revisions[wanted[w]].EffectiveDate] = changed[w];
        return result;
    }

    /// <summary>Revisions read from one schedule's binary copies share a line object while the line and everything
    /// above it read the same: the same objects cannot differ, so the fingerprints need not be built.</summary>
    private static bool SameLines(ScheduleRevision a, ScheduleRevision b, HtsCode code)
    {
        if (!ReferenceEquals(a.Find(code), b.Find(code))) return false;
        if (code.Length != 10) return true;
        var eight = code.Truncate(8);
        return ReferenceEquals(a.Find(eight), b.Find(eight));
    }

    /// <summary>What the engine reads of a code in a revision (and of its 8-digit line, its fallback): the rate
    /// line's texts, the units and the Chapter 99 references along the chain.</summary>
    private static string Fingerprint(ScheduleRevision revision, HtsCode code)
    {
        var sb = new System.Text.StringBuilder(160);
        void Of(TariffLine? line)
        {
            if (line is null) { sb.Append('-'); return; }
            bool rates = false, units = false;
            for (var l = line; l is not null; l = l.Parent)
            {
                if (!rates && l.General is not null) { sb.Append(l.Code.Digits).Append('|').Append(l.GeneralText).Append('|').Append(l.SpecialText).Append('|').Append(l.OtherText).Append('|'); rates = true; }
                if (!units && !l.Units.IsEmpty) { sb.AppendJoin(' ', l.Units).Append('|'); units = true; }
                foreach (var r in l.Chapter99Refs) sb.Append(r.Digits).Append(' ');
            }
        }
        Of(revision.Find(code));
        if (code.Length == 10) { sb.Append('#'); Of(revision.Find(HtsCode.Parse(code.Digits[..8]))); }
        return sb.ToString();
    }
}
