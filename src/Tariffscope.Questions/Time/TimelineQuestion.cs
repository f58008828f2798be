using Tariffscope.Engine;

namespace Tariffscope.Questions.Time;

public sealed record StepDoc(DateOnly Date, decimal? RateBefore, decimal RateAfter, decimal Total, IReadOnlyList<string> Causes, IReadOnlyList<QuoteDocument.LayerDoc> Layers);
public sealed record SeriesDoc(string Scenario, IReadOnlyList<StepDoc> Steps);
/// <summary>The answer of `tariffscope timeline --json` and of <c>GET /api/v1/timeline</c>: one line's duty over time per scenario.</summary>
public sealed record TimelineDoc(string Code, string Description, string Origin, string Importer, decimal CustomsValue, DateOnly From, DateOnly To, IReadOnlyList<SeriesDoc> Series);

/// <summary>One line over a span of dates: its duty on every day the rules or the schedule change.</summary>
public sealed record TimelineRequest(Quotes.QuoteRequest Line, DateOnly From, DateOnly To)
{
    public IReadOnlyList<string> Scenarios { get; init; } = [Policy.ScenarioCatalog.Actual];
}

public sealed class TimelineQuestion(Rulebook rules)
{
    public const int MaxScenarios = 6;

    public TimelineDoc Ask(TimelineRequest r)
    {
        if (r.To < r.From) throw new ArgumentException($"to: must not be before from ({r.From:yyyy-MM-dd})");
        if (r.To.DayNumber - r.From.DayNumber > 366 * 20) throw new ArgumentException("to: a timeline spans at most 20 years");
        if (r.Scenarios.Count is 0 or > MaxScenarios) throw new ArgumentException($"scenarios: name 1 to {MaxScenarios} scenarios (found {r.Scenarios.Count})");
        var (template, origin) = Quotes.QuoteQuestion.Entry(rules, r.Line with { Date = r.From });
        var revisionDates = rules.Workspace.Schedules.TryGetValue(template.Importer, out var sch) ? sch.Revisions.Select(x => x.EffectiveDate).ToList() : [];
        var series = new List<SeriesDoc>();
        string? description = null;
        foreach (var name in r.Scenarios)
        {
            var t = RateTimelines.Build(rules.Engine(name, r.Line.AsKnownOn), template, r.From, r.To, revisionDates);
            series.Add(new SeriesDoc(t.Scenario, t.Steps.Select(Step).ToList()));
            description ??= t.Steps.FirstOrDefault()?.Quote.Description;
        }
        return new TimelineDoc(template.Code.ToString(), description ?? "", origin.Asked, template.Importer, template.CustomsValue, r.From, r.To, series);
    }

    private static StepDoc Step(TimelineStep s)
    {
        var doc = QuoteDocument.From(s.Quote);
        return new StepDoc(s.Date, s.RateBefore is { } b ? Math.Round(b, 6) : null, Math.Round(s.RateAfter, 6), doc.TotalDuty, s.Causes, doc.Layers);
    }
}
