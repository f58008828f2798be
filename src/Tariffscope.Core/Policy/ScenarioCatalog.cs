using System.Collections.Immutable;

namespace Tariffscope.Policy;

/// <summary>A scenario that cannot be applied: it names something that does not exist, or contradicts itself.</summary>
public sealed class ScenarioException(string message) : Exception(message);

/// <summary>
/// The actual timeline plus the known scenarios; resolves a scenario by applying its overrides, and those of the
/// scenarios it inherits from, to the actual policy set.
/// </summary>
public sealed class ScenarioCatalog
{
    public const string Actual = "actual";
    private readonly Dictionary<string, PolicySet> _resolved = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();

    public PolicySet ActualPolicy { get; }
    public IReadOnlyDictionary<string, Scenario> Scenarios { get; }

    public ScenarioCatalog(PolicySet actual, IEnumerable<Scenario> scenarios)
    {
        ActualPolicy = actual with { Name = Actual };
        var map = new Dictionary<string, Scenario>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in scenarios)
        {
            if (s.Name.Equals(Actual, StringComparison.OrdinalIgnoreCase))
                throw new ScenarioException($"{s.Origin}: a scenario cannot be called 'actual'; that name is the shipped timeline");
            if (!map.TryAdd(s.Name, s))
                throw new ScenarioException($"{s.Origin}: scenario '{s.Name}' is defined twice (also in {map[s.Name].Origin})");
        }
        Scenarios = map;
    }

    public IEnumerable<string> Names => Scenarios.Keys.Prepend(Actual);

    /// <summary>The policy set of a scenario, with its inheritance applied. Unknown names are refused.</summary>
    public PolicySet Resolve(string name)
    {
        lock (_gate) return ResolveCore(name, []);
    }

    private PolicySet ResolveCore(string name, List<string> chain)
    {
        if (name.Equals(Actual, StringComparison.OrdinalIgnoreCase)) return ActualPolicy;
        if (_resolved.TryGetValue(name, out var done)) return done;
        if (!Scenarios.TryGetValue(name, out var s))
            throw new ScenarioException($"unknown scenario '{name}'; known: {string.Join(", ", Names)}");
        if (chain.Contains(name, StringComparer.OrdinalIgnoreCase))
            throw new ScenarioException($"scenario inheritance loops: {string.Join(" -> ", chain.Append(name))}");
        chain.Add(name);
        var parent = ResolveCore(s.Inherits, chain);
        var result = Apply(parent, s);
        _resolved[name] = result;
        return result;
    }

    /// <summary>Applies one scenario's overrides to a policy set, refusing references to what does not exist.</summary>
    public static PolicySet Apply(PolicySet parent, Scenario s)
    {
        string where = s.Origin ?? s.Name;
        var measures = parent.Measures.ToDictionary(m => m.Id);
        var suspensions = parent.Suspensions.ToDictionary(x => x.Id);
        var touched = new HashSet<string>();

        void Touch(string id, string what)
        {
            if (!touched.Add(what + ":" + id))
                throw new ScenarioException($"{where}: {what} '{id}' is overridden twice in scenario '{s.Name}'; say it once");
        }

        foreach (var id in s.RemoveMeasures)
        {
            Touch(id, "measure");
            if (!measures.Remove(id)) throw new ScenarioException($"{where}: removes measure '{id}', which does not exist in '{s.Inherits}'");
            foreach (var dep in suspensions.Values.Where(x => x.MeasureId == id).ToList()) suspensions.Remove(dep.Id);
        }
        foreach (var c in s.ChangeMeasures)
        {
            Touch(c.Id, "measure");
            if (!measures.TryGetValue(c.Id, out var m)) throw new ScenarioException($"{c.Origin ?? where}: changes measure '{c.Id}', which does not exist in '{s.Inherits}'");
            var rates = m.Rates;
            if (!c.Rates.IsEmpty)
            {
                var first = c.Rates.Min(r => r.From);
                rates = m.Rates.Where(r => r.From < first).Concat(c.Rates).OrderBy(r => r.From).ToImmutableArray();
            }
            var through = c.ClearThrough ? null : c.Through ?? m.Through;
            if (through is { } t && t < rates[0].From)
                throw new ScenarioException($"{c.Origin ?? where}: measure '{c.Id}' would end ({t:yyyy-MM-dd}) before it starts ({rates[0].From:yyyy-MM-dd})");
            measures[c.Id] = m with { Rates = rates, Through = through };
        }
        foreach (var m in s.AddMeasures)
        {
            Touch(m.Id, "measure");
            if (!measures.TryAdd(m.Id, m)) throw new ScenarioException($"{m.Origin ?? where}: adds measure '{m.Id}', which already exists; use change");
            if (!parent.Families.ContainsKey(m.Family)) throw new ScenarioException($"{m.Origin ?? where}: measure '{m.Id}' names family '{m.Family}', which does not exist");
        }
        foreach (var id in s.RemoveSuspensions)
        {
            Touch(id, "suspension");
            if (!suspensions.Remove(id)) throw new ScenarioException($"{where}: removes suspension '{id}', which does not exist in '{s.Inherits}'");
        }
        foreach (var c in s.ChangeSuspensions)
        {
            Touch(c.Id, "suspension");
            if (!suspensions.TryGetValue(c.Id, out var x)) throw new ScenarioException($"{c.Origin ?? where}: changes suspension '{c.Id}', which does not exist in '{s.Inherits}'");
            var v = new Validity(c.From ?? x.Validity.From, c.ClearThrough ? null : c.Through ?? x.Validity.Through);
            if (v.Through is { } t && t < v.From)
                throw new ScenarioException($"{c.Origin ?? where}: suspension '{c.Id}' would end ({t:yyyy-MM-dd}) before it starts ({v.From:yyyy-MM-dd})");
            suspensions[c.Id] = x with { Validity = v, Points = c.Points ?? x.Points };
        }
        foreach (var x in s.AddSuspensions)
        {
            Touch(x.Id, "suspension");
            if (!suspensions.TryAdd(x.Id, x)) throw new ScenarioException($"{x.Origin ?? where}: adds suspension '{x.Id}', which already exists; use change");
        }
        foreach (var x in suspensions.Values)
            if (!measures.ContainsKey(x.MeasureId))
                throw new ScenarioException($"{x.Origin ?? where}: suspension '{x.Id}' suspends measure '{x.MeasureId}', which does not exist in scenario '{s.Name}'");

        return parent with
        {
            Name = s.Name,
            Description = s.Description,
            Measures = parent.Measures.Where(m => measures.ContainsKey(m.Id)).Select(m => measures[m.Id])
                .Concat(s.AddMeasures).ToImmutableArray(),
            Suspensions = parent.Suspensions.Where(x => suspensions.ContainsKey(x.Id)).Select(x => suspensions[x.Id])
                .Concat(s.AddSuspensions).ToImmutableArray(),
        };
    }
}
