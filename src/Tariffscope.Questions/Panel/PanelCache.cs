using System.Security.Cryptography;
using System.Text;
using Tariffscope.Engine.Batch;
using Tariffscope.Engine.Panel;

namespace Tariffscope.Questions.Panel;

/// <summary>
/// The compiled rules of a scenario kept on disk between runs, in the data directory's <c>cache/panel</c> folder: one
/// file per scenario, named by a hash of everything its cells rest on (the library's build, the record and the
/// revisions held, the policy, scenario and list files, the date the rules are known on, the span). A file is
/// derived and safe to delete; one written under other inputs is never read (its name differs) and is removed when
/// the scenario's cells are next saved. Scenarios and lists uploaded to a server live in its store, not in files,
/// so rules that rest on them are compiled in memory only.
/// </summary>
public static class PanelCache
{
    public const string Folder = "panel";

    /// <summary>The file for a scenario's cells, or null when none is kept (the built-in data alone, or uploads).</summary>
    public static string? PathFor(Rulebook rules, string scenario, DateOnly? asKnownOn, DateOnly from, DateOnly to, string importer = "US")
    {
        var w = rules.Workspace;
        if (!Directory.Exists(w.Directory.Root) || rules.IsUploaded(scenario) || rules.UploadedLists.Count > 0) return null;
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('|', w.InputsFingerprint, scenario.ToLowerInvariant(), asKnownOn?.ToString("yyyy-MM-dd") ?? "now", importer, from.ToString("yyyy-MM-dd"), to.ToString("yyyy-MM-dd")))));
        return Path.Combine(w.Directory.Root, "cache", Folder, $"{ScenarioColumns.ColumnName(scenario)}-{key[..20]}.cells");
    }

    /// <summary>A panel of the scenario's rules with the cells of the last run read back when there are any.</summary>
    public static RatePanel Open(Rulebook rules, Tariffscope.Engine.TariffEngine engine, string scenario, DateOnly? asKnownOn, DateOnly from, DateOnly to, out string? path)
    {
        var panel = new RatePanel(engine, from, to);
        path = PathFor(rules, scenario, asKnownOn, from, to, panel.Importer);
        if (path is null || !File.Exists(path)) return panel;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            if (PanelFile.Read(stream, panel.Starts, panel.To) is { } cells) panel.Load(cells);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* unreadable: plan afresh */ }
        return panel;
    }

    /// <summary>Writes the panel's cells when it planned any new ones (to a temporary file moved into place, so a
    /// reader never sees half of one) and removes the scenario's files written under other inputs. A folder that
    /// cannot be written costs the next run its head start, nothing else.</summary>
    public static void Save(RatePanel panel, string? path)
    {
        if (path is null || panel.Counts.Planned + panel.Counts.Inherited == 0) return;
        try
        {
            var dir = Path.GetDirectoryName(path)!;
            Directory.CreateDirectory(dir);
            var temp = path + $".{Guid.NewGuid():N}.tmp";
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                PanelFile.Write(stream, panel.Starts, panel.To, panel.StoredCells());
            File.Move(temp, path, overwrite: true);
            var prefix = Path.GetFileName(path)[..(Path.GetFileName(path).LastIndexOf('-') + 1)];
            foreach (var old in Directory.EnumerateFiles(dir, prefix + "*"))
                if (!string.Equals(old, path, StringComparison.Ordinal) && (old.EndsWith(".cells", StringComparison.Ordinal)
                    || File.GetLastWriteTimeUtc(old) < DateTime.UtcNow.AddHours(-1)))
                    File.Delete(old);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* derived: the next run plans again */ }
    }
}
