using System.Text;
using Tariffscope.Data.Entries;
using Tariffscope.Data.Reports;

namespace Tariffscope.Cli.Batch;

/// <summary>The batch summary as Markdown for the terminal (pastes into an issue or an e-mail as it is).</summary>
internal static class BatchMarkdown
{
    private const int BarWidth = 20;

    public static string Render(BatchResult r, string input, string? report)
    {
        var s = r.Summary;
        var sb = new StringBuilder();
        sb.AppendLine($"# Batch rating of {Path.GetFileName(input)}");
        sb.AppendLine();
        sb.AppendLine($"- input: {input} ({r.InputFormat}, {r.InputColumns.Count} columns)");
        sb.AppendLine($"- output: {Shown(r.OutputPath)}");
        sb.AppendLine($"- rejects: {Shown(r.RejectsPath)}");
        if (report is not null) sb.AppendLine($"- report: {Shown(report)}");
        sb.AppendLine($"- lines: {BatchTables.Accounting(r)}");
        var secs = Math.Max(r.Elapsed.TotalSeconds, 1e-6);
        sb.AppendLine($"- time: {r.Elapsed.TotalSeconds:0.00} s ({BatchTables.Count((long)(r.LinesRead / secs))} lines/s)");
        if (BatchTables.HasDifference(s)) sb.AppendLine($"- difference: {BatchTables.Difference(s)}");
        foreach (var t in BatchTables.All(s))
        {
            sb.AppendLine();
            sb.AppendLine($"## {t.Title}");
            sb.AppendLine();
            Table(sb, t);
        }
        return sb.ToString();
    }

    internal static string Shown(string path) => BatchTables.Shown(path);

    private static void Table(StringBuilder sb, ReportTable t)
    {
        bool bars = t.BarColumn >= 0 && t.Bars.Count > 0 && t.Bars.Any(b => b != 0);
        var max = bars ? t.Bars.Max(Math.Abs) : 0m;
        var header = bars ? t.Header.Append("").ToArray() : t.Header;
        sb.AppendLine("| " + string.Join(" | ", header.Select(Escape)) + " |");
        sb.AppendLine("|" + string.Join("|", header.Select((_, i) => i == 0 ? "---" : "---:")) + "|");
        for (int i = 0; i < t.Rows.Count; i++)
        {
            var cells = t.Rows[i].Select(Escape).ToList();
            if (bars) cells.Add(i < t.Bars.Count ? Bar(t.Bars[i], max) : "");
            sb.AppendLine("| " + string.Join(" | ", cells) + " |");
        }
    }

    /// <summary>A bar of block characters, its length proportional to |value| (a minus sign for a decrease).</summary>
    private static string Bar(decimal v, decimal max)
    {
        if (max == 0 || v == 0) return "";
        var eighths = (int)Math.Round(Math.Abs(v) / max * BarWidth * 8);
        var s = new string('█', eighths / 8) + (eighths % 8 > 0 ? "▏▎▍▌▋▊▉"[eighths % 8 - 1].ToString() : "");
        return (v < 0 ? "−" : "") + s;
    }

    private static string Escape(string s) => s.Replace("|", "\\|");
}
