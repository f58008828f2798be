namespace Tariffscope.Controls;

/// <summary>
/// Everything the screener knows: controls, suspensions, party lists and country groups, plus the date up to
/// which the data's knowledge reaches (answers after it carry a warning). Immutable; scenarios derive new sets.
/// </summary>
public sealed record ControlSet(
    IReadOnlyList<Control> Controls,
    IReadOnlyList<ControlSuspension> Suspensions,
    IReadOnlyList<PartyList> PartyLists,
    IReadOnlyList<CountryGroup> Groups,
    DateOnly? Horizon = null,
    string ScenarioName = "actual")
{
    public Control? FindControl(string id) => Controls.FirstOrDefault(c => c.Id == id);
    public ControlSuspension? FindSuspension(string id) => Suspensions.FirstOrDefault(s => s.Id == id);
    public PartyList? FindPartyList(string id) => PartyLists.FirstOrDefault(p => p.Id == id);
    public CountryGroup? FindGroup(string id) => Groups.FirstOrDefault(g => g.Id == id);

    public IEnumerable<PartyEntry> AllEntries => PartyLists.SelectMany(l => l.Entries);

    /// <summary>Problems of cross-reference (unknown ids, duplicates, inverted dates); empty when consistent.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Duplicates(IEnumerable<string> ids, string what)
        {
            foreach (var g in ids.GroupBy(i => i).Where(g => g.Count() > 1))
                problems.Add($"{what} id '{g.Key}' is defined {g.Count()} times");
        }
        Duplicates(Controls.Select(c => c.Id), "control");
        Duplicates(Suspensions.Select(s => s.Id), "suspension");
        Duplicates(PartyLists.Select(p => p.Id), "party list");
        Duplicates(AllEntries.Select(e => e.Id), "party entry");
        Duplicates(Groups.Select(g => g.Id), "country group");

        var entryIds = AllEntries.Select(e => e.Id).ToHashSet();
        foreach (var c in Controls)
        {
            if (c.When.Through is { } t && t < c.When.From) problems.Add($"control '{c.Id}': through {t:yyyy-MM-dd} is before from {c.When.From:yyyy-MM-dd}");
            if (c.Parties is { } p && FindPartyList(p.ListId) is null) problems.Add($"control '{c.Id}': unknown party list '{p.ListId}'");
            foreach (var o in c.OverrideList.Where(o => FindControl(o) is null)) problems.Add($"control '{c.Id}': overrides unknown control '{o}'");
            foreach (var g in GroupRefs(c.Destinations).Concat(c.Reach.Content.SelectMany(r => r.Destinations is null ? [] : GroupRefs(r.Destinations))))
                if (FindGroup(g) is null) problems.Add($"control '{c.Id}': unknown country group '{g}'");
        }
        foreach (var s in Suspensions)
        {
            if (s.When.Through is { } t && t < s.When.From) problems.Add($"suspension '{s.Id}': through {t:yyyy-MM-dd} is before from {s.When.From:yyyy-MM-dd}");
            foreach (var id in s.Controls.Where(i => FindControl(i) is null)) problems.Add($"suspension '{s.Id}': unknown control '{id}'");
            foreach (var id in s.Entries.Where(i => !entryIds.Contains(i))) problems.Add($"suspension '{s.Id}': unknown party entry '{id}'");
        }
        return problems;
    }

    private static IEnumerable<string> GroupRefs(DestinationScope scope) =>
        scope.Include.Concat(scope.Exclude).Select(t => Policy.OriginTerms.IsGroup(t.Value, out var name) ? name : null).OfType<string>();

    /// <summary>
    /// This set with a scenario's overrides applied, in order: removals, changes, additions. An id that does not
    /// exist (or an addition that already does) is refused with <see cref="ControlScenarioException"/>.
    /// </summary>
    public ControlSet With(ControlOverrides o, string scenarioName)
    {
        var controls = Controls.ToList();
        var suspensions = Suspensions.ToList();

        foreach (var id in o.RemoveControls)
            if (controls.RemoveAll(c => c.Id == id) == 0) throw Unknown("control", id, scenarioName);
        foreach (var ch in o.ChangeControls)
        {
            var i = controls.FindIndex(c => c.Id == ch.Id);
            if (i < 0) throw Unknown("control", ch.Id, scenarioName);
            var c = controls[i];
            controls[i] = c with
            {
                When = ch.Apply(c.When),
                Outcome = ch.Outcome ?? c.Outcome,
                Policy = ch.Policy ?? c.Policy,
            };
        }
        foreach (var c in o.AddControls)
        {
            if (controls.Any(x => x.Id == c.Id)) throw new ControlScenarioException($"scenario '{scenarioName}' adds control '{c.Id}', which already exists (use change or remove)");
            controls.Add(c);
        }

        foreach (var id in o.RemoveSuspensions)
            if (suspensions.RemoveAll(s => s.Id == id) == 0) throw Unknown("control suspension", id, scenarioName);
        foreach (var ch in o.ChangeSuspensions)
        {
            var i = suspensions.FindIndex(s => s.Id == ch.Id);
            if (i < 0) throw Unknown("control suspension", ch.Id, scenarioName);
            var s = suspensions[i];
            suspensions[i] = s with { When = ch.Apply(s.When) };
        }
        foreach (var s in o.AddSuspensions)
        {
            if (suspensions.Any(x => x.Id == s.Id)) throw new ControlScenarioException($"scenario '{scenarioName}' adds control suspension '{s.Id}', which already exists (use change or remove)");
            suspensions.Add(s);
        }

        var result = this with { Controls = controls, Suspensions = suspensions, ScenarioName = scenarioName };
        var problems = result.Problems();
        if (problems.Count > 0) throw new ControlScenarioException($"scenario '{scenarioName}' leaves the data inconsistent: {problems[0]}");
        return result;
    }

    private static ControlScenarioException Unknown(string what, string id, string scenario) =>
        new($"scenario '{scenario}' names unknown {what} '{id}'");
}

/// <summary>A scenario's changes to the control data.</summary>
public sealed record ControlOverrides(
    IReadOnlyList<string> RemoveControls,
    IReadOnlyList<ControlChange> ChangeControls,
    IReadOnlyList<Control> AddControls,
    IReadOnlyList<string> RemoveSuspensions,
    IReadOnlyList<ControlSuspensionChange> ChangeSuspensions,
    IReadOnlyList<ControlSuspension> AddSuspensions)
{
    public static readonly ControlOverrides None = new([], [], [], [], [], []);
}

/// <summary>
/// New dates (and optionally outcome/policy) for an existing control; <see cref="Through"/> is the new last day
/// (inclusive), ClearThrough makes it open-ended.
/// </summary>
public sealed record ControlChange(string Id, DateOnly? From = null, DateOnly? Through = null, bool ClearThrough = false,
    ControlOutcome? Outcome = null, string? Policy = null)
{
    public Validity Apply(Validity v) => new(From ?? v.From, ClearThrough ? null : Through ?? v.Through);
}

/// <summary>
/// New dates for an existing control suspension; <see cref="Through"/> is the new last day (inclusive),
/// ClearThrough makes it open-ended. (Tariff suspensions change through <see cref="Policy.SuspensionChange"/>.)
/// </summary>
public sealed record ControlSuspensionChange(string Id, DateOnly? From = null, DateOnly? Through = null, bool ClearThrough = false)
{
    public Validity Apply(Validity v) => new(From ?? v.From, ClearThrough ? null : Through ?? v.Through);
}

public sealed class ControlScenarioException(string message) : Exception(message);
