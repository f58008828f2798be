using Tariffscope.Data.Hts;
using Tariffscope.Data.Trade;
using Tariffscope.Trade;

namespace Tariffscope.Questions.Trade;

public sealed record ValidateRequest
{
    /// <summary>The base year; the latest year held when not given.</summary>
    public int? Year { get; init; }
    /// <summary>Rate the whole year with the rules of this one date; every day of the year, averaged, when not given.</summary>
    public DateOnly? Date { get; init; }
    public string Importer { get; init; } = "US";
    public IReadOnlyList<string> Partners { get; init; } = [];
    public int Top { get; init; } = 15;
    public string Claim { get; init; } = "expected";
    public string Quantities { get; init; } = "estimate";
}

/// <summary>The answer of `tariffscope indicators validate --json`: computed duty against the duty collected.</summary>
public sealed record ValidationAnswer(string Schedule, string Method, ValidationReport Report, IReadOnlyList<ValidationRow> LargestChapterGaps, IReadOnlyList<string> Notes);

/// <summary>How far the engine's duty on the base year's flows is from the duty Census reports collected.</summary>
public sealed class ValidateQuestion(Rulebook rules, TradeData trade)
{
    /// <exception cref="NoTradeDataException">No flows are held for the question.</exception>
    public ValidationAnswer Ask(ValidateRequest r)
    {
        var w = rules.Workspace;
        var importer = r.Importer.Trim().ToUpperInvariant();
        var partners = r.Partners.Select(p => p.Trim().ToUpperInvariant()).ToList();
        var claims = ClaimBasis.Parse(r.Claim, w.ClaimShares);
        var unitValues = UnitValueFile.ForOption(r.Quantities);
        var flows = trade.Read(s => s.LatestYear(importer) is null ? [] : s.Read(importer, r.Year, partners));
        if (flows.Count == 0)
            throw new NoTradeDataException($"no trade flows of importer {importer} for partner(s) {string.Join(", ", partners)}; {TradeData.ImportHint}", storeMissing: false);
        var year = flows[0].Year;
        var (from, through) = r.Date is { } d ? (d, d) : (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var schedule = IndicatorSetup.ScheduleFor(w, importer, flows.Select(f => f.Code).Distinct());
        var notes = new List<string>();
        if (schedule.On(from) is null)
        {
            notes.Add($"no revision is in force on {from:yyyy-MM-dd}: the earliest one ({schedule.Revisions[0].Name}, from {schedule.Revisions[0].EffectiveDate:yyyy-MM-dd}) is read as the nearest schedule; codes renumbered since are not rated");
            schedule = IndicatorSchedules.Backdated(schedule, new DateOnly(year, 1, 1));
        }
        var report = DutyValidation.Run(IndicatorSetup.Rater(rules, Policy.ScenarioCatalog.Actual, importer, schedule), flows, from, through, claims, unitValues);
        var largest = report.Chapters.OrderByDescending(x => Math.Abs(x.Gap)).Take(r.Top).ToList();
        return new ValidationAnswer(importer == "US" ? w.UsSchedule.Description : importer, Method(report), report, largest, notes);
    }

    public static string Method(ValidationReport r) => r.From == r.Through
        ? $"rated with the rules of {r.From:yyyy-MM-dd} alone"
        : $"rated with the rules of every day from {r.From:yyyy-MM-dd} through {r.Through:yyyy-MM-dd}: each line's rate is the mean over {r.Segments.Length} spans of unchanged rules weighted by their days ({(r.Through.DayNumber - r.From.DayNumber + 1)} days), entries assumed spread evenly over the year";
}
