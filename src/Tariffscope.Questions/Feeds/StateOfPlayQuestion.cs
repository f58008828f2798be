using Tariffscope.Duties;
using Tariffscope.Engine;
using Tariffscope.Policy;

namespace Tariffscope.Questions.Feeds;

public sealed record StateOfPlayRequest(DateOnly Date, IReadOnlyList<string> Partners, int Deadlines = 12, int ChangedDays = 90, string Importer = "US");

/// <summary>A measure in force on a partner's goods today: its rate, less any partial suspension in force.</summary>
public sealed record RuleInForce(string Measure, string Title, string Rate, bool AllProducts, string? Suspension, string Source);
public sealed record PartnerRules(string Partner, IReadOnlyList<RuleInForce> Rules);
public sealed record PlayEvent(string Id, DateOnly Date, int DaysAway, DateOnly Published, string Importer, string Title, string What, string Source);
public sealed record StateOfPlayAnswer(DateOnly Date, string Importer, DateOnly Horizon, IReadOnlyList<PartnerRules> Partners,
    IReadOnlyList<PlayEvent> Next, IReadOnlyList<PlayEvent> LastChanged);

/// <summary>
/// The state of play on a day: for each main partner, the measures that charge its goods (country-wide ones first,
/// with the rate left after a partial suspension); the next deadlines; the rules published most recently.
/// </summary>
public sealed class StateOfPlayQuestion(Rulebook rules)
{
    public static readonly string[] MainPartners = ["CN", "MX", "CA", "DE", "JP", "VN", "IN", "KR"];

    public StateOfPlayAnswer Ask(StateOfPlayRequest r)
    {
        var policy = rules.Catalog.ActualPolicy;
        PlayEvent Doc(PolicyEvent e) => new(EventFeed.Id(e), e.Date, e.Date.DayNumber - r.Date.DayNumber, e.Published, e.Importer, e.Title, e.What, e.Source.Instrument);
        var partners = r.Partners.Select(p => new PartnerRules(p, InForce(policy, r.Importer, p, r.Date))).ToList();
        // The next deadlines that reach one of the partners (any importer's: China's own measures count too).
        var next = PolicyEvents.Deadlines(policy, r.Date, 3660)
            .Where(e => r.Partners.Any(p => PolicyEvents.Covers(policy, e.Origins, p, e.Date)))
            // a truce that an extension takes over the same day changes nothing: its new start says it all
            .Where(e => !(e.Kind == EventKind.SuspensionEnds && e.What.Contains("an extension takes over", StringComparison.Ordinal)))
            .Take(r.Deadlines).Select(Doc).ToList();
        var last = PolicyEvents.All(policy).Where(e => e.Published <= r.Date && e.Published > r.Date.AddDays(-r.ChangedDays))
            .OrderByDescending(e => e.Published).ThenBy(e => e.Date).Take(r.Deadlines).Select(Doc).ToList();
        return new(r.Date, r.Importer, policy.Horizon, partners, next, last);
    }

    private static List<RuleInForce> InForce(PolicySet policy, string importer, string origin, DateOnly date)
    {
        var list = new List<RuleInForce>();
        foreach (var m in policy.Measures.Where(m => m.Importer == importer))
        {
            if (m.RateOn(date) is not { } period || !PolicyEvents.Covers(policy, m.Origins, origin, date)) continue;
            var active = policy.Suspensions.Where(s => s.MeasureId == m.Id && s.Validity.Contains(date)).ToList();
            if (active.Any(s => s.IsFull)) continue;
            var rate = period.Rate;
            string? suspended = null;
            if (active.FirstOrDefault() is { } s && rate is AdValoremDuty adv)
            {
                suspended = $"{s.Title ?? s.Id}: {s.Points!.Value * 100m:0.##} points suspended" + (s.Validity.Through is { } t ? $" through {t:yyyy-MM-dd}" : "");
                rate = new AdValoremDuty(Math.Max(0, adv.Rate - s.Points.Value));
            }
            bool all = m.Products.Include.Any(t => t.IsAll);
            list.Add(new(m.Id, m.Title, m.Kind == MeasureKind.Floor ? $"{rate} including MFN" : rate.ToString()!, all, suspended, m.Source.Instrument));
        }
        return list.OrderByDescending(x => x.AllProducts).ThenBy(x => x.Title, StringComparer.Ordinal).ToList();
    }
}
