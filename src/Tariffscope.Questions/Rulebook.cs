using System.Collections.Concurrent;
using System.Collections.Immutable;
using Tariffscope.Data;
using Tariffscope.Engine;
using Tariffscope.Policy;

namespace Tariffscope.Questions;

/// <summary>Why an upload was refused: its content is wrong, or it clashes with what is already held.</summary>
public enum UploadRefusal { Invalid, Conflict }

/// <summary>An upload the rules refuse (a scenario naming what does not exist, a shipped scenario's name).</summary>
public sealed class UploadRejectedException(string message, UploadRefusal kind = UploadRefusal.Invalid) : Exception(message)
{
    public UploadRefusal Kind { get; } = kind;
}

/// <summary>
/// What every question is asked against: the loaded data (<see cref="Workspace"/>), the scenarios with anything
/// uploaded into this process, the one engine cache of every front end, and today. Each upload builds a new catalog
/// and swaps it in whole, so a question sees one consistent set of rules from start to end.
/// </summary>
public sealed class Rulebook
{
    private sealed record Snapshot(
        ScenarioCatalog Catalog,
        ImmutableHashSet<string> UploadedScenarios,
        ImmutableHashSet<string> UploadedLists,
        ConcurrentDictionary<(string, DateOnly?), Lazy<TariffEngine>> Engines);

    /// <summary>"As known on" views are cached up to this bound: a client asking for every date cannot fill the memory.</summary>
    public const int MaxCachedEngines = 256;

    internal readonly object _gate = new();
    private readonly int _maxUploads;
    private volatile Snapshot _now;

    public Workspace Workspace { get; }
    public Today Today { get; }

    public Rulebook(Workspace workspace, Today? today = null, int maxUploadedScenarios = 32, Store.StateStore? store = null)
    {
        Workspace = workspace;
        Today = today ?? Today.System;
        _maxUploads = maxUploadedScenarios;
        _now = new Snapshot(workspace.Scenarios, ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase),
            ImmutableHashSet.Create<string>(StringComparer.Ordinal), new());
        Store = store;
        if (store is not null) _replay = new Store.UploadReplay(this, store);
    }

    /// <summary>Where uploads are kept so they outlive the process (null: in memory only).</summary>
    public Store.StateStore? Store { get; }
    private readonly Store.UploadReplay? _replay;
    /// <summary>Uploads held in the store that the current rules refuse (a scenario naming a measure since removed).</summary>
    public IReadOnlyList<string> ReplayProblems => _replay?.Problems ?? [];

    public ScenarioCatalog Catalog { get { _replay?.SyncIfDue(); return _now.Catalog; } }
    public bool IsUploaded(string scenario) => _now.UploadedScenarios.Contains(scenario);
    public IReadOnlySet<string> UploadedLists => _now.UploadedLists;

    /// <summary>The engine for a scenario (and an "as known on" view); <see cref="ScenarioException"/> when unknown.</summary>
    public TariffEngine Engine(string scenario = ScenarioCatalog.Actual, DateOnly? asKnownOn = null)
    {
        _replay?.SyncIfDue();
        var now = _now;
        var key = (scenario.ToLowerInvariant(), asKnownOn);
        if (now.Engines.TryGetValue(key, out var cached)) return cached.Value;
        var policy = now.Catalog.Resolve(scenario); // refuses unknown names before anything is cached
        Lazy<TariffEngine> Build() => new(() =>
            new TariffEngine(Workspace.Schedules, asKnownOn is { } d ? policy.AsKnownOn(d) : policy, Workspace.UsSchedule.Description));
        return now.Engines.Count < MaxCachedEngines ? now.Engines.GetOrAdd(key, _ => Build()).Value : Build().Value;
    }

    /// <summary>Adds (or replaces an earlier upload of) a scenario; a shipped scenario's name is refused.</summary>
    /// <returns>True when it replaced an earlier upload.</returns>
    public bool AddScenario(Scenario scenario, string? sourceText = null)
    {
        lock (_gate)
        {
            _replay?.Sync(); // a name another replica took is a replacement here too
            var now = _now;
            bool replacing = now.UploadedScenarios.Contains(scenario.Name);
            if (!replacing && now.Catalog.Scenarios.ContainsKey(scenario.Name) || scenario.Name.Equals(ScenarioCatalog.Actual, StringComparison.OrdinalIgnoreCase))
                throw new UploadRejectedException($"scenario '{scenario.Name}' is shipped with the data and cannot be replaced; give the upload another name", UploadRefusal.Conflict);
            if (!replacing && now.UploadedScenarios.Count >= _maxUploads)
                throw new UploadRejectedException($"this server already holds {_maxUploads} uploaded scenarios, its limit; an upload may replace one of them (same name)", UploadRefusal.Conflict);
            var scenarios = now.Catalog.Scenarios.Values.Where(s => !s.Name.Equals(scenario.Name, StringComparison.OrdinalIgnoreCase)).Append(scenario);
            Swap(now.Catalog.ActualPolicy, scenarios, now.UploadedScenarios.Add(scenario.Name), now.UploadedLists);
            if (sourceText is not null) _replay?.Persist(Tariffscope.Questions.Store.UploadReplay.ScenarioKind, scenario.Name, sourceText, null);
            return replacing;
        }
    }

    /// <summary>Puts a product list in place of the list of that name (or adds it) for every scenario.</summary>
    public bool ReplaceList(ProductList list) => ReplaceList(list, persist: true);

    internal bool ReplaceList(ProductList list, bool persist)
    {
        lock (_gate)
        {
            var now = _now;
            bool existed = now.Catalog.ActualPolicy.Lists.ContainsKey(list.Name);
            var actual = now.Catalog.ActualPolicy with { Lists = now.Catalog.ActualPolicy.Lists.SetItem(list.Name, list) };
            Swap(actual, now.Catalog.Scenarios.Values, now.UploadedScenarios, now.UploadedLists.Add(list.Name));
            if (persist) _replay?.Persist(Tariffscope.Questions.Store.UploadReplay.ListKind, list.Name, Tariffscope.Questions.Store.UploadReplay.ListBody(list), list.Source.Instrument);
            return existed;
        }
    }

    /// <summary>Builds the new catalog and every scenario's engine before anything is swapped in: a broken upload
    /// leaves the rules as they were.</summary>
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
