using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Tariffscope.Data;
using Tariffscope.Data.Trade;
using Tariffscope.Duties;
using Tariffscope.Policy;
using Tariffscope.Trade;

namespace Tariffscope.Questions.Trade;

/// <summary>Where a horizon came from: this process's memory, the cache file, or computed now.</summary>
public enum HorizonSource { Memory, Disk, Computed }

/// <summary>
/// The indicator horizons (<see cref="IndicatorHorizon"/>) of a data directory: kept in memory (a few, the last used)
/// and in files under <c>cache/indicators/</c> of the data directory, named by a hash of what a horizon rests on but
/// the policy's content, which is written inside and must match (<see cref="IndicatorHorizonKey"/>). Derived data,
/// safe to delete. A file that cannot be read back whole under its
/// key (damaged, cut short, another version) is computed again and overwritten; a file that cannot be written only
/// costs the next process the computation.
/// </summary>
public sealed class IndicatorHorizons(string? folder, int capacity = 4)
{
    private readonly ConcurrentDictionary<string, (string Key, IndicatorHorizon Horizon, long Used)> _memory = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private long _clock;

    /// <summary>The cache folder of a data directory (none for the built-in data, which has no folder of its own).</summary>
    public static string? FolderOf(DataDirectory directory) =>
        Path.IsPathRooted(directory.Root) ? Path.Combine(directory.Root, "cache", "indicators") : null;

    public string? Folder => folder;

    /// <summary>The file a key's horizon is kept in (named by the key's named part).</summary>
    public string? FileOf(string named) =>
        folder is null ? null : Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(named)))[..32] + ".horizon");

    /// <summary>
    /// The horizon under a key: from memory, else its file, else computed (and written). The key is in two parts:
    /// <paramref name="named"/> names the file, and the whole — with <paramref name="content"/>, the policy's content,
    /// which takes a moment to hash in a new process — is written in it and must match, so the file is read while
    /// the content is hashed. One computation per file at a time: a second request waits and reads the first's.
    /// </summary>
    public (IndicatorHorizon Horizon, HorizonSource Source) Get(string named, Func<string> content, Func<CancellationToken, IndicatorHorizon> compute, CancellationToken ct = default)
    {
        var contentKey = Task.Run(content, ct);
        string Whole() => named + "\n" + contentKey.GetAwaiter().GetResult();
        if (Remembered(named, Whole) is { } h) return (h, HorizonSource.Memory);
        var gate = _gates.GetOrAdd(named, _ => new SemaphoreSlim(1, 1));
        gate.Wait(ct);
        try
        {
            if (Remembered(named, Whole) is { } again) return (again, HorizonSource.Memory);
            var file = FileOf(named);
            if (file is not null && Load(file, out var written) is { } loaded && written == Whole())
            {
                Remember(named, Whole(), loaded);
                return (loaded, HorizonSource.Disk);
            }
            var computed = compute(ct);
            if (file is not null) Save(file, Whole(), computed);
            Remember(named, Whole(), computed);
            return (computed, HorizonSource.Computed);
        }
        finally { gate.Release(); }
    }

    private IndicatorHorizon? Remembered(string named, Func<string> whole)
    {
        if (!_memory.TryGetValue(named, out var kept) || kept.Key != whole()) return null;
        _memory[named] = kept with { Used = Interlocked.Increment(ref _clock) };
        return kept.Horizon;
    }

    private void Remember(string named, string whole, IndicatorHorizon horizon)
    {
        _memory[named] = (whole, horizon, Interlocked.Increment(ref _clock));
        // bounded: the least recently used go first (a horizon of every partner holds some tens of MB)
        while (_memory.Count > capacity && _memory.OrderBy(kv => kv.Value.Used).FirstOrDefault() is { Key: { } oldest })
            _memory.TryRemove(oldest, out _);
    }

    /// <summary>How many horizon files a folder keeps: each new version of the rules, data or code makes new keys, and
    /// the files of old keys are never read again.</summary>
    public const int KeptFiles = 12;

    /// <summary>Removes all but the <see cref="KeptFiles"/> most recently written horizons, and writes left half done
    /// by a process that stopped more than an hour ago.</summary>
    private static void Prune(string folder, string justWritten)
    {
        foreach (var f in new DirectoryInfo(folder).EnumerateFiles("*.horizon").Where(f => f.FullName != Path.GetFullPath(justWritten))
                     .OrderByDescending(f => f.LastWriteTimeUtc).Skip(KeptFiles - 1)
                     .Concat(new DirectoryInfo(folder).EnumerateFiles("*.tmp").Where(f => f.LastWriteTimeUtc < DateTime.UtcNow.AddHours(-1))))
            try { f.Delete(); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static IndicatorHorizon? Load(string file, out string? key)
    {
        key = null;
        try { return File.Exists(file) ? IndicatorHorizon.TryRead(File.ReadAllBytes(file), out key) : null; }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static void Save(string file, string key, IndicatorHorizon horizon)
    {
        // written beside and moved in place, so that a reader never sees half a file
        var temp = $"{file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                horizon.Write(stream, key);
            File.Move(temp, file, overwrite: true);
            Prune(Path.GetDirectoryName(file)!, file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (Exception x) when (x is IOException or UnauthorizedAccessException) { }
        }
    }
}

/// <summary>
/// Everything an indicator horizon rests on: the code that computes it, the scenario's policy content,
/// the schedule revisions held, the claim shares and unit values, the trade store's state, the claim and quantity
/// options, the base year, the importer and the span. A change of any of them gives another key.
/// </summary>
public static class IndicatorHorizonKey
{
    private static readonly string Code = typeof(IndicatorHorizon).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The key in two parts: what names the file (everything but the policy's content, with its name), and the
    /// policy's content hash, which takes a moment in a new process (see <see cref="IndicatorHorizons.Get"/>).</summary>
    public static (string Named, Func<string> Content) Of(Workspace w, PolicySet policy, string tradeStamp, string importer, int? year, DateOnly from, DateOnly to, string claim, string quantities) =>
        (string.Join('\n',
            "indicator-horizon 1", $"code {Code}", $"importer {importer.ToUpperInvariant()}", $"span {from:yyyy-MM-dd} {to:yyyy-MM-dd}",
            $"year {year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "latest"}", $"trade {tradeStamp}",
            $"claim {claim.Trim().ToUpperInvariant()}", $"quantities {quantities.Trim().ToLowerInvariant()}",
            $"policy {policy.Name}", $"schedule {Schedule(w)}", $"claim shares {ClaimShareFiles(w.Directory)}",
            $"unit values {Hash(string.Join('\n', UnitValueFile.ForOption(quantities).Values.Select(v => $"{v.Code.Digits}|{v.Year}|{v.Price}|{v.Unit}")))}"),
         () => $"policy content {PolicyFingerprint(policy)}");

    /// <summary>The built-in record and every imported revision (name, date, content hash).</summary>
    private static string Schedule(Workspace w) =>
        Hash(w.UsSchedule.Description + "\n" + string.Join('\n', w.UsSchedule.Imported.Select(r => $"{r.Name}|{r.EffectiveDate:yyyy-MM-dd}|{r.Sha256}")));

    /// <summary>The claim shares imported into the data directory, by file (the record's own are in the schedule's part).</summary>
    private static string ClaimShareFiles(DataDirectory dir)
    {
        var root = Path.Combine(dir.Root, ClaimShareFile.Folder);
        if (!Path.IsPathRooted(dir.Root) || !Directory.Exists(root)) return "none";
        return Hash(string.Join('\n', Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => new FileInfo(f)).Select(f => $"{Path.GetRelativePath(root, f.FullName)}|{f.Length}|{f.LastWriteTimeUtc.Ticks}")));
    }

    private static readonly ConditionalWeakTable<PolicySet, string> Fingerprints = [];

    /// <summary>
    /// A hash of the policy's content: every public property of every measure, suspension, list, group and family,
    /// walked in a fixed order (properties by name, dictionaries by key, sets sorted), each value written with its
    /// type, so the same content hashes alike in every process and different content differently. A walk by
    /// reflection: it reaches a property added later without being told, and costs a new process far less than a
    /// serialiser's start.
    /// </summary>
    public static string PolicyFingerprint(PolicySet policy) => Fingerprints.GetValue(policy, p =>
    {
        var text = new StringBuilder(1 << 20);
        try { Walk(p, text, 0); }
        // content that cannot be walked: a key of this object alone, so nothing else can match it
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.Reflection.TargetInvocationException)
        {
            return "unhashed-" + Guid.NewGuid().ToString("N");
        }
        return Hash(text.ToString());
    });

    private static readonly ConcurrentDictionary<Type, System.Reflection.PropertyInfo[]> Properties = new();

    private static void Walk(object? o, StringBuilder text, int depth)
    {
        if (depth > 64) throw new InvalidOperationException("the policy nests deeper than 64 levels: not hashed");
        switch (o)
        {
            case null: text.Append('~'); return;
            case string s: text.Append('"').Append(s.Length).Append(':').Append(s); return;
            case Enum e: text.Append(e.GetType().Name).Append('.').Append(e); return;
            case bool b: text.Append(b ? "true" : "false"); return;
            case char c: text.Append('\'').Append(c); return;
            // decimals keep their scale (1.50 is written as such); dates and numbers in the invariant culture
            case IFormattable f: text.Append(f.GetType().Name).Append('=').Append(f.ToString(null, System.Globalization.CultureInfo.InvariantCulture)); return;
            case System.Collections.IDictionary d:
                var entries = new List<(string Key, object? Value)>();
                foreach (System.Collections.DictionaryEntry x in d) entries.Add((Canonical(x.Key, depth), x.Value));
                text.Append('{');
                foreach (var (k, v) in entries.OrderBy(x => x.Key, StringComparer.Ordinal)) { text.Append(k).Append("=>"); Walk(v, text, depth + 1); text.Append(','); }
                text.Append('}');
                return;
            // an ImmutableArray never set cannot be enumerated
            case System.Collections.IEnumerable when o.GetType() is { IsValueType: true, IsGenericType: true } t
                                                  && t.GetGenericTypeDefinition() == typeof(ImmutableArray<>) && (bool)t.GetProperty("IsDefault")!.GetValue(o)!:
                text.Append("default");
                return;
            case System.Collections.IEnumerable items:
                var unordered = o.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() is var g
                    && (g == typeof(ISet<>) || g == typeof(IReadOnlySet<>) || g == typeof(IImmutableSet<>)));
                text.Append(unordered ? "{|" : "[");
                if (unordered)
                    foreach (var item in items.Cast<object?>().Select(x => Canonical(x, depth)).Order(StringComparer.Ordinal)) text.Append(item).Append(',');
                else
                    foreach (var item in items) { Walk(item, text, depth + 1); text.Append(','); }
                text.Append(unordered ? "|}" : "]");
                return;
        }
        var type = o.GetType();
        text.Append(type.Name).Append('(');
        foreach (var prop in Properties.GetOrAdd(type, t => [.. t.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                     .Where(x => x.GetIndexParameters().Length == 0 && x.CanRead).OrderBy(x => x.Name, StringComparer.Ordinal)]))
        {
            text.Append(prop.Name).Append(':');
            Walk(prop.GetValue(o), text, depth + 1);
            text.Append(';');
        }
        text.Append(')');
    }

    private static string Canonical(object? o, int depth)
    {
        var text = new StringBuilder();
        Walk(o, text, depth + 1);
        return text.ToString();
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
}
