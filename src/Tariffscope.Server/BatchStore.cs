namespace Tariffscope.Server;

/// <summary>
/// Where <c>POST /api/v1/batch</c> keeps its results: one folder per batch, named by a server-made id, under the data
/// directory (<c>batch/</c>; the system temp folder only when the server runs on the built-in data alone). Folders
/// older than the retention period are deleted, and the oldest go first when the store outgrows its quota, so the
/// disk a server uses for batches is bounded however many are posted.
/// </summary>
public sealed class BatchStore(string root, TimeSpan retention, long quotaBytes, TimeProvider clock)
{
    private readonly object _sweep = new();

    public string Root { get; } = root;
    /// <summary>Where the batch jobs and their result files are kept so other replicas and restarts can serve them
    /// (null: this folder alone).</summary>
    public Questions.Store.StateStore? State { get; set; }

    /// <summary>The result files a finished batch keeps.</summary>
    public static readonly string[] ResultFiles = ["results.csv", "rejects.csv", "report.html"];

    /// <summary>Records a finished batch (its summary as JSON, its files) in the store, kept until its retention ends.</summary>
    public void Keep(string id, string folder, string meta)
    {
        if (State is null) return;
        var now = clock.GetUtcNow();
        State.PutBatch(new(id, now, now + retention, meta),
            ResultFiles.Where(f => File.Exists(Path.Combine(folder, f))).Select(f => (f, File.ReadAllBytes(Path.Combine(folder, f)))));
    }

    public static BatchStore For(ServerOptions options, Data.Workspace workspace)
    {
        var root = options.BatchFolder
            ?? (Path.IsPathRooted(workspace.Directory.Root) ? Path.Combine(workspace.Directory.Root, "batch") : Path.Combine(Path.GetTempPath(), "tariffscope-batch"));
        return new BatchStore(Path.GetFullPath(root), options.BatchRetention, options.BatchQuotaBytes, options.Clock);
    }

    /// <summary>A new, empty folder for one batch; expired and surplus folders are swept first.</summary>
    public (string Id, string Folder) Create()
    {
        Sweep();
        var id = Guid.NewGuid().ToString("N");
        return (id, Directory.CreateDirectory(Path.Combine(Root, id)).FullName);
    }

    /// <summary>The folder of batch <paramref name="id"/> when it is one this store made and still holds.</summary>
    public string? Find(string id)
    {
        if (!Guid.TryParseExact(id, "N", out _)) return null;
        var folder = Path.Combine(Root, id);
        if (State is null) return Directory.Exists(folder) && !Expired(new DirectoryInfo(folder)) ? folder : null;
        // The store decides: a batch another replica ran (or this one before a restart) is copied here on first use.
        if (State.GetBatch(id, clock.GetUtcNow()) is null) return null;
        if (ResultFiles.All(f => File.Exists(Path.Combine(folder, f)))) return folder;
        Directory.CreateDirectory(folder);
        foreach (var f in ResultFiles)
            if (State.GetBatchFile(id, f) is { } bytes) File.WriteAllBytes(Path.Combine(folder, f), bytes);
        return folder;
    }

    public static void Delete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* swept later */ }
    }

    private bool Expired(DirectoryInfo d) => d.CreationTimeUtc < clock.GetUtcNow().UtcDateTime - retention
        && d.LastWriteTimeUtc < clock.GetUtcNow().UtcDateTime - retention;

    /// <summary>Deletes folders past the retention period, then the oldest until the rest fit in the quota.</summary>
    public void Sweep()
    {
        lock (_sweep)
        {
            foreach (var id in State?.DeleteExpiredBatches(clock.GetUtcNow()) ?? [])
                if (Directory.Exists(Path.Combine(Root, id))) Delete(Path.Combine(Root, id));
            if (!Directory.Exists(Root)) return;
            var folders = new DirectoryInfo(Root).EnumerateDirectories()
                .Where(d => Guid.TryParseExact(d.Name, "N", out _))
                .Select(d => (Dir: d, Bytes: Size(d)))
                .OrderBy(x => x.Dir.LastWriteTimeUtc).ToList();
            long total = folders.Sum(x => x.Bytes);
            foreach (var (dir, bytes) in folders)
            {
                if (!Expired(dir) && total <= quotaBytes) continue;
                Delete(dir.FullName);
                total -= bytes;
            }
        }
    }

    private static long Size(DirectoryInfo d)
    {
        try { return d.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
    }
}
