using Tariffscope.Nomenclature;

namespace Tariffscope.Data.Hts;

/// <summary>A USITC export on disk and the revision it is: its name and the date it takes effect.</summary>
/// <param name="CachePath">Where a binary copy of its lines is kept (<see cref="RevisionCache"/>); null reads the
/// JSON every time (files outside a data directory are never written beside).</param>
public sealed record RevisionFile(string Path, string Name, DateOnly EffectiveDate, string? Source = null, string? CachePath = null)
{
    public string SourceText => Source ?? $"USITC HTS export {System.IO.Path.GetFileName(Path)}";

    /// <summary>The export's lines, from its binary copy when it has a current one.</summary>
    public IReadOnlyList<TariffLine> ReadLines(RevisionPool? pool = null) =>
        CachePath is null ? HtsJsonReader.Read(Path).Lines : RevisionCache.Read(Path, CachePath, pool);
}

/// <summary>A schedule read from a folder, and the files it left out (with why).</summary>
public sealed record FolderSchedule(Schedule Schedule, IReadOnlyList<RevisionFile> Files, IReadOnlyList<string> Skipped);

/// <summary>
/// Builds a <see cref="Schedule"/> from USITC exports. Revisions are lazy: a schedule of forty revisions costs
/// only a directory listing until a query touches one (about 0.2 s and 20 MB each), so quoting on one date reads
/// one file. History across many revisions reads each file in turn and keeps only the lines asked for
/// (<see cref="Slice"/>), so it never holds forty full revisions in memory.
/// </summary>
public static class ScheduleLoader
{
    /// <summary>A revision read now.</summary>
    public static ScheduleRevision Load(RevisionFile file) =>
        new(file.Name, file.EffectiveDate, file.SourceText, file.ReadLines());

    /// <summary>A revision read on first use.</summary>
    public static ScheduleRevision Lazy(RevisionFile file, RevisionPool? pool = null) =>
        new(file.Name, file.EffectiveDate, file.SourceText, () => file.ReadLines(pool));

    /// <summary>A schedule of files with names and dates the caller gives; each is read on first use.</summary>
    public static Schedule FromFiles(IEnumerable<RevisionFile> files)
    {
        var list = files.ToList();
        var sameDay = list.GroupBy(f => f.EffectiveDate).FirstOrDefault(g => g.Count() > 1);
        if (sameDay is not null)
            throw new ArgumentException($"revisions {string.Join(" and ", sameDay.Select(f => f.Name))} both take effect on {sameDay.Key:yyyy-MM-dd}: a date can have one revision in force");
        foreach (var f in list)
            if (!File.Exists(f.Path)) throw new FileNotFoundException($"revision {f.Name}: file '{f.Path}' is missing", f.Path);
        var pool = new RevisionPool(); // revisions read later share the strings of those read before
        return new Schedule(list.Select(f => Lazy(f, pool)));
    }

    /// <summary>
    /// The exports in <paramref name="folder"/> (hts_2025_rev_17.json.gz and the like) dated by
    /// <paramref name="dates"/>. A file whose revision the list does not date is left out and named in
    /// <see cref="FolderSchedule.Skipped"/>, never guessed.
    /// </summary>
    public static FolderSchedule FromFolder(string folder, RevisionDates dates)
    {
        var files = new List<RevisionFile>();
        var skipped = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (RevisionNames.FromFileName(name) is null) continue; // not an export (e.g. the revisions list itself)
            if (dates.ForFile(name) is { } d) files.Add(new RevisionFile(path, d.Name, d.EffectiveDate));
            else skipped.Add($"{name}: {dates.FileName} gives no date for {RevisionNames.FromFileName(name)}");
        }
        if (files.Count == 0)
            throw new FileNotFoundException($"no USITC export in '{folder}' is dated by {dates.FileName} (expected files named like hts_2025_rev_17.json.gz)");
        return new FolderSchedule(FromFiles(files), files, skipped);
    }

    /// <summary>
    /// The same revisions holding only <paramref name="codes"/> and their ancestors: enough for
    /// <see cref="Schedule.History"/> and <see cref="ScheduleRevision.Resolve"/> of those codes. Files are read
    /// one at a time (two at once on a machine with more cores) and let go.
    /// </summary>
    public static Schedule Slice(IEnumerable<RevisionFile> files, IReadOnlyCollection<HtsCode> codes)
    {
        var list = files.ToList();
        var wanted = codes.Select(c => c.Digits).ToHashSet(StringComparer.Ordinal);
        var revisions = new ScheduleRevision[list.Count];
        var pool = new RevisionPool();
        Parallel.For(0, list.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount / 2, 1, 4) }, i =>
        {
            var f = list[i];
            var keep = new List<TariffLine>();
            foreach (var line in f.ReadLines(pool))
                if (wanted.Contains(line.Code.Digits))
                    foreach (var l in line.Ancestors().Reverse().Append(line))
                        if (!keep.Contains(l)) keep.Add(l);
            revisions[i] = new ScheduleRevision(f.Name, f.EffectiveDate, f.SourceText, keep);
        });
        return new Schedule(revisions);
    }
}
