using Tariffscope.Data.Hts;
using Tariffscope.Nomenclature;

namespace Tariffscope.Data.Trade;

/// <summary>
/// The schedule indicators rate against: the imported HTS revisions holding only the codes of the trade flows (and
/// their 8-digit lines and ancestors), read one file at a time, so forty revisions cost a few hundred megabytes of
/// reading once and little memory after; or the schedule as loaded when built-in revisions take part (the record's
/// revisions share their lines, so they cost little whole).
/// </summary>
public static class IndicatorSchedules
{
    public static Schedule For(ScheduleSource source, IEnumerable<HtsCode> codes)
    {
        if (!source.AllFromFiles) return source.Schedule;
        return new Schedule(Slice(source.Files, codes).Revisions) { NotHeld = source.Schedule.NotHeld };
    }

    /// <summary>The same revisions from files the caller names (tests read the shared HTS exports this way).</summary>
    public static Schedule For(IEnumerable<RevisionFile> files, IEnumerable<HtsCode> codes) => Slice(files.ToList(), codes);

    /// <summary>
    /// Each revision read once and cut to the wanted codes with their ancestors (kept in schedule order, so the
    /// code tree stays whole). Files are read two at a time: each costs a fraction of a second and ~20 MB while read.
    /// </summary>
    private static Schedule Slice(IReadOnlyList<RevisionFile> files, IEnumerable<HtsCode> codes)
    {
        var wanted = WithEightDigitLines(codes).Select(c => c.Digits).ToHashSet(StringComparer.Ordinal);
        var revisions = new ScheduleRevision[files.Count];
        var pool = new RevisionPool();
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 1, 4) }, i =>
        {
            var f = files[i];
            var lines = f.ReadLines(pool);
            var keep = new HashSet<TariffLine>(ReferenceEqualityComparer.Instance);
            foreach (var line in lines)
                if (wanted.Contains(line.Code.Digits))
                    for (var l = line; l is not null && keep.Add(l); l = l.Parent) { }
            revisions[i] = new ScheduleRevision(f.Name, f.EffectiveDate, f.SourceText, lines.Where(keep.Contains).ToList());
        });
        return new Schedule(revisions);
    }

    /// <summary>
    /// A schedule for a year before the first revision: <paramref name="nearest"/> read as if in force from
    /// <paramref name="from"/>. Validating base-year duty with a later edition is an approximation the caller
    /// must state (lines renumbered since then are reported as unknown).
    /// </summary>
    public static Schedule Backdated(Schedule schedule, DateOnly from)
    {
        var nearest = schedule.Revisions[0];
        return new Schedule([new ScheduleRevision(nearest.Name, from, $"{nearest.Source}, read as in force from {from:yyyy-MM-dd}", nearest.Lines, nearest.Importer)]);
    }

    private static List<HtsCode> WithEightDigitLines(IEnumerable<HtsCode> codes) =>
        codes.SelectMany(c => c.Length == 10 ? new[] { c, HtsCode.Parse(c.Digits[..8]) } : [c]).Distinct().ToList();
}
