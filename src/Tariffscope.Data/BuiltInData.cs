using System.Reflection;

namespace Tariffscope.Data;

/// <summary>
/// The default data shipped inside this assembly (everything under the repository's <c>data/</c> folder), opened
/// by its path relative to that folder: <c>BuiltInData.Open("compiled/us-record.bin")</c>,
/// <c>BuiltInData.List("policy/")</c>.
/// </summary>
public static class BuiltInData
{
    private const string Prefix = "builtin/";
    private static readonly Assembly Assembly = typeof(BuiltInData).Assembly;

    // Resource names carry the build machine's separator; compare them with '/'.
    private static readonly Lazy<Dictionary<string, string>> Names = new(() =>
        Assembly.GetManifestResourceNames()
            .Select(n => (Resource: n, Relative: n.Replace('\\', '/')))
            .Where(n => n.Relative.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(n => n.Relative[Prefix.Length..], n => n.Resource, StringComparer.Ordinal));

    public static bool Exists(string relativePath) => Names.Value.ContainsKey(Normalize(relativePath));

    /// <summary>The resource's bytes; a <see cref="FileNotFoundException"/> naming what exists when absent.</summary>
    public static Stream Open(string relativePath)
    {
        var key = Normalize(relativePath);
        if (Names.Value.TryGetValue(key, out var resource) && Assembly.GetManifestResourceStream(resource) is { } s) return s;
        var folder = key.Contains('/') ? key[..(key.LastIndexOf('/') + 1)] : "";
        var siblings = List(folder);
        throw new FileNotFoundException(
            $"no built-in data '{key}'" + (siblings.Count > 0 ? $" (built-in {(folder.Length > 0 ? folder : "data")} has: {string.Join(", ", siblings)})" : ""),
            key);
    }

    public static string ReadAllText(string relativePath)
    {
        using var reader = new StreamReader(Open(relativePath));
        return reader.ReadToEnd();
    }

    /// <summary>The relative paths of the built-in files under <paramref name="folder"/> (e.g. "policy/"), sorted.</summary>
    public static IReadOnlyList<string> List(string folder = "")
    {
        var prefix = Normalize(folder);
        if (prefix.Length > 0 && !prefix.EndsWith('/')) prefix += "/";
        return Names.Value.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    }

    private static string Normalize(string path) => path.Replace('\\', '/').TrimStart('/');
}
