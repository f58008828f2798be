namespace Tariffscope.Data;

/// <summary>
/// Where the user's imported data lives. Chosen, first found wins: the <c>--data-dir</c> option,
/// <c>$TARIFFSCOPE_DATA_DIR</c>, <c>$XDG_DATA_HOME/tariffscope</c>, <c>~/.local/share/tariffscope</c>.
/// <see cref="Origin"/> says which rule chose it, so a surprising choice can be explained.
/// </summary>
/// <remarks>Layout: <c>hts/&lt;revision&gt;.json.gz</c> for each imported USITC export and <c>hts/revisions.csv</c>
/// listing them (revision, effective date, source, imported at, sha256, rows).</remarks>
public sealed record DataDirectory(string Root, string Origin)
{
    public const string EnvironmentVariable = "TARIFFSCOPE_DATA_DIR";

    public string HtsFolder => Path.Combine(Root, "hts");
    /// <summary>The list of imported revisions.</summary>
    public string HtsRevisionsFile => Path.Combine(HtsFolder, "revisions.csv");
    /// <summary>A list of official revision dates the user may place here, so that imports infer them.</summary>
    public string KnownRevisionDatesFile => Path.Combine(HtsFolder, "revision_dates.csv");
    public string RevisionFile(string revision) => Path.Combine(HtsFolder, revision + ".json.gz");
    /// <summary>The binary copy of a revision's lines (<see cref="Hts.RevisionCache"/>): derived, safe to delete.</summary>
    public string RevisionCacheFile(string revision) => Path.Combine(HtsFolder, "cache", revision + ".lines");

    /// <summary>The directory for this process: its environment, the <c>--data-dir</c> option and the home folder.</summary>
    public static DataDirectory Resolve(string? dataDirOption = null) =>
        Resolve(dataDirOption, Environment.GetEnvironmentVariable,
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The rules with their inputs given, for tests and for hosts that configure it themselves.</summary>
    public static DataDirectory Resolve(string? dataDirOption, Func<string, string?> environment, string home)
    {
        if (NonEmpty(dataDirOption) is { } option) return new(Path.GetFullPath(option), "--data-dir");
        if (NonEmpty(environment(EnvironmentVariable)) is { } env) return new(Path.GetFullPath(env), "$" + EnvironmentVariable);
        if (NonEmpty(environment("XDG_DATA_HOME")) is { } xdg) return new(Path.GetFullPath(Path.Combine(xdg, "tariffscope")), "$XDG_DATA_HOME");
        if (NonEmpty(home) is null)
            throw new DirectoryNotFoundException($"no data directory: set ${EnvironmentVariable} or pass --data-dir (no home folder is known)");
        return new(Path.GetFullPath(Path.Combine(home, ".local", "share", "tariffscope")), "default (~/.local/share/tariffscope)");
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public override string ToString() => $"{Root} (from {Origin})";
}
