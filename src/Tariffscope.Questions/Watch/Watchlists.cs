using System.Collections.Concurrent;
using System.Text.Json;
using Tariffscope.Questions.Store;

namespace Tariffscope.Questions.Watch;

/// <summary>The named watchlists: in the store when there is one (so every replica and restart sees them), else in memory.</summary>
public sealed class Watchlists(StateStore? store, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, Watchlist> _memory = new(StringComparer.Ordinal);

    /// <summary>Validates and keeps a watchlist; true when it replaced one of that name.</summary>
    public bool Put(Watchlist w)
    {
        w = Watchlist.Validate(w);
        bool existed = Get(w.Name) is not null;
        if (store is null) _memory[w.Name] = w;
        else store.PutWatchlist(w.Name, JsonSerializer.Serialize(w, Json), clock.GetUtcNow());
        return existed;
    }

    public Watchlist? Get(string name) => store is null
        ? _memory.GetValueOrDefault(name)
        : store.GetWatchlist(name) is { } body ? JsonSerializer.Deserialize<Watchlist>(body, Json) : null;

    public IReadOnlyList<Watchlist> All() => store is null
        ? _memory.Values.OrderBy(w => w.Name, StringComparer.Ordinal).ToList()
        : store.Watchlists().Select(x => JsonSerializer.Deserialize<Watchlist>(x.Body, Json)!).ToList();

    public bool Delete(string name) => store is null ? _memory.TryRemove(name, out _) : store.DeleteWatchlist(name);
}
