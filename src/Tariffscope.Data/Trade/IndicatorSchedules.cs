using Tariffscope.Data.Hts;
using Tariffscope.Nomenclature;

namespace Tariffscope.Data.Trade;

/// <summary>
/// The schedule indicators rate against: the imported HTS revisions holding only the codes of the trade flows (and
/// their 8-digit lines and ancestors), read one file at a time, so forty revisions cost a few hundred megabytes of
/// reading once and little memory after; or the built-in sample when nothing is imported.
/// </summary>
public static class IndicatorSchedules
{
    public static Schedule For(ScheduleSource source, IEnumerable<HtsCode> codes)
    {
        if (source.IsBuiltIn || source.Files.Count == 0) return source.Schedule;
        return ScheduleLoader.Slice(source.Files, WithEightDigitLines(codes));
    }

    /// <summary>The same revisions from files the caller names (tests read the shared HTS exports this way).</summary>
    public static Schedule For(IEnumerable<RevisionFile> files, IEnumerable<HtsCode> codes) =>
        ScheduleLoader.Slice(files, WithEightDigitLines(codes));

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
