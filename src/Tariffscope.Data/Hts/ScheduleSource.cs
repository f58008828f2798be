using System.Globalization;
using Tariffscope.Nomenclature;

namespace Tariffscope.Data.Hts;

/// <summary>
/// The schedule that answers queries: the revisions imported into the data directory when there are any, else
/// the built-in sample. It always says which (<see cref="Description"/>), because a quote read from a 64-line
/// sample is not a quote read from the full HTS.
/// </summary>
public sealed class ScheduleSource
{
    public const string SampleResource = "schedule/us-sample.json";
    public const string SampleRevision = "sample";
    public static readonly DateOnly SampleEffectiveDate = new(2025, 1, 1);

    public Schedule Schedule { get; }
    /// <summary>"USITC HTS 2025 Revision 17 (imported 2026-11-28)" or "built-in sample schedule (64 lines; not the full HTS)".</summary>
    public string Description { get; }
    public bool IsBuiltIn { get; }
    /// <summary>The imported revisions behind <see cref="Schedule"/> (empty for the built-in sample).</summary>
    public IReadOnlyList<ImportedRevision> Imported { get; }
    /// <summary>The files behind <see cref="Schedule"/>, for loaders that read only some codes (history).</summary>
    public IReadOnlyList<RevisionFile> Files { get; }

    private ScheduleSource(Schedule schedule, string description, bool isBuiltIn, IReadOnlyList<ImportedRevision> imported, IReadOnlyList<RevisionFile> files)
    {
        Schedule = schedule;
        Description = description;
        IsBuiltIn = isBuiltIn;
        Imported = imported;
        Files = files;
    }

    /// <summary>The imported schedule of <paramref name="dir"/> when it has one, else the built-in sample.</summary>
    public static ScheduleSource Load(DataDirectory dir)
    {
        var imported = ImportedRevisions.Read(dir);
        if (imported.Count == 0) return BuiltIn();
        var files = imported.Select(r => new RevisionFile(dir.RevisionFile(r.Name), r.Name, r.EffectiveDate, $"USITC HTS {r.Title} ({r.Source})", dir.RevisionCacheFile(r.Name))).ToList();
        foreach (var (file, rev) in files.Zip(imported))
            if (!File.Exists(file.Path))
                throw new FileNotFoundException($"{dir.HtsRevisionsFile} lists revision {rev.Name}, but {file.Path} is missing: import it again with `tariffscope data import-hts`", file.Path);
        return new ScheduleSource(ScheduleLoader.FromFiles(files), Describe(imported), false, imported, files);
    }

    /// <summary>The small hand-written sample shipped with the tool (see data/schedule/README.md).</summary>
    public static ScheduleSource BuiltIn()
    {
        HtsFile file;
        using (var stream = BuiltInData.Open(SampleResource)) file = HtsJsonReader.Read(stream, "built-in " + SampleResource);
        var revision = file.ToRevision(SampleRevision, SampleEffectiveDate, "built-in sample schedule (hand-written from the HTS 2025 Basic Edition, USITC)");
        return new ScheduleSource(new Schedule([revision]),
            $"built-in sample schedule ({file.Lines.Count} lines; not the full HTS)", true, [], []);
    }

    /// <summary>Which revision answers on <paramref name="date"/>, in words (for a query's provenance line).</summary>
    public string DescribeOn(DateOnly date)
    {
        var rev = Schedule.On(date);
        if (rev is null) return $"{Description}: no revision in force on {date:yyyy-MM-dd}";
        if (IsBuiltIn) return $"{Description}, in force from {rev.EffectiveDate:yyyy-MM-dd}";
        var imported = Imported.FirstOrDefault(i => i.Name == rev.Name);
        var title = imported?.Title ?? rev.Name;
        var latest = ReferenceEquals(rev, Schedule.Revisions[^1]) ? "; the latest imported" : "";
        return $"USITC HTS {title} (in force from {rev.EffectiveDate:yyyy-MM-dd}{latest}; imported {imported?.ImportedAt.UtcDateTime:yyyy-MM-dd})";
    }

    private static string Describe(IReadOnlyList<ImportedRevision> imported)
    {
        var lastImport = imported.Max(r => r.ImportedAt).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (imported.Count == 1) return $"USITC HTS {imported[0].Title} (imported {lastImport})";
        return $"USITC HTS, {imported.Count} revisions from {imported[0].Title} to {imported[^1].Title} (last imported {lastImport})";
    }
}
