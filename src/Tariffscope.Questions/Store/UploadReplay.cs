using System.Collections.Immutable;
using Tariffscope.Data;
using Tariffscope.Data.Policy;
using Tariffscope.Policy;

namespace Tariffscope.Questions.Store;

/// <summary>
/// Keeps a <see cref="Rulebook"/>'s uploads in the store and brings in those it has not applied: every upload
/// made through this process or another one on the same store, in the order they were made. At start the whole
/// log is replayed; later, a cheap "newest sequence number" query at most once per <see cref="Interval"/> tells
/// whether another replica uploaded something.
/// </summary>
internal sealed class UploadReplay
{
    public const string ScenarioKind = "scenario";
    public const string ListKind = "list";

    private readonly Rulebook _rules;
    private readonly StateStore _store;
    private long _seen;
    private long _due;
    private bool _applying;
    private readonly List<string> _problems = [];

    /// <summary>How stale another replica's upload may be here; the default suits a server, a test sets zero.</summary>
    public static TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    public UploadReplay(Rulebook rules, StateStore store)
    {
        _rules = rules; _store = store;
        Sync();
    }

    public IReadOnlyList<string> Problems { get { lock (_problems) return _problems.ToList(); } }

    public void SyncIfDue()
    {
        var now = Environment.TickCount64;
        if (now < Interlocked.Read(ref _due)) return;
        Interlocked.Exchange(ref _due, now + (long)Interval.TotalMilliseconds);
        try { Sync(wait: false); }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            // The store is out of reach: keep answering from the rules held, try again at the next interval.
            lock (_problems) { if (_problems.Count < 100) _problems.Add($"store unreachable: {e.Message}"); }
        }
    }

    /// <summary>Applies the uploads not seen yet. With <paramref name="wait"/> false (a question being answered), an
    /// upload in progress here is not waited for: the question is answered from the rules held, and a later one syncs.</summary>
    public void Sync(bool wait = true)
    {
        if (_store.LatestUploadSeq() <= Interlocked.Read(ref _seen)) return;
        if (wait) Monitor.Enter(_rules._gate);
        else if (!Monitor.TryEnter(_rules._gate)) return;
        try
        {
            if (_applying || _store.LatestUploadSeq() <= _seen) return;
            _applying = true;
            try
            {
                foreach (var u in _store.UploadsAfter(_seen))
                {
                    try { Apply(u); }
                    catch (Exception e) when (e is UploadRejectedException or PolicyFileException or FormatException)
                    {
                        lock (_problems) _problems.Add($"stored {u.Kind} '{u.Name}' (upload {u.Seq}) not applied: {e.Message}");
                    }
                    Interlocked.Exchange(ref _seen, u.Seq);
                }
            }
            finally { _applying = false; }
        }
        finally { Monitor.Exit(_rules._gate); }
    }

    /// <summary>Writes an upload already applied here; it is not applied again when read back.</summary>
    public void Persist(string kind, string name, string body, string? meta)
    {
        var seq = _store.PutUpload(kind, name, body, meta, _rules.Today.Clock.GetUtcNow());
        if (seq == Interlocked.Read(ref _seen) + 1) Interlocked.Exchange(ref _seen, seq); // else another replica wrote in between: the next sync applies both in order
    }

    private void Apply(StoredUpload u)
    {
        if (u.Kind == ScenarioKind)
        {
            var scenario = new PolicyFileReader("uploaded scenario", _ => null).ReadScenario(u.Body);
            _rules.AddScenario(scenario with { Origin = $"uploaded scenario '{scenario.Name}'" });
        }
        else if (u.Kind == ListKind)
        {
            var codes = u.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var origin = u.Meta ?? $"uploaded on {u.At:yyyy-MM-dd}";
            _rules.ReplaceList(new ProductList(u.Name, $"{u.Name} (uploaded)", new Provenance(origin, Note: $"uploaded list, {codes.Length} codes"),
                codes.ToImmutableHashSet(StringComparer.Ordinal), []), persist: false);
        }
    }

    /// <summary>A list as stored: its codes, one a line, in order.</summary>
    public static string ListBody(ProductList list) => string.Join('\n', list.Prefixes.Order(StringComparer.Ordinal));
}
