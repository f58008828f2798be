using System.Collections.Concurrent;
using Tariffscope.Controls;
using Tariffscope.Data.Controls;

namespace Tariffscope.Questions.Controls;

public sealed record ControlAnswerDoc(ControlOutcome Outcome, string OutcomeText, string Summary, string Scenario, ControlQuery Query,
    IReadOnlyList<RuleFinding> Rules, IReadOnlyList<SuspensionFinding> Suspensions, IReadOnlyList<UpcomingChange> WhatWouldChange,
    IReadOnlyList<string> Warnings)
{
    public static ControlAnswerDoc From(ControlAnswer a) =>
        new(a.Outcome, a.Outcome.Words(), a.Summary, a.Scenario, a.Query, a.Rules, a.Suspensions, a.WhatWouldChange, a.Warnings);
}

public sealed record ControlTimelineDoc(string Scenario, ControlQuery Query, DateOnly From, DateOnly To, IReadOnlyList<TimelineStep> Steps);
public sealed record ControlDeadlinesDoc(DateOnly From, int Days, string Scenario, IReadOnlyList<ControlDeadline> Deadlines);

/// <summary>
/// Export-control questions over the built-in control data: one shipment's answer, its timeline, the coming
/// deadlines. The screener of each scenario is built once and shared by every face.
/// </summary>
public sealed class ControlsQuestion
{
    /// <summary>The screeners of the shipped control data, one per scenario, built on first use.</summary>
    public static ControlsQuestion Shipped { get; } = new();

    private readonly ConcurrentDictionary<string, ControlScreener> _screeners = new(StringComparer.Ordinal);

    /// <summary>The screener for a scenario: a shipped name, or (on the command line) a scenario file.</summary>
    /// <exception cref="ControlScenarioException">No such scenario (or a file where files are not allowed).</exception>
    public ControlScreener Screener(string? scenario, bool allowFiles)
    {
        var name = string.IsNullOrWhiteSpace(scenario) ? ControlScenarios.Actual : scenario.Trim();
        bool shipped = name.Equals(ControlScenarios.Actual, StringComparison.OrdinalIgnoreCase)
            || ControlScenarios.BuiltInNames().Contains(name.ToLowerInvariant());
        if (!shipped && !allowFiles)
            throw new ControlScenarioException($"there is no shipped scenario '{scenario}'; expected actual or one of {string.Join(", ", ControlScenarios.BuiltInNames())}");
        if (!shipped) return new ControlScreener(ControlScenarios.Apply(ControlData.LoadBuiltIn(), name)); // a file may change between runs
        return _screeners.GetOrAdd(name.ToLowerInvariant(), n => new ControlScreener(ControlScenarios.Apply(ControlData.LoadBuiltIn(), n)));
    }

    public static ControlAnswerDoc Check(ControlScreener screener, ControlQuery query) => ControlAnswerDoc.From(screener.Check(query));

    public static ControlTimelineDoc Timeline(ControlScreener screener, ControlQuery query, DateOnly from, DateOnly to) =>
        to < from ? throw new ArgumentException($"to: {to:yyyy-MM-dd} is before from {from:yyyy-MM-dd}")
        : new(screener.Data.ScenarioName, query, from, to, screener.ControlTimeline(query, from, to));

    public static ControlDeadlinesDoc Deadlines(ControlScreener screener, DateOnly from, int days) =>
        new(from, days, screener.Data.ScenarioName, screener.ControlDeadlines(from, days));
}
