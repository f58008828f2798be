using Tariffscope.Data;
using Tariffscope.Data.Trade;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Trade;

namespace Tariffscope.Questions.Trade;

/// <summary>Builds what an indicator computation needs from a workspace: a schedule cut to the traded codes, and a
/// rater per scenario over it.</summary>
public static class IndicatorSetup
{
    /// <summary>The importer's schedule holding only <paramref name="codes"/> (the full sample when nothing is imported).</summary>
    public static Schedule ScheduleFor(Workspace w, string importer, IEnumerable<HtsCode> codes) =>
        importer.Equals("US", StringComparison.OrdinalIgnoreCase) ? IndicatorSchedules.For(w.UsSchedule, codes)
        : w.Schedules.TryGetValue(importer, out var s) ? s
        : throw new ArgumentException($"no tariff schedule is loaded for importer {importer}");

    /// <summary>A rater under <paramref name="scenario"/> whose engine reads <paramref name="schedule"/> for the importer.</summary>
    public static LineRater Rater(Rulebook rules, string scenario, string importer, Schedule schedule, string? scheduleDescription = null) =>
        Rater(rules, rules.Catalog.Resolve(scenario), importer, schedule, scheduleDescription);

    /// <summary>A rater under a policy already resolved (the one a cache key was made from).</summary>
    public static LineRater Rater(Rulebook rules, Tariffscope.Policy.PolicySet policy, string importer, Schedule schedule, string? scheduleDescription = null)
    {
        var w = rules.Workspace;
        var schedules = new Dictionary<string, Schedule>(w.Schedules, StringComparer.Ordinal) { [importer] = schedule };
        var engine = new TariffEngine(schedules, policy, scheduleDescription ?? w.UsSchedule.Description);
        return new LineRater(engine, schedule, importer);
    }
}
