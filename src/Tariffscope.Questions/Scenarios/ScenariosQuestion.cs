using Tariffscope.Policy;

namespace Tariffscope.Questions.Scenarios;

public sealed record ScenarioSummaryDoc(string Name, string? Description, string Inherits, string Source, bool Uploaded);
public sealed record RatePeriodDoc(DateOnly From, string Rate, string? Heading, string? Note);
public sealed record MeasureRefDoc(string Id, string Title, string Family);
public sealed record MeasureChangeDoc(string Id, DateOnly? Through, bool ClearThrough, IReadOnlyList<RatePeriodDoc> Rates);
public sealed record SuspensionDoc(string Id, string Measure, string? Title, DateOnly From, DateOnly? Through, decimal? Points);
public sealed record SuspensionChangeDoc(string Id, DateOnly? From, DateOnly? Through, bool ClearThrough, decimal? Points);
public sealed record ScenarioOverridesDoc(
    IReadOnlyList<string> RemoveMeasures, IReadOnlyList<MeasureRefDoc> AddMeasures, IReadOnlyList<MeasureChangeDoc> ChangeMeasures,
    IReadOnlyList<string> RemoveSuspensions, IReadOnlyList<SuspensionDoc> AddSuspensions, IReadOnlyList<SuspensionChangeDoc> ChangeSuspensions);
/// <summary>One scenario: what it inherits, what it overrides (as data, and in words against its parent).</summary>
public sealed record ScenarioDoc(string Name, string? Description, string Inherits, string Source, bool Uploaded, DateOnly Horizon,
    int Measures, int Suspensions, ScenarioOverridesDoc? Overrides, IReadOnlyList<string> Changes);

/// <summary>The scenarios held (shipped, from the data directory, uploaded) and what each one assumes.</summary>
public sealed class ScenariosQuestion(Rulebook rules)
{
    public IReadOnlyList<ScenarioSummaryDoc> List()
    {
        var c = rules.Catalog;
        return c.Names.Select(n => n == ScenarioCatalog.Actual
            ? new ScenarioSummaryDoc(n, "The rules as enacted, with their dated changes", "", "policy files", false)
            : Summary(c.Scenarios[n])).ToList();
    }

    private ScenarioSummaryDoc Summary(Scenario s) => new(s.Name, s.Description?.Trim(), s.Inherits, s.Origin ?? "", rules.IsUploaded(s.Name));

    /// <exception cref="ScenarioException">No scenario of that name.</exception>
    public ScenarioDoc Show(string name)
    {
        var policy = rules.Catalog.Resolve(name);
        if (!rules.Catalog.Scenarios.TryGetValue(name, out var s))
            return new ScenarioDoc(ScenarioCatalog.Actual, policy.Description, "", "policy files", false, policy.Horizon,
                policy.Measures.Length, policy.Suspensions.Length, null, []);
        var overrides = new ScenarioOverridesDoc(
            s.RemoveMeasures, s.AddMeasures.Select(m => new MeasureRefDoc(m.Id, m.Title, m.Family)).ToList(),
            s.ChangeMeasures.Select(c => new MeasureChangeDoc(c.Id, c.Through, c.ClearThrough,
                c.Rates.Select(r => new RatePeriodDoc(r.From, r.Rate.ToString() ?? "", r.Heading, r.Note)).ToList())).ToList(),
            s.RemoveSuspensions,
            s.AddSuspensions.Select(x => new SuspensionDoc(x.Id, x.MeasureId, x.Title, x.Validity.From, x.Validity.Through, x.Points)).ToList(),
            s.ChangeSuspensions.Select(c => new SuspensionChangeDoc(c.Id, c.From, c.Through, c.ClearThrough, c.Points)).ToList());
        var parent = rules.Catalog.Resolve(s.Inherits);
        return new ScenarioDoc(s.Name, s.Description?.Trim(), s.Inherits, s.Origin ?? "", rules.IsUploaded(s.Name), policy.Horizon,
            policy.Measures.Length, policy.Suspensions.Length, overrides, Compare(parent, policy).ToList());
    }

    /// <summary>What a scenario changes relative to its parent, in words.</summary>
    private static IEnumerable<string> Compare(PolicySet parent, PolicySet child)
    {
        var pm = parent.Measures.ToDictionary(m => m.Id); var cm = child.Measures.ToDictionary(m => m.Id);
        foreach (var id in pm.Keys.Except(cm.Keys)) yield return $"removes measure {id} ({pm[id].Title})";
        foreach (var id in cm.Keys.Except(pm.Keys)) yield return $"adds measure {id} ({cm[id].Title}), {cm[id].Validity}";
        foreach (var id in cm.Keys.Intersect(pm.Keys))
            if (!cm[id].Rates.SequenceEqual(pm[id].Rates) || cm[id].Through != pm[id].Through)
                yield return $"changes measure {id}: " + string.Join(", ", cm[id].Rates.Select(r => $"{r.Rate} from {r.From:yyyy-MM-dd}")) + (cm[id].Through is { } t ? $", through {t:yyyy-MM-dd}" : "");
        var ps = parent.Suspensions.ToDictionary(x => x.Id); var cs = child.Suspensions.ToDictionary(x => x.Id);
        foreach (var id in ps.Keys.Except(cs.Keys)) yield return $"removes suspension {id} ({ps[id].Title}; {ps[id].Describe()})";
        foreach (var id in cs.Keys.Except(ps.Keys)) yield return $"adds suspension {id} ({cs[id].Describe()})";
        foreach (var id in cs.Keys.Intersect(ps.Keys))
            if (cs[id] != ps[id]) yield return $"changes suspension {id}: {cs[id].Describe()}";
    }
}
