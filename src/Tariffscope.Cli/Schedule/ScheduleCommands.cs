using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Data.Hts;
using Tariffscope.Nomenclature;

namespace Tariffscope.Cli.Schedule;

/// <summary>The <c>schedule</c> branch: look up, search and follow the tariff schedule's lines.</summary>
public static class ScheduleCommands
{
    public static void Configure(IConfigurator<CommandSettings> schedule)
    {
        schedule.SetDescription("The tariff schedule (HTS): a line's rates, a search by description, a line's history");
        schedule.AddCommand<ScheduleShowCommand>("show")
            .WithDescription("A line of the schedule: its description path, rates (read and as printed), units, notes, Chapter 99 references and the revision it comes from")
            .WithExample("schedule", "show", "8471.30.01.00")
            .WithExample("schedule", "show", "9403.60.80", "--date", "2025-06-01", "--json");
        schedule.AddCommand<ScheduleSearchCommand>("search")
            .WithDescription("Lines whose description path holds the words given, best first")
            .WithExample("schedule", "search", "lithium-ion batteries")
            .WithExample("schedule", "search", "wine", "--limit", "5", "--json");
        schedule.AddCommand<ScheduleHistoryCommand>("history")
            .WithDescription("How a line's rates, units, text and Chapter 99 references changed from one imported revision to the next")
            .WithExample("schedule", "history", "8471.30.01.00")
            .WithExample("schedule", "history", "7318.15.20", "--json");
    }

    /// <summary>The schedule source (imported or built-in) and the revision in force on the date.</summary>
    internal static ScheduleQuestion Question(DataSettings settings) => new(ScheduleSource.Load(settings.ResolveDataDirectory()));

    internal static (ScheduleSource Source, ScheduleRevision Revision) RevisionOn(DataSettings settings, DateOnly date)
    {
        var source = ScheduleSource.Load(settings.ResolveDataDirectory());
        var revision = source.Schedule.On(date) ?? throw new UserInputException(
            $"no revision of the {source.Description} is in force on {date:yyyy-MM-dd}: the first takes effect on {source.Schedule.Revisions[0].EffectiveDate:yyyy-MM-dd}");
        return (source, revision);
    }

    internal static HtsCode ParseCode(string text) =>
        HtsCode.TryParse(text) ?? throw new UserInputException($"'{text}' is not an HTS code: expected 4 to 10 digits such as 8471.30.01.00");

    /// <summary>The line for a code, or an error that points at the lines under it, near it or replacing it.</summary>
    internal static ResolvedLine Resolve(ScheduleRevision revision, HtsCode code, string scheduleName, IEnumerable<ScheduleRevision>? earlier = null) =>
        revision.Resolve(code) ?? throw new UserInputException(MissingCode.Explain(revision, code, earlier).Message(scheduleName));
}
