using System.Collections.Concurrent;
using Tariffscope.Data;
using Tariffscope.Data.Trade;

namespace Tariffscope.Questions.Trade;

/// <summary>The data directory holds no trade flows (or none for the question): the answer says how to import them.</summary>
public sealed class NoTradeDataException(string message, bool storeMissing) : Exception(message)
{
    /// <summary>True when there is no trade store at all (409); false when it holds nothing for the question (404).</summary>
    public bool StoreMissing { get; } = storeMissing;
}

/// <summary>
/// The trade flows of the data directory, and the answers computed over them (indicators, scenario impact), kept in
/// memory per question and per state of the store: re-importing trade data changes the stamp, so a stale answer is never served. A computation runs on the
/// thread pool, apart from the request that started it: a client that gives up (or times out) does not waste it, and
/// the next client asking the same question gets it. Reads of the store are one at a time.
/// </summary>
public sealed class TradeData(DataDirectory directory, int capacity = 64)
{
    public const string ImportHint = "import base-year flows with `tariffscope data import-trade FILE-OR-URL` (a Census file, a CSV importer,partner,hs10,year,value,duty, or the Census API), then ask again";

    private readonly ConcurrentDictionary<string, Job> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _store = new(1, 1);

    public DataDirectory Directory { get; } = directory;

    /// <summary>The indicator horizons computed over this store (in memory and under the data directory's cache folder).</summary>
    public IndicatorHorizons Horizons { get; } = new(IndicatorHorizons.FolderOf(directory));

    /// <summary>The trade store's state: its size and last write; null when there is none.</summary>
    public string? Stamp()
    {
        var file = new FileInfo(TradeStore.PathIn(Directory));
        return file.Exists ? $"{file.Length}:{file.LastWriteTimeUtc.Ticks}" : null;
    }

    /// <summary>Throws <see cref="NoTradeDataException"/> when the data directory has no trade store.</summary>
    public string RequireStamp() =>
        Stamp() ?? throw new NoTradeDataException($"this server's data directory holds no trade data; {ImportHint}", storeMissing: true);

    /// <summary>Runs <paramref name="read"/> on the store, one reader at a time (a read takes a second at most;
    /// the computation over what was read runs outside the lock).</summary>
    public T Read<T>(Func<TradeStore, T> read)
    {
        RequireStamp();
        _store.Wait();
        try
        {
            using var store = TradeStore.Open(Directory);
            return read(store);
        }
        finally { _store.Release(); }
    }

    private readonly ConcurrentDictionary<string, IReadOnlyList<Tariffscope.Trade.TradeFlow>> _latest = new(StringComparer.Ordinal);

    /// <summary>The base-year flows into <paramref name="importer"/> (its latest year held), or null when none are held;
    /// read once per state of the store.</summary>
    public IReadOnlyList<Tariffscope.Trade.TradeFlow>? LatestFlows(string importer)
    {
        if (Stamp() is not { } stamp) return null;
        var flows = _latest.GetOrAdd($"{importer}|{stamp}", _ =>
        {
            if (_latest.Count > 8) _latest.Clear();
            return Read(s => s.LatestYear(importer) is { } y ? s.Read(importer, y) : []);
        });
        return flows.Count == 0 ? null : flows;
    }

    /// <summary>One computation and the requests waiting for it; cancelled when the last of them leaves.</summary>
    private sealed class Job
    {
        private readonly CancellationTokenSource _cts = new();
        private readonly Lazy<Task<object>> _task;
        private int _waiters;

        // started on first use: of two jobs made for one key at once, only the one kept in the cache runs
        public Job(Func<CancellationToken, object> compute) =>
            _task = new(() => System.Threading.Tasks.Task.Run(() => compute(_cts.Token), _cts.Token));

        public Task<object> Task => _task.Value;
        public void Enter() => Interlocked.Increment(ref _waiters);
        /// <summary>True when this was the last waiter and the work was still running: it is cancelled.</summary>
        public bool Leave()
        {
            if (Interlocked.Decrement(ref _waiters) > 0 || Task.IsCompleted) return false;
            _cts.Cancel();
            return true;
        }
    }

    /// <summary>
    /// The answer to <paramref name="question"/> at the store's present state: from memory, or computed now on the
    /// thread pool. <paramref name="hit"/> says which. The computation gets a token that is cancelled when every
    /// request waiting for it has gone (the client left, or timed out), so abandoned work stops instead of running on;
    /// while one request still waits it goes on. A failed or cancelled computation is forgotten, so it is tried again.
    /// </summary>
    public async Task<(T Value, bool Hit)> GetAsync<T>(string question, Func<CancellationToken, T> compute, CancellationToken ct) where T : class
    {
        var key = $"{typeof(T).Name}|{question}|{RequireStamp()}";
        while (true)
        {
            var hit = _cache.TryGetValue(key, out var job) && job.Task.IsCompletedSuccessfully;
            if (job is null)
            {
                // a bounded memory: when full, some questions are forgotten (any: they are computed again when asked)
                if (_cache.Count >= capacity) foreach (var k in _cache.Keys.Take(_cache.Count - capacity + 1)) _cache.TryRemove(k, out _);
                job = _cache.GetOrAdd(key, _ => new Job(token => compute(token)));
            }
            job.Enter();
            try
            {
                return ((T)await job.Task.WaitAsync(ct), hit);
            }
            catch (Exception) when (job.Task.IsFaulted || job.Task.IsCanceled)
            {
                _cache.TryRemove(new KeyValuePair<string, Job>(key, job));
                // cancelled because the others left just as this request came: compute it again for this one
                if (job.Task.IsCanceled && !ct.IsCancellationRequested) continue;
                throw;
            }
            finally
            {
                if (job.Leave()) _cache.TryRemove(new KeyValuePair<string, Job>(key, job));
            }
        }
    }

    /// <summary>
    /// Starts (or finds) the computation of <paramref name="question"/> without waiting for it: the caller may wait a
    /// while and, if it is not done, tell its client to ask again. Such a computation is not cancelled when a client
    /// leaves, since the next poll wants its answer. <c>Hit</c> is true when it was already done.
    /// </summary>
    public (Task<T> Task, bool Hit) Start<T>(string question, Func<CancellationToken, T> compute) where T : class
    {
        var key = $"{typeof(T).Name}|{question}|{RequireStamp()}";
        var hit = _cache.TryGetValue(key, out var job) && job.Task.IsCompletedSuccessfully;
        if (job is null)
        {
            if (_cache.Count >= capacity) foreach (var k in _cache.Keys.Take(_cache.Count - capacity + 1)) _cache.TryRemove(k, out _);
            job = _cache.GetOrAdd(key, _ => new Job(token => compute(token)));
        }
        job.Enter(); // never left: a polled computation runs to its end
        var found = job;
        return (Typed(), hit);

        async Task<T> Typed()
        {
            try { return (T)await found.Task; }
            catch (Exception)
            {
                _cache.TryRemove(new KeyValuePair<string, Job>(key, found)); // forgotten, so tried again
                throw;
            }
        }
    }
}
