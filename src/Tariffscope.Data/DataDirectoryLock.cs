namespace Tariffscope.Data;

/// <summary>
/// The data directory's writer lock: an exclusive lock on <c>.write.lock</c> in its root, held while a writer reads,
/// changes and replaces the directory's lists (<c>hts/revisions.csv</c>), so two imports at once cannot both start
/// from the same list and lose one another's revision. Readers take no lock: every list is replaced by a rename,
/// so they see the old list or the new one, never a torn one.
/// </summary>
/// <remarks>
/// .NET takes <see cref="FileShare.None"/> as an OS lock (flock on Unix, a share mode on Windows), so the lock holds
/// across processes and between two opens in one process, and dies with a killed process. The file is never deleted:
/// deleting it would let a waiter lock a file that is no longer the one others open.
/// </remarks>
public sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = ".write.lock";

    private readonly FileStream _file;

    private DataDirectoryLock(FileStream file) => _file = file;

    /// <summary>Waits up to <paramref name="wait"/> (default two minutes) for the lock; an <see cref="IOException"/> says who to wait for.</summary>
    public static async Task<DataDirectoryLock> AcquireAsync(DataDirectory dir, TimeSpan? wait = null, CancellationToken ct = default)
    {
        Directory.CreateDirectory(dir.Root);
        var path = Path.Combine(dir.Root, FileName);
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromMinutes(2));
        var delay = 10;
        while (true)
        {
            try { return new DataDirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)); }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(delay, ct);
                delay = Math.Min(delay * 2, 250);
            }
            catch (IOException e)
            {
                throw new IOException($"{dir.Root}: another process is writing to this data directory (it holds {FileName}); try again when it has finished", e);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
