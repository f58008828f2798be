using System.Collections.Concurrent;
using System.Collections.Immutable;
using Tariffscope.Data;
using Tariffscope.Engine;
using Tariffscope.Policy;

namespace Tariffscope.Server;

/// <summary>An upload the rules refuse (a scenario naming what does not exist, a list with no codes).</summary>
public sealed class UploadRejectedException(string message, int status = StatusCodes.Status422UnprocessableEntity) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// The workspace the server answers from, plus what was uploaded into this running process (scenarios, product
/// lists). Uploads are kept in memory only, never written to disk: a restart returns to the data directory.
/// Each upload builds a new catalog and swaps it in whole, so a request sees one consistent set of rules.
/// </summary>
public sealed class PolicyStore
{
    private sealed record Snapshot(
        ScenarioCatalog Catalog,
        ImmutableHashSet<string> UploadedScenarios,
        ImmutableHashSet<string> UploadedLists,
        ConcurrentDictionary<(string, DateOnly?), Lazy<TariffEngine>> Engines);

    private readonly object _gate = new();
    private readonly int _maxScenarios;
    private volatile Snapshot _now;

    public Workspace Workspace { get; }

    public PolicyStore(Workspace workspace, int maxUploadedScenarios)
    {
        Workspace = workspace;
        _maxScenarios = maxUploadedScenarios;
        _now = new Snapshot(workspace.Scenarios, ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase),
            ImmutableHashSet.Create<string>(StringComparer.Ordinal), new());
    }

    public ScenarioCatalog Catalog => _now.Catalog;
    public bool IsUploaded(string scenario) => _now.UploadedScenarios.Contains(scenario);
    public IReadOnlySet<string> UploadedLists => _now.UploadedLists;

    /// <summary>The engine for a scenario (and an "as known on" view); <see cref="ScenarioException"/> when unknown.</summary>
    public TariffEngine Engine(string scenario, DateOnly? asKnownOn = null)
    {
        var now = _now;
        var key = (scenario.ToLowerInvariant(), asKnownOn);
        if (now.Engines.TryGetValue(key, out var cached)) return cached.Value;
        var policy = now.Catalog.Resolve(scenario); // refuses unknown names before anything is cached
        Lazy<TariffEngine> Build() => new(() =>
            new TariffEngine(Workspace.Schedules, asKnownOn is { } d ? policy.AsKnownOn(d) : policy, Workspace.UsSchedule.Description));
        // "as known on" views are cached up to a bound: a client asking for every date cannot fill the memory
        return now.Engines.Count < MaxCachedEngines ? now.Engines.GetOrAdd(key, _ => Build()).Value : Build().Value;
    }

    private const int MaxCachedEngines = 256;

    /// <summary>Adds (or replaces an earlier upload of) a scenario; a shipped scenario's name is refused.</summary>
    /// <returns>True when it replaced an earlier upload.</returns>
    public bool AddScenario(Scenario scenario)
    {
        lock (_gate)
        {
            var now = _now;
            bool replacing = now.UploadedScenarios.Contains(scenario.Name);
            if (!replacing && now.Catalog.Scenarios.ContainsKey(scenario.Name) || scenario.Name.Equals(ScenarioCatalog.Actual, StringComparison.OrdinalIgnoreCase))
                throw new UploadRejectedException($"scenario '{scenario.Name}' is shipped with the data and cannot be replaced; give the upload another name", StatusCodes.Status409Conflict);
            if (!replacing && now.UploadedScenarios.Count >= _maxScenarios)
                throw new UploadRejectedException($"this server already holds {_maxScenarios} uploaded scenarios, its limit; restart it to clear them", StatusCodes.Status409Conflict);
            var scenarios = now.Catalog.Scenarios.Values.Where(s => !s.Name.Equals(scenario.Name, StringComparison.OrdinalIgnoreCase)).Append(scenario);
            Swap(now.Catalog.ActualPolicy, scenarios, now.UploadedScenarios.Add(scenario.Name), now.UploadedLists);
            return replacing;
        }
    }

    /// <summary>Puts a product list in place of the list of that name (or adds it) for every scenario.</summary>
    public bool ReplaceList(ProductList list)
    {
        lock (_gate)
        {
            var now = _now;
            bool existed = now.Catalog.ActualPolicy.Lists.ContainsKey(list.Name);
            var actual = now.Catalog.ActualPolicy with { Lists = now.Catalog.ActualPolicy.Lists.SetItem(list.Name, list) };
            Swap(actual, now.Catalog.Scenarios.Values, now.UploadedScenarios, now.UploadedLists.Add(list.Name));
            return existed;
        }
    }

    /// <summary>Builds the new catalog and every scenario's engine before anything is swapped in: a broken upload
    /// leaves the server as it was.</summary>
    private void Swap(PolicySet actual, IEnumerable<Scenario> scenarios, ImmutableHashSet<string> uploaded, ImmutableHashSet<string> lists)
    {
        var engines = new ConcurrentDictionary<(string, DateOnly?), Lazy<TariffEngine>>();
        ScenarioCatalog catalog;
        try
        {
            catalog = new ScenarioCatalog(actual, scenarios);
            foreach (var name in catalog.Names)
            {
                var engine = new TariffEngine(Workspace.Schedules, catalog.Resolve(name), Workspace.UsSchedule.Description);
                engines[(name.ToLowerInvariant(), null)] = new Lazy<TariffEngine>(() => engine);
            }
        }
        catch (Exception e) when (e is ScenarioException or InvalidOperationException)
        {
            throw new UploadRejectedException(e.Message);
        }
        _now = new Snapshot(catalog, uploaded, lists, engines);
    }
}
