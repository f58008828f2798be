using Tariffscope.Engine;
using Tariffscope.Policy;
using Tariffscope.Questions.Trade;
using Tariffscope.Trade;

namespace Tariffscope.Questions.Scenarios;

public sealed record ScenarioDiffRequest(string A, string B)
{
    public DateOnly? Date { get; init; }
    public string Importer { get; init; } = "US";
    /// <summary>The origin compared; CN by default (US when China is the importer).</summary>
    public string? Origin { get; init; }
    public int Limit { get; init; } = 25;
    public string Claim { get; init; } = "expected";
    public DateOnly? AsKnownOn { get; init; }
}

public sealed record LineDiffDoc(string Code, string Description, decimal RateA, decimal RateB, decimal Difference, IReadOnlyList<string> Measures, decimal? TradeValue, decimal? DutyAtStake);
public sealed record MeasureDiffDoc(string Measure, string Title, int Lines, decimal AverageDifference, decimal? DutyAtStake);

/// <summary>Where two scenarios disagree on a date, largest first (in dollars at stake when base-year trade is held).</summary>
public sealed record ScenarioDiffAnswer(
    string A, string B, DateOnly Date, string Origin, string Importer, ClaimSummary Claims, bool Weighed,
    int LinesCompared, int LinesNotRated, int LinesDiffering, IReadOnlyList<LineDiffDoc> Lines, IReadOnlyList<MeasureDiffDoc> ByMeasure,
    IReadOnlyList<string> Notes);

/// <summary>
/// One rule for which lines count: with base-year trade held, the lines traded from the origin weighed by value (a
/// 10-digit code the revision lacks at its 8-digit line); else every leaf line outside Chapters 98–99, unweighted.
/// </summary>
public sealed class ScenarioDiffQuestion(Rulebook rules, TradeData trade)
{
    public ScenarioDiffAnswer Ask(ScenarioDiffRequest r, CancellationToken ct = default)
    {
        var importer = r.Importer.Trim().ToUpperInvariant();
        var date = r.Date ?? rules.Today.Date;
        var ea = rules.Engine(r.A, r.AsKnownOn);
        var eb = rules.Engine(r.B, r.AsKnownOn);
        var origin = Policy.Origin.Resolve(ea.Policy, r.Origin ?? (importer == "CN" ? "US" : "CN"));
        if (!rules.Workspace.Schedules.TryGetValue(importer, out var schedule))
            throw new ArgumentException($"importer: no tariff schedule is loaded for importer {importer} (US or CN)");
        var revision = schedule.On(date) ?? throw new ArgumentException($"date: no {importer} schedule revision is in force on {date:yyyy-MM-dd}");
        var flows = importer == "US" ? trade.LatestFlows(importer) : null;
        var lines = TradeExposure.DiffLines(revision, origin.Asked, flows).Select(l => (l.Code, origin.RatedAs, l.Trade));
        var d = ScenarioDiffs.Compare(ea, eb, date, Cancellable(lines, ct), importer, ClaimBasis.Parse(r.Claim, rules.Workspace.ClaimShares));
        return new ScenarioDiffAnswer(d.A, d.B, d.Date, origin.Asked, importer, d.Claims, flows is not null,
            d.LinesCompared, d.LinesNotRated, d.Lines.Length,
            d.Lines.Take(r.Limit).Select(l => new LineDiffDoc(l.Code.ToString(), l.Description, Math.Round(l.RateA, 6), Math.Round(l.RateB, 6), Math.Round(l.Difference, 6), l.Measures,
                l.TradeValue, l.DutyAtStake is { } x ? Math.Round(x, 2) : null)).ToList(),
            d.ByMeasure.Select(m => new MeasureDiffDoc(m.MeasureId, m.Title, m.Lines, Math.Round(m.AverageDifference, 6), m.DutyAtStake is { } x ? Math.Round(x, 2) : null)).ToList(),
            origin.Note is { } n ? [n] : []);
    }

    private static IEnumerable<T> Cancellable<T>(IEnumerable<T> lines, CancellationToken ct)
    {
        foreach (var l in lines)
        {
            ct.ThrowIfCancellationRequested();
            yield return l;
        }
    }
}
