using System.Globalization;
using Tariffscope.Data.Record;
using Tariffscope.Nomenclature;

namespace Tariffscope.Data.Hts;

/// <summary>
/// The schedule that answers queries: every revision of the built-in record, with the revisions imported into the
/// data directory on top (an imported revision of the same name, or taking effect on the same day, replaces the
/// built-in one; a newer one extends the record). It always says which answered (<see cref="DescribeOn"/>).
/// </summary>
public sealed class ScheduleSource
{
    public Schedule Schedule { get; }
    /// <summary>"USITC HTS, 43 revisions from 2025 Basic Edition to 2026 Revision 10 (built-in record 64b5cb7f6a5a)".</summary>
    public string Description { get; }
    /// <summary>The record whose revisions the schedule holds (those not replaced by imports).</summary>
    public BuiltInRecord Record { get; }
    /// <summary>The imported revisions in the schedule.</summary>
    public IReadOnlyList<ImportedRevision> Imported { get; }
    /// <summary>The files behind the imported revisions, for loaders that read only some codes (history).</summary>
    public IReadOnlyList<RevisionFile> Files { get; }
    /// <summary>True when every revision comes from an imported file, so a loader may read the files itself.</summary>
    public bool AllFromFiles => Files.Count == Schedule.Revisions.Count;

    private ScheduleSource(Schedule schedule, string description, BuiltInRecord record, IReadOnlyList<ImportedRevision> imported, IReadOnlyList<RevisionFile> files)
    {
        Schedule = schedule;
        Description = description;
        Record = record;
        Imported = imported;
        Files = files;
    }

    /// <summary>The built-in record (or a newer one dropped into <paramref name="dir"/>) with <paramref name="dir"/>'s imports on top.</summary>
    public static ScheduleSource Load(DataDirectory dir)
    {
        var record = BuiltInRecord.For(dir);
        var imported = ImportedRevisions.Read(dir);
        var files = imported.Select(r => new RevisionFile(dir.RevisionFile(r.Name), r.Name, r.EffectiveDate, $"USITC HTS {r.Title} (imported {r.ImportedAt.UtcDateTime:yyyy-MM-dd})", dir.RevisionCacheFile(r.Name))).ToList();
        foreach (var (file, rev) in files.Zip(imported))
            if (!File.Exists(file.Path))
                throw new FileNotFoundException($"{dir.HtsRevisionsFile} lists revision {rev.Name}, but {file.Path} is missing: import it again with `tariffscope data import-hts`", file.Path);
        return Combine(record, imported, files);
    }

    /// <summary>The record shipped inside the tool, nothing imported.</summary>
    public static ScheduleSource BuiltIn() => Combine(BuiltInRecord.BuiltIn(), [], []);

    private static ScheduleSource Combine(BuiltInRecord record, IReadOnlyList<ImportedRevision> imported, List<RevisionFile> files)
    {
        var names = imported.Select(i => i.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var days = imported.Select(i => i.EffectiveDate).ToHashSet();
        var kept = record.Schedule.Revisions.Where(r => !names.Contains(r.Name) && !days.Contains(r.EffectiveDate));
        var pool = new RevisionPool();
        var revisions = kept.Concat(files.Select(f => ScheduleLoader.Lazy(f, pool))).OrderBy(r => r.EffectiveDate).ToList();
        var last = revisions[^1].EffectiveDate;
        var notHeld = record.Unheld.Where(u => u.EffectiveDate > last).ToList();
        var schedule = new Schedule(revisions) { NotHeld = notHeld };
        var description = $"USITC HTS, {revisions.Count} revisions from {Title(revisions[0], schedule)} to {Title(revisions[^1], schedule)} ({record.SourceText}" +
                          (imported.Count > 0 ? $"; {imported.Count} imported, last on {imported.Max(r => r.ImportedAt).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "") + ")";
        return new ScheduleSource(schedule, description, record, imported, files);
    }

    // revision lists name the first year's revisions without the year ("rev_17"): that year is the first revision's
    private static string Title(ScheduleRevision r, Schedule? s = null) => RevisionNames.Title(r.Name, (s?.Revisions[0] ?? r).EffectiveDate.Year);

    /// <summary>Where a revision of the schedule came from: "built-in record …" or "imported …".</summary>
    public string OriginOf(ScheduleRevision revision) =>
        Imported.FirstOrDefault(i => i.Name == revision.Name) is { } imp ? $"imported {imp.ImportedAt.UtcDateTime:yyyy-MM-dd} from {imp.Source}" : Record.SourceText;

    /// <summary>Which revision answers on <paramref name="date"/>, in words (for a query's provenance line).</summary>
    public string DescribeOn(DateOnly date)
    {
        var rev = Schedule.On(date);
        if (rev is null) return $"{Description}: no revision in force on {date:yyyy-MM-dd} (the first starts {Schedule.Revisions[0].EffectiveDate:yyyy-MM-dd})";
        var latest = ReferenceEquals(rev, Schedule.Revisions[^1]) ? "; the latest held" : "";
        var notHeld = Schedule.NotHeldOn(date) is { } u ? $"; {u.Name} of {u.EffectiveDate:yyyy-MM-dd} is not held" : "";
        return $"USITC HTS {Title(rev, Schedule)} (in force from {rev.EffectiveDate:yyyy-MM-dd}{latest}{notHeld}; {OriginOf(rev)})";
    }
}
