using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
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
    /// A hash of the policy's content: every measure, suspension, list, group and family as JSON, with the members
    /// of unordered collections sorted and each duty written as its own type, so the same content hashes alike in
    /// every process and different content differently.
    /// </summary>
    public static string PolicyFingerprint(PolicySet policy) => Fingerprints.GetValue(policy, p =>
    {
        try { return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(p, Options)))[..24]; }
        // content that does not serialise: a key of this object alone, so nothing else can match it
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or JsonException) { return "unhashed-" + Guid.NewGuid().ToString("N"); }
    });

    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new DutyConverter(), new SortedSetConverter(), new SortedDictionaryConverter(), new JsonStringEnumConverter() },
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
    };

    /// <summary>Dictionaries keyed by text written in key order (they enumerate in no stable order).</summary>
    private sealed class SortedDictionaryConverter : JsonConverterFactory
    {
        public override bool CanConvert(Type t) => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ImmutableDictionary<,>) && t.GetGenericArguments()[0] == typeof(string);

        public override JsonConverter CreateConverter(Type t, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(Sorted<>).MakeGenericType(t.GetGenericArguments()[1]))!;

        private sealed class Sorted<T> : JsonConverter<ImmutableDictionary<string, T>>
        {
            public override ImmutableDictionary<string, T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();
            public override void Write(Utf8JsonWriter writer, ImmutableDictionary<string, T> value, JsonSerializerOptions options)
            {
                writer.WriteStartObject();
                foreach (var (k, v) in value.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(k);
                    JsonSerializer.Serialize(writer, v, options);
                }
                writer.WriteEndObject();
            }
        }
    }

    private sealed class DutyConverter : JsonConverter<DutyExpression>
    {
        public override DutyExpression Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();
        public override void Write(Utf8JsonWriter writer, DutyExpression value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("type", value.GetType().Name);
            writer.WriteString("text", value.ToString());
            writer.WritePropertyName("value");
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
            writer.WriteEndObject();
        }
    }

    private sealed class SortedSetConverter : JsonConverter<ImmutableHashSet<string>>
    {
        public override ImmutableHashSet<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();
        public override void Write(Utf8JsonWriter writer, ImmutableHashSet<string> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var s in value.Order(StringComparer.Ordinal)) writer.WriteStringValue(s);
            writer.WriteEndArray();
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
}
