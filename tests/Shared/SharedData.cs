namespace Tariffscope.Tests;

/// <summary>
/// Finds the real data that lives beside the repository (../shared/data). Tests that need it call
/// <see cref="Require"/>, which skips the test with a plain message where the data is absent.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(() =>
    {
        var env = Environment.GetEnvironmentVariable("TARIFFSCOPE_SHARED_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tariffscope.slnx")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }
        return null;
    });

    public static string? Directory_ => Root.Value;
    public static bool Available => Root.Value is not null;

    /// <summary>The full path of a file or folder under shared/data, or a skip when it is absent.</summary>
    public static string Require(string relative)
    {
        var root = Root.Value;
        Skip.IfNot(root is not null, "../shared/data is absent: this test reads the real data from there and is skipped without it.");
        var path = Path.Combine(root!, relative);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"../shared/data/{relative} is absent: skipped.");
        return path;
    }

    /// <summary>The repository's root folder (where Tariffscope.slnx is).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tariffscope.slnx"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
