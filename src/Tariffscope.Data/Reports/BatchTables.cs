using System.Globalization;
using Tariffscope.Data.Entries;
using Tariffscope.Engine.Batch;

namespace Tariffscope.Data.Reports;

/// <summary>A titled table of text cells with a number per row to draw a bar from (the report's charts).</summary>
public sealed record ReportTable(string Title, string[] Header, List<string[]> Rows, List<decimal> Bars, int BarColumn = -1);

/// <summary>
/// The tables a batch summary is read through, shared by the terminal's Markdown and the HTML report: totals per
/// scenario, the difference and its drivers (measure family, HS chapter, origin), the largest lines, the rejects.
/// </summary>
public static class BatchTables
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    public const int TopGroups = 12;

    /// <summary>A path as the user would type it: relative to the current folder when it lies under it.</summary>
    public static string Shown(string path)
    {
        var full = Path.GetFullPath(path);
        var rel = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? full : rel;
    }

    public static string Money(decimal d) => (d < 0 ? "-$" : "$") + Math.Abs(d).ToString("#,##0.00", Inv);
    public static string Signed(decimal d) => (d > 0 ? "+" : "") + Money(d);
    public static string Pct(decimal fraction) => (fraction * 100m).ToString("0.00", Inv) + "%";
    public static string Count(long n) => n.ToString("#,##0", Inv);

    public static bool HasDifference(BatchSummary s) => s.Scenarios.Count > 1;
    public static string First(BatchSummary s) => s.Scenarios[0];
    public static string Last(BatchSummary s) => s.Scenarios[^1];

    public static ReportTable Totals(BatchSummary s)
    {
        var rows = new List<string[]>();
        var bars = new List<decimal>();
        for (int k = 0; k < s.Scenarios.Count; k++)
        {
            rows.Add([s.Scenarios[k], Money(s.Value), Money(s.Duty[k]), s.Value == 0 ? "–" : Pct(s.Duty[k] / s.Value)]);
            bars.Add(s.Duty[k]);
        }
        return new("Totals per scenario", ["scenario", "customs value", "duty", "effective rate"], rows, bars, 2);
    }

    public static ReportTable Families(BatchSummary s)
    {
        var diffs = s.FamilyDifferences().Where(d => d.First != 0 || d.Last != 0)
            .OrderByDescending(d => Math.Abs(d.Last - d.First)).ThenByDescending(d => d.Last).ToList();
        if (!HasDifference(s))
            return new("Duty by measure family", ["family", First(s)], diffs.Select(d => new[] { d.Title, Money(d.First) }).ToList(),
                diffs.Select(d => d.First).ToList(), 1);
        return new("Difference by measure family", ["family", First(s), Last(s), "difference"],
            diffs.Select(d => new[] { d.Title, Money(d.First), Money(d.Last), Signed(d.Last - d.First) }).ToList(),
            diffs.Select(d => d.Last - d.First).ToList(), 3);
    }

    public static ReportTable Groups(BatchSummary s, string title, string label, Dictionary<string, Bucket> groups, Func<string, string> name)
    {
        bool diff = HasDifference(s);
        var top = groups.OrderByDescending(g => diff ? Math.Abs(g.Value.Difference) : g.Value.Duty[0]).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var shown = top.Take(TopGroups).ToList();
        var rows = shown.Select(g => diff
            ? new[] { name(g.Key), Count(g.Value.Lines), Money(g.Value.Value), Money(g.Value.Duty[0]), Money(g.Value.Duty[^1]), Signed(g.Value.Difference) }
            : new[] { name(g.Key), Count(g.Value.Lines), Money(g.Value.Value), Money(g.Value.Duty[0]) }).ToList();
        if (top.Count > TopGroups)
        {
            var rest = top.Skip(TopGroups).Select(g => g.Value).ToList();
            decimal a = rest.Sum(b => b.Duty[0]), z = rest.Sum(b => b.Duty[^1]);
            rows.Add(diff
                ? [$"{top.Count - TopGroups} others", Count(rest.Sum(b => b.Lines)), Money(rest.Sum(b => b.Value)), Money(a), Money(z), Signed(z - a)]
                : [$"{top.Count - TopGroups} others", Count(rest.Sum(b => b.Lines)), Money(rest.Sum(b => b.Value)), Money(a)]);
        }
        var header = diff ? new[] { label, "lines", "customs value", First(s), Last(s), "difference" } : new[] { label, "lines", "customs value", First(s) };
        var bars = shown.Select(g => diff ? g.Value.Difference : g.Value.Duty[0]).ToList();
        return new(title + (top.Count > TopGroups ? $" (top {TopGroups} of {top.Count})" : ""), header, rows, bars, diff ? 5 : 3);
    }

    public static ReportTable Chapters(BatchSummary s) =>
        Groups(s, HasDifference(s) ? "Difference by HS chapter" : "Duty by HS chapter", "chapter", s.ByChapter, k => "ch. " + k);

    public static ReportTable Origins(BatchSummary s) =>
        Groups(s, HasDifference(s) ? "Difference by origin" : "Duty by origin", "origin", s.ByOrigin, k => k);

    public static ReportTable Largest(BatchSummary s)
    {
        bool diff = HasDifference(s);
        var header = new List<string> { "line", "code", "origin", "date", "customs value" };
        header.AddRange(s.Scenarios);
        if (diff) header.Add("difference");
        var rows = s.Top.Select(t =>
        {
            var r = new List<string> { Count(t.Line), t.Code, t.Origin, t.Date.ToString("yyyy-MM-dd", Inv), Money(t.Value) };
            r.AddRange(t.Duty.Select(Money));
            if (diff) r.Add(Signed(t.Difference));
            return r.ToArray();
        }).ToList();
        return new(diff ? "Largest lines (by difference)" : "Largest lines (by duty)", [.. header], rows,
            s.Top.Select(t => diff ? t.Difference : t.Duty[0]).ToList(), header.Count - 1);
    }

    public static ReportTable Rejects(BatchSummary s) =>
        new("Rejected lines by field", ["field", "scenario", "lines", "first line", "first reason"],
            s.RejectCounts.Select(r => new[] { r.Field, r.Scenario ?? "", Count(r.Count), Count(r.FirstLine), r.Example }).ToList(),
            s.RejectCounts.Select(r => (decimal)r.Count).ToList(), 2);

    public static string Accounting(BatchResult r) =>
        $"{Count(r.LinesRead)} input lines = {Count(r.RowsWritten)} rated + {Count(r.RejectsWritten)} rejected" +
        (r.IsAccounted ? " (every line accounted for)"
            : r.Uncovered is { } u ? $" — MISMATCH: {u} of the file belong to no line read (neither rated nor rejected)"
            : $" — MISMATCH: the summary counted {Count(r.Summary.InputLines)} in, {Count(r.Summary.Rated)} rated, {Count(r.Summary.Rejected)} rejected")
        + (r.Summary.PartlyRated > 0 ? $"; {Count(r.Summary.PartlyRated)} of the rated lines (value {Money(r.Summary.PartlyRatedValue)}) are partly rated: their base rate needs a quantity, so their duty counts the ad valorem layers and only part of the base" : "");

    public static string Difference(BatchSummary s)
    {
        if (!HasDifference(s)) return "";
        var d = s.Duty[^1] - s.Duty[0];
        var pts = s.Value == 0 ? "" : $", {(d / s.Value * 100m).ToString("+0.00;-0.00;0.00", Inv)} points of effective rate";
        var rel = s.Duty[0] == 0 ? "" : $", {(d / s.Duty[0] * 100m).ToString("+0.0;-0.0;0.0", Inv)}%";
        return $"{Last(s)} − {First(s)}: {Signed(d)}{rel}{pts}";
    }

    public static IEnumerable<ReportTable> All(BatchSummary s)
    {
        yield return Totals(s);
        yield return Families(s);
        yield return Chapters(s);
        yield return Origins(s);
        yield return Largest(s);
        if (s.Rejected > 0) yield return Rejects(s);
    }
}
