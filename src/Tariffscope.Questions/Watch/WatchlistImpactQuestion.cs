using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;
using Tariffscope.Questions.Feeds;

namespace Tariffscope.Questions.Watch;

public sealed record WatchlistImpactRequest(Watchlist Watchlist, DateOnly From, int Days = 180, string Scenario = ScenarioCatalog.Actual);

/// <summary>What one event does to one watched line: the duty the day before and on the day, at the plan's value.
/// Events of one day share that day's before and after: the duty moves once a day, whichever rule moves it.</summary>
public sealed record LineImpact(string Code, string Origin, decimal Value, decimal DutyBefore, decimal DutyAfter, string? NotRated = null)
{
    public decimal Change => DutyAfter - DutyBefore;
}

public sealed record EventImpact(string Id, PolicyEvent Event, decimal DutyBefore, decimal DutyAfter, IReadOnlyList<LineImpact> Lines)
{
    public decimal Change => DutyAfter - DutyBefore;
}

/// <summary>The plan value is the customs value of every (line, origin) pair watched.</summary>
public sealed record WatchlistImpactAnswer(string Watchlist, string Scenario, DateOnly From, int Days, decimal PlanValue, IReadOnlyList<EventImpact> Events);

/// <summary>
/// For each coming event that can touch a watchlist: the duty on its planned imports the day before and on the
/// day, each line quoted by the engine. Lines without a plan value, or that are prefixes rather than rateable
/// lines, are listed as not rated with the engine's reason, never priced at a guess.
/// </summary>
public sealed class WatchlistImpactQuestion(Rulebook rules)
{
    public WatchlistImpactAnswer Ask(WatchlistImpactRequest r)
    {
        var engine = rules.Engine(r.Scenario);
        var policy = engine.Policy;
        var w = r.Watchlist;
        var events = PolicyEvents.Deadlines(policy, r.From, r.Days, w.Importer).Where(e => w.Touches(policy, e)).ToList();
        var result = new List<EventImpact>();
        foreach (var e in events)
        {
            var lines = new List<LineImpact>();
            foreach (var (line, origin) in w.Pairs())
            {
                if (!PolicyEvents.Covers(policy, e.Origins, origin, e.Date) || !EventFeed.Touches(policy, e, line.Code)) continue;
                if (line.Value is not { } value) { lines.Add(new(line.Code, origin, 0, 0, 0, "no plan value")); continue; }
                try
                {
                    decimal Duty(DateOnly d) => engine.Quote(new EntryLine { Code = HtsCode.Parse(line.Code), Origin = origin, Date = d, CustomsValue = value, Importer = w.Importer }, QuoteDetail.Amounts).Total;
                    lines.Add(new(line.Code, origin, value, Duty(e.Date.AddDays(-1)), Duty(e.Date)));
                }
                catch (RatingException x) { lines.Add(new(line.Code, origin, value, 0, 0, x.Message)); }
            }
            var rated = lines.Where(l => l.NotRated is null).ToList();
            result.Add(new(EventFeed.Id(e), e, rated.Sum(l => l.DutyBefore), rated.Sum(l => l.DutyAfter), lines));
        }
        return new(w.Name, policy.Name, r.From, r.Days, w.Pairs().Sum(p => p.Line.Value ?? 0), result);
    }
}
