namespace Tariffscope.Controls;

/// <summary>
/// Screens shipments against a <see cref="ControlSet"/>: which rules match, how each stands on the date
/// (applies, needs review, suspended, superseded), the resulting outcome by precedence
/// (Prohibited &gt; PresumptionOfDenial &gt; LicenceRequired &gt; NeedsReview &gt; NoLicenceRequired), and what
/// dated events ahead would change the answer.
/// </summary>
public sealed class ControlScreener
{
    private readonly ControlSet _set;
    private readonly ItemMatching _matching;
    private readonly Dictionary<string, IReadOnlyList<IReadOnlyList<string>>> _entryWords;

    public ControlScreener(ControlSet set)
    {
        _set = set;
        _matching = new ItemMatching(set.Groups.ToDictionary(g => g.Id));
        // Party names are folded once here, not on every comparison.
        _entryWords = set.AllEntries.ToDictionary(e => e.Id, e => (IReadOnlyList<IReadOnlyList<string>>)e.Names.Select(PartyNames.Words).ToList());
    }

    public ControlSet Data => _set;

    /// <summary>The days on which a span changes something: its first day and the day after its last.</summary>
    private static IEnumerable<DateOnly> Dates(Validity v) => v.EndsOn is { } e ? [v.From, e] : [v.From];

    /// <summary>Screens one shipment on its date.</summary>
    public ControlAnswer Check(ControlQuery q)
    {
        var candidates = Candidates(q);
        var state = Evaluate(q, candidates);
        var upcoming = Changes(q, candidates, state, q.Date.AddDays(1), DateOnly.MaxValue, maxSteps: 5)
            .Select(s => new UpcomingChange(s.Date, s.Outcome, s.Why, s.Summary)).ToList();
        return new ControlAnswer(q, _set.ScenarioName, state.Outcome, Summarise(state), state.Findings,
            ActiveSuspensions(state.Findings, q.Date), upcoming, Warnings(q, state));
    }

    /// <summary>Each date in [from, to] on which the outcome or the governing rules change, and why (first step: <paramref name="from"/>).</summary>
    public IReadOnlyList<TimelineStep> ControlTimeline(ControlQuery q, DateOnly from, DateOnly to)
    {
        var candidates = Candidates(q);
        var first = Evaluate(q.On(from), candidates);
        var steps = new List<TimelineStep> { Step(first, Why(first.Findings.Select(f => f.ControlId), from, null, first)) };
        steps.AddRange(Changes(q, candidates, first, from.AddDays(1), to, int.MaxValue));
        return steps;
    }

    /// <summary>Coming dated events in the data within <paramref name="days"/> days of <paramref name="from"/> (inclusive).</summary>
    public IReadOnlyList<ControlDeadline> ControlDeadlines(DateOnly from, int days)
    {
        var until = from.AddDays(days);
        bool InWindow(DateOnly d) => d >= from && d <= until;
        var list = new List<ControlDeadline>();
        foreach (var c in _set.Controls)
        {
            // An end is reported on the first day without the rule (the day after its last), as tariff changes are.
            if (InWindow(c.When.From)) list.Add(new(c.When.From, DeadlineKind.ControlStarts, c.Id, c.Exporter, $"{c.Title}: {c.Outcome.Words().ToLowerInvariant()} from this date ({c.Policy})", c.Source));
            if (c.When.EndsOn is { } t && InWindow(t)) list.Add(new(t, DeadlineKind.ControlEnds, c.Id, c.Exporter, $"{c.Title}: no longer applies from this date (last day {c.When.Through:yyyy-MM-dd})", c.Source));
        }
        foreach (var s in _set.Suspensions)
        {
            var exporter = ExporterOf(s);
            var affects = s.Controls.Concat(s.Entries).ToList();
            var what = Count(s.Controls.Count, "rule") + (s.Entries.Count > 0 ? (s.Controls.Count > 0 ? " and " : "") + Count(s.Entries.Count, "listing") : "");
            if (InWindow(s.When.From)) list.Add(new(s.When.From, DeadlineKind.SuspensionStarts, s.Id, exporter, $"{s.Title ?? s.Id} begins: {what} paused", s.Source, affects));
            if (s.When.EndsOn is { } t && InWindow(t)) list.Add(new(t, DeadlineKind.SuspensionEnds, s.Id, exporter, $"{s.Title ?? s.Id} ends (last day {s.When.Through:yyyy-MM-dd}): {what} {(s.Controls.Count + s.Entries.Count == 1 ? "applies" : "apply")} again from this date unless extended", s.Source, affects));
        }
        foreach (var l in _set.PartyLists)
            foreach (var e in l.Entries)
            {
                if (InWindow(e.When.From)) list.Add(new(e.When.From, DeadlineKind.PartyListed, e.Id, l.Exporter, $"{e.Name} listed on {l.Title}", e.Source));
                if (e.When.EndsOn is { } t && InWindow(t)) list.Add(new(t, DeadlineKind.PartyDelisted, e.Id, l.Exporter, $"{e.Name} removed from {l.Title} (last day listed {e.When.Through:yyyy-MM-dd})", e.Source));
            }
        return list.OrderBy(d => d.Date).ThenBy(d => d.Kind).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    private string ExporterOf(ControlSuspension s) =>
        s.Controls.Select(id => _set.FindControl(id)?.Exporter).FirstOrDefault(e => e is not null)
        ?? _set.PartyLists.FirstOrDefault(l => l.Entries.Any(e => s.CoversEntry(e.Id)))?.Exporter ?? "";

    private static string Count(int n, string what) => n == 0 ? "" : n == 1 ? $"1 {what}" : $"{n} {what}s";

    // ---- evaluation on one date ----

    private sealed record State(DateOnly Date, ControlOutcome Outcome, IReadOnlyList<RuleFinding> Findings, IReadOnlyList<string> Unconfirmed)
    {
        public string Key => Outcome + "|" + string.Join(",", Findings
            .Where(f => f.Status is RuleStatus.Applies or RuleStatus.NeedsReview)
            .Select(f => f.ControlId + ":" + f.Status).Order(StringComparer.Ordinal));
    }

    /// <summary>The controls that match the query apart from dates and party listings, found once per query.</summary>
    private sealed record Candidate(Control Control, MatchResult Match);

    private List<Candidate> Candidates(ControlQuery q)
    {
        var list = new List<Candidate>();
        foreach (var c in _set.Controls)
            if (_matching.Match(c, q) is { } m) list.Add(new Candidate(c, m));
        return list;
    }

    private State Evaluate(ControlQuery q, IReadOnlyList<Candidate> candidates)
    {
        var findings = new List<RuleFinding>();
        var unconfirmed = new List<string>();
        foreach (var (c, m) in candidates)
        {
            if (!c.InForce(q.Date)) continue;
            var f = Finding(c, q, m);
            if (f is null) continue;
            findings.Add(f);
            unconfirmed.AddRange(m.UnconfirmedBasis.Select(u => $"{c.Id} matched through unconfirmed {u}"));
        }
        foreach (var f in findings.Where(f => f.Status == RuleStatus.Applies).ToList())
            foreach (var over in _set.FindControl(f.ControlId)!.OverrideList)
            {
                var i = findings.FindIndex(x => x.ControlId == over);
                if (i >= 0) findings[i] = findings[i] with { Status = RuleStatus.Superseded, SupersededBy = f.ControlId };
            }
        var ordered = findings.OrderByDescending(f => f.Contribution).ThenBy(f => f.Status).ThenBy(f => f.ControlId, StringComparer.Ordinal).ToList();
        var outcome = ordered.Count == 0 ? ControlOutcome.NoLicenceRequired : ordered.Max(f => f.Contribution);
        return new State(q.Date, outcome, ordered, unconfirmed);
    }

    private RuleFinding? Finding(Control c, ControlQuery q, MatchResult m)
    {
        var reasons = m.Reasons.ToList();
        var missing = m.Missing.ToList();
        var status = m.NeedsFacts ? RuleStatus.NeedsReview : RuleStatus.Applies;
        ControlSuspension? pausedBy = null;
        string? entryId = null;

        if (c.Parties is { } pc)
        {
            var name = pc.OwnedByListed ? q.EndUserOwner : q.EndUser;
            if (string.IsNullOrWhiteSpace(name)) return null;
            var list = _set.FindPartyList(pc.ListId)!;
            var words = PartyNames.Words(name);
            var hits = list.Entries.Where(e => e.ListedOn(q.Date))
                .Select(e => (Entry: e, Match: _entryWords[e.Id].Max(n => PartyNames.Compare(words, n))))
                .Where(h => h.Match != NameMatch.None).ToList();
            if (hits.Count == 0) return null;
            var live = hits.Where(h => EntrySuspension(h.Entry, q.Date) is null).ToList();
            var who = pc.OwnedByListed ? $"owner '{name}'" : $"end user '{name}'";
            entryId = (live.Count > 0 ? live : hits).OrderByDescending(h => h.Match).First().Entry.Id;
            if (live.Count == 0)
            {
                pausedBy = EntrySuspension(hits[0].Entry, q.Date);
                reasons.Add($"{who} matches {hits[0].Entry.Name} on {list.Title}, whose listing is suspended");
            }
            else if (live.Any(h => h.Match == NameMatch.Exact))
                reasons.Add($"{who} is {live.First(h => h.Match == NameMatch.Exact).Entry.Name} on {list.Title} (listed {live.First(h => h.Match == NameMatch.Exact).Entry.When.From:yyyy-MM-dd})");
            else
            {
                reasons.Add($"{who} resembles {string.Join("; ", live.Select(h => h.Entry.Name))} on {list.Title}");
                missing.Add("confirmation that the party is (or is not) the listed one");
                status = RuleStatus.NeedsReview;
            }
        }

        pausedBy ??= _set.Suspensions.FirstOrDefault(s => s.Covers(c.Id) && s.ActiveOn(q.Date));
        if (pausedBy is not null) status = RuleStatus.Suspended;

        return new RuleFinding(c.Id, c.Title, c.Exporter, c.Outcome, status, c.Policy, reasons, missing, c.Source, c.When.From, c.When.Through,
            pausedBy?.Id, pausedBy?.When.Through, PartyEntryId: entryId);
    }

    private ControlSuspension? EntrySuspension(PartyEntry e, DateOnly date) =>
        _set.Suspensions.FirstOrDefault(s => s.CoversEntry(e.Id) && s.ActiveOn(date));

    private IReadOnlyList<SuspensionFinding> ActiveSuspensions(IReadOnlyList<RuleFinding> findings, DateOnly date) =>
        findings.Where(f => f.SuspendedBy is not null).GroupBy(f => f.SuspendedBy!)
            .Select(g =>
            {
                var s = _set.FindSuspension(g.Key)!;
                return new SuspensionFinding(s.Id, s.Title, g.Select(f => f.ControlId).ToList(), s.When.From, s.When.Through, s.Source);
            }).ToList();

    // ---- changes over time ----

    private IEnumerable<TimelineStep> Changes(ControlQuery q, IReadOnlyList<Candidate> candidates, State current, DateOnly from, DateOnly to, int maxSteps)
    {
        var n = 0;
        foreach (var d in Boundaries(candidates))
        {
            if (d < from || d > to) continue;
            var next = Evaluate(q.On(d), candidates);
            if (next.Key == current.Key) { current = next; continue; }
            var ids = current.Findings.Select(f => f.ControlId).Concat(next.Findings.Select(f => f.ControlId)).Distinct();
            yield return Step(next, Why(ids, d, current, next));
            current = next;
            if (++n >= maxSteps) yield break;
        }
    }

    /// <summary>The dates on which the candidates, their suspensions or the listings they depend on can change.</summary>
    private IEnumerable<DateOnly> Boundaries(IReadOnlyList<Candidate> candidates)
    {
        if (candidates.Count == 0) return [];
        var ids = candidates.Select(c => c.Control.Id).ToHashSet();
        var lists = candidates.Where(c => c.Control.Parties is not null).Select(c => c.Control.Parties!.ListId).ToHashSet();
        var entries = _set.PartyLists.Where(l => lists.Contains(l.Id)).SelectMany(l => l.Entries).ToList();
        var entryIds = entries.Select(e => e.Id).ToHashSet();
        return candidates.SelectMany(c => Dates(c.Control.When))
            .Concat(_set.Suspensions.Where(s => s.Controls.Any(ids.Contains) || s.Entries.Any(entryIds.Contains)).SelectMany(s => Dates(s.When)))
            .Concat(entries.SelectMany(e => Dates(e.When)))
            .Distinct().Order();
    }

    private TimelineStep Step(State s, IReadOnlyList<string> why) =>
        new(s.Date, s.Outcome, s.Findings.Where(f => f.Status is RuleStatus.Applies or RuleStatus.NeedsReview).Select(f => f.ControlId).ToList(), why, Summarise(s));

    /// <summary>The dated events on <paramref name="d"/> that concern the rules in play before or after (an end falls on the day after the last).</summary>
    private List<string> Why(IEnumerable<string> controlIds, DateOnly d, State? before, State after)
    {
        var ids = controlIds.ToHashSet();
        var why = new List<string>();
        foreach (var c in _set.Controls.Where(c => ids.Contains(c.Id)))
        {
            if (c.When.From == d) why.Add($"{c.Id} comes into force ({c.Source.Instrument})");
            if (c.When.EndsOn == d) why.Add($"{c.Id} ends");
        }
        foreach (var s in _set.Suspensions.Where(s => s.Controls.Any(ids.Contains)))
        {
            var hits = s.Controls.Where(ids.Contains).ToList();
            var hit = string.Join(", ", hits);
            if (s.When.From == d) why.Add($"{s.Id} suspends {hit} ({s.Source.Instrument})");
            if (s.When.EndsOn == d) why.Add($"{s.Id} ends: {hit} {(hits.Count == 1 ? "applies" : "apply")} again");
        }
        foreach (var e in _set.AllEntries)
        {
            var inPlay = after.Findings.Concat(before?.Findings ?? []).Any(f => f.PartyEntryId == e.Id);
            if (!inPlay) continue;
            if (e.When.From == d) why.Add($"{e.Name} listed");
            if (e.When.EndsOn == d) why.Add($"{e.Name} removed from the list");
            foreach (var s in _set.Suspensions.Where(s => s.CoversEntry(e.Id)))
            {
                if (s.When.From == d) why.Add($"{s.Id} suspends the listing of {e.Name}");
                if (s.When.EndsOn == d) why.Add($"{s.Id} ends: the listing of {e.Name} applies again");
            }
        }
        if (why.Count == 0 && before is null) why.Add(after.Findings.Count == 0 ? "no rule in the data matches" : "state at the start of the period");
        return why;
    }

    // ---- words ----

    private static string Summarise(State s)
    {
        var parts = new List<string>();
        var governing = s.Findings.Where(f => f.Contribution == s.Outcome && f.Status is RuleStatus.Applies or RuleStatus.NeedsReview).ToList();
        switch (s.Outcome)
        {
            case ControlOutcome.NoLicenceRequired:
                parts.Add(s.Findings.Count == 0
                    ? "No licence required: no control in the data matches this shipment on this date."
                    : "No licence required under the rules screened.");
                break;
            case ControlOutcome.NeedsReview:
                parts.Add("Needs review: the item may be controlled, but the facts given do not settle it.");
                foreach (var f in governing)
                    parts.Add($"{f.Title} ({f.Source.Instrument}) would mean {f.RuleOutcome.Words().ToLowerInvariant()}; missing: {string.Join("; ", f.Missing)}.");
                break;
            default:
                parts.Add($"{s.Outcome.Words()}.");
                // Several rules of one instrument often share a policy: say it once, naming the rules.
                foreach (var g in governing.Where(f => f.Status == RuleStatus.Applies).GroupBy(f => (f.Policy, f.Source.Instrument)))
                    parts.Add($"{string.Join("; ", g.Select(f => f.Title))}: {g.Key.Policy} ({g.Key.Instrument}).");
                break;
        }
        foreach (var f in s.Findings.Where(f => f.Status == RuleStatus.Suspended))
            parts.Add($"{f.Title} ({f.Source.Instrument}) would mean {f.RuleOutcome.Words().ToLowerInvariant()}, but is suspended by {f.SuspendedBy}"
                      + (f.SuspendedThrough is { } u ? $" through {u:yyyy-MM-dd}: {f.RuleOutcome.Words().ToLowerInvariant()} again from {u.AddDays(1):yyyy-MM-dd} unless the suspension is extended." : " with no end date."));
        foreach (var f in s.Findings.Where(f => f.Status == RuleStatus.NeedsReview && s.Outcome != ControlOutcome.NeedsReview))
            parts.Add($"Also to review: {f.Title} would mean {f.RuleOutcome.Words().ToLowerInvariant()}; missing: {string.Join("; ", f.Missing)}.");
        return string.Join(" ", parts);
    }

    /// <summary>
    /// Rules the item escaped only because it was declared with an element that usually travels with one the rule
    /// requires (an NdFeB magnet declared as Nd, which usually also holds Dy or Tb): the data's note says what to check.
    /// </summary>
    private IEnumerable<string> OftenWith(ControlQuery q, State s)
    {
        var element = Elements.Normalize(q.Element);
        if (element is null) yield break;
        var hs = q.Hs is null ? "" : new string(q.Hs.Where(char.IsDigit).ToArray());
        foreach (var c in _set.Controls)
        {
            var m = c.Items;
            if (!c.InForce(q.Date) || !m.OftenWithList.Contains(element, StringComparer.OrdinalIgnoreCase)) continue;
            if (m.ContainsList.Any(t => t.Value.Equals(element, StringComparison.OrdinalIgnoreCase))) continue;
            if (s.Findings.Any(f => f.ControlId == c.Id)) continue; // matched: the answer already covers it
            // an HS code given must fall under the rule's (or be broader than one of them)
            if (hs.Length > 0 && !m.Hs.Any(t => { var d = new string(t.Value.Where(char.IsDigit).ToArray()); return hs.StartsWith(d, StringComparison.Ordinal) || d.StartsWith(hs, StringComparison.Ordinal); }))
                continue;
            yield return $"{c.Id} ({c.Source.Instrument}, from {c.When.From:yyyy-MM-dd}): {m.OftenNote ?? $"items with {element} often contain {string.Join(" or ", m.ContainsList.Select(t => t.Value))} too, which this rule covers"}";
        }
    }

    private IReadOnlyList<string> Warnings(ControlQuery q, State s)
    {
        var w = new List<string>();
        foreach (var f in s.Findings.Where(f => f.Status != RuleStatus.Superseded))
            if (f.Source.Confidence is Confidence.Unconfirmed or Confidence.Low)
                w.Add($"Rests on a {f.Source.Confidence.ToString().ToLowerInvariant()} fact: {f.ControlId} ({f.Source.Instrument}){(f.Source.Note is { } n ? ": " + n : "")}");
        foreach (var sf in ActiveSuspensions(s.Findings, q.Date))
            if (sf.Source.Confidence is Confidence.Unconfirmed or Confidence.Low)
                w.Add($"Rests on a {sf.Source.Confidence.ToString().ToLowerInvariant()} suspension: {sf.SuspensionId} ({sf.Source.Instrument}){(sf.Source.Note is { } n ? ": " + n : "")}");
        foreach (var e in _set.AllEntries.Where(e => e.Source.Confidence is Confidence.Unconfirmed or Confidence.Low))
            if (s.Findings.Any(f => f.PartyEntryId == e.Id))
                w.Add($"Rests on an unconfirmed listing: {e.Name} ({e.Source.Instrument})");
        w.AddRange(s.Unconfirmed.Select(u => "Rests on an unconfirmed identifier: " + u));
        w.AddRange(OftenWith(q, s));
        if (_set.Horizon is { } h && q.Date > h)
            w.Add($"The date {q.Date:yyyy-MM-dd} is after the data's horizon ({h:yyyy-MM-dd}): changes announced after that are not known.");
        return w.Distinct().ToList();
    }
}
