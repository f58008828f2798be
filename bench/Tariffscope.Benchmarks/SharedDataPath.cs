namespace Tariffscope.Benchmarks;

/// <summary>Finds a file of the shared real data: $TARIFFSCOPE_SHARED_DATA, else ../shared/data beside the repository.</summary>
public static class SharedDataPath
{
    public static string? Find(string relative)
    {
        var env = Environment.GetEnvironmentVariable("TARIFFSCOPE_SHARED_DATA");
        if (!string.IsNullOrEmpty(env)) return Existing(Path.Combine(env, relative));
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tariffscope.slnx")))
                return Existing(Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", relative)));
        return null;
    }

    private static string? Existing(string path) => File.Exists(path) ? path : null;
}
