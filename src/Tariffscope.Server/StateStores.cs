using Tariffscope.Questions.Store;

namespace Tariffscope.Server;

/// <summary>Which store a server opens: the one <c>--store</c> names, else a SQLite file in the data directory.</summary>
public static class StateStores
{
    public const string DefaultFile = "state/tariffscope.db";

    /// <returns>The store, and the temporary file to delete at stop when the server runs on the built-in data alone.</returns>
    public static (StateStore Store, string? Temporary) Open(ServerOptions options, Data.Workspace workspace)
    {
        if (!string.IsNullOrWhiteSpace(options.Store)) return (StateStore.Open(options.Store), null);
        if (Path.IsPathRooted(workspace.Directory.Root)) return (StateStore.OpenSqlite(Path.Combine(workspace.Directory.Root, DefaultFile)), null);
        var temp = Path.Combine(Path.GetTempPath(), $"tariffscope-state-{Guid.NewGuid():N}.db");
        return (StateStore.OpenSqlite(temp), temp);
    }

    public static void DeleteTemporary(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            try { File.Delete(f); } catch (IOException) { }
    }
}
