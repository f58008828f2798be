using Tariffscope.Controls;

namespace Tariffscope.Data.Controls;

/// <summary>
/// Loads control data: the built-in files shipped in the assembly (data/controls/*.yaml), or files on disk.
/// Every record is validated on load; a problem raises <see cref="ControlDataException"/> naming file, line and field.
/// </summary>
public static class ControlData
{
    /// <summary>The built-in files, in load order.</summary>
    public static readonly IReadOnlyList<string> BuiltInFiles = ["controls/china.yaml", "controls/us.yaml"];

    private static readonly Lazy<ControlSet> Cached = new(() => Parse(BuiltInFiles.Select(f => ($"data/{f}", ReadBuiltIn(f))).ToArray()));

    /// <summary>The shipped control data ("actual"), parsed once.</summary>
    public static ControlSet LoadBuiltIn() => Cached.Value;

    /// <summary>Control data from files on disk (each a YAML control file).</summary>
    public static ControlSet LoadFiles(IEnumerable<string> paths) =>
        Parse(paths.Select(p => (p, File.ReadAllText(p))).ToArray());

    /// <summary>Parses control files given as (name for messages, YAML text).</summary>
    public static ControlSet Parse(params (string Name, string Text)[] files)
    {
        var reader = new ControlFileReader();
        foreach (var (name, text) in files) reader.ReadDataFile(name, text);
        reader.CheckReferences();
        var set = new ControlSet(reader.Controls, reader.Suspensions, reader.PartyLists, reader.Groups, reader.Horizon);
        var problems = set.Problems();
        if (problems.Count > 0) throw new ControlDataException(files.Length > 0 ? files[0].Name : "(no file)", 1, 1, "(data)", problems[0]);
        return set;
    }

    /// <summary>The text of a built-in resource (relative path under data/), or null when absent.</summary>
    internal static string? TryReadBuiltIn(string relative)
    {
        using var stream = typeof(ControlData).Assembly.GetManifestResourceStream("builtin/" + relative);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string ReadBuiltIn(string relative) =>
        TryReadBuiltIn(relative) ?? throw new InvalidOperationException($"built-in resource builtin/{relative} is missing from the assembly");
}
