using Tariffscope.Data.Entries;

namespace Tariffscope.Cli.Batch;

/// <summary>The JSON shape of a batch run (<c>tariffscope rate --json</c>).</summary>
public sealed record BatchDocument(
    string Output, string Rejects, string? Report, string InputFormat, long InputLines, long Rated, long Rejected, bool Accounted,
    double Seconds, decimal CustomsValue, IReadOnlyList<BatchDocument.ScenarioTotal> Scenarios,
    IReadOnlyList<BatchDocument.FamilyTotal> Families, IReadOnlyList<BatchDocument.Group> Chapters, IReadOnlyList<BatchDocument.Group> Origins,
    IReadOnlyList<BatchDocument.LargeLine> Largest, IReadOnlyList<BatchDocument.RejectGroup> RejectReasons, string? UnaccountedLines = null)
{
    /// <summary>How claims were taken (as entered, or expected for lines without a programme).</summary>
    public Tariffscope.Trade.ClaimSummary? Claims { get; init; }
    /// <summary>Bytes allocated while rating, per input line (a measure of the hot path's garbage).</summary>
    public double AllocatedBytesPerLine { get; init; }
    /// <summary>Cells of the compiled rules planned and carried over (null when every line was quoted).</summary>
    public PanelUse? Panel { get; init; }

    public sealed record ScenarioTotal(string Name, decimal Duty, decimal EffectiveRate);
    public sealed record FamilyTotal(string Family, string Title, decimal Baseline, decimal Last, decimal Difference);
    public sealed record Group(string Key, long Lines, decimal CustomsValue, IReadOnlyList<decimal> Duty, decimal Difference);
    public sealed record LargeLine(long Line, string Code, string Origin, DateOnly Date, decimal CustomsValue, IReadOnlyList<decimal> Duty, decimal Difference);
    public sealed record RejectGroup(string Field, string? Scenario, long Lines, long FirstLine, string FirstReason);

    public static BatchDocument From(BatchResult r, string? report)
    {
        var s = r.Summary;
        return new(r.OutputPath, r.RejectsPath, report is null ? null : Path.GetFullPath(report), r.InputFormat, r.LinesRead, r.RowsWritten, r.RejectsWritten,
            r.IsAccounted, Math.Round(r.Elapsed.TotalSeconds, 3), s.Value,
            s.Scenarios.Select((n, k) => new ScenarioTotal(n, s.Duty[k], s.Value == 0 ? 0 : Math.Round(s.Duty[k] / s.Value, 6))).ToList(),
            s.FamilyDifferences().Where(f => f.First != 0 || f.Last != 0).Select(f => new FamilyTotal(f.Family, f.Title, f.First, f.Last, f.Last - f.First)).ToList(),
            s.ByChapter.OrderBy(g => g.Key).Select(g => new Group(g.Key, g.Value.Lines, g.Value.Value, g.Value.Duty, g.Value.Difference)).ToList(),
            s.ByOrigin.OrderBy(g => g.Key).Select(g => new Group(g.Key, g.Value.Lines, g.Value.Value, g.Value.Duty, g.Value.Difference)).ToList(),
            s.Top.Select(t => new LargeLine(t.Line, t.Code, t.Origin, t.Date, t.Value, t.Duty, t.Difference)).ToList(),
            s.RejectCounts.Select(x => new RejectGroup(x.Field, x.Scenario, x.Count, x.FirstLine, x.Example)).ToList(),
            r.Uncovered) { Claims = r.Claims, AllocatedBytesPerLine = r.LinesRead == 0 ? 0 : Math.Round((double)r.AllocatedBytes / r.LinesRead, 1), Panel = r.Panel };
    }
}
