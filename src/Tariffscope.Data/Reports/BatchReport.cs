using System.Globalization;
using System.Net;
using System.Text;
using Tariffscope.Data.Entries;

namespace Tariffscope.Data.Reports;

/// <summary>
/// A self-contained HTML report of a batch: the same tables as the terminal summary, each with a bar chart drawn
/// as inline SVG (no script, no external file), so it opens anywhere and can be mailed as one file.
/// </summary>
public static class BatchReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="shown">How a file is named in the report (default: as the user would type its path; a server
    /// names only the file, never its own folders).</param>
    public static string Render(BatchResult r, string input, Func<string, string>? shown = null)
    {
        var s = r.Summary;
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tariffscope batch: ")
          .Append(H(Path.GetFileName(input))).Append("</title><style>")
          .Append("body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}")
          .Append("table{border-collapse:collapse;margin:.5em 0 1em}td,th{padding:3px 10px;border-bottom:1px solid #ddd;text-align:right}")
          .Append("td:first-child,th:first-child{text-align:left}th{background:#f4f4f4}h2{margin-top:1.6em;border-bottom:2px solid #335}")
          .Append(".ok{color:#176f2c}.bad{color:#b00020;font-weight:bold}svg{display:block;margin:.3em 0}.meta{color:#555}")
          .Append("</style></head><body>");
        sb.Append("<h1>Batch rating of ").Append(H(Path.GetFileName(input))).Append("</h1><ul class=\"meta\">");
        sb.Append("<li>input: ").Append(H(input)).Append(" (").Append(H(r.InputFormat)).Append(")</li>");
        shown ??= BatchTables.Shown;
        sb.Append("<li>output: ").Append(H(shown(r.OutputPath))).Append("</li><li>rejects: ").Append(H(shown(r.RejectsPath))).Append("</li>");
        sb.Append("<li>scenarios: ").Append(H(string.Join(", ", s.Scenarios))).Append("</li>");
        sb.Append("<li class=\"").Append(r.IsAccounted ? "ok" : "bad").Append("\">lines: ").Append(H(BatchTables.Accounting(r))).Append("</li>");
        if (BatchTables.HasDifference(s)) sb.Append("<li><b>difference: ").Append(H(BatchTables.Difference(s))).Append("</b></li>");
        sb.Append("</ul>");
        foreach (var t in BatchTables.All(s))
        {
            sb.Append("<h2>").Append(H(t.Title)).Append("</h2>");
            if (t.BarColumn >= 0 && t.Bars.Any(b => b != 0)) Chart(sb, t);
            Table(sb, t);
        }
        sb.Append("<p class=\"meta\">Amounts in US dollars, rounded to the cent per duty layer as customs rounds. Differences are ")
          .Append(H(BatchTables.HasDifference(s) ? $"{BatchTables.Last(s)} minus {BatchTables.First(s)}" : "not shown (one scenario)"))
          .Append(".</p></body></html>");
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, ReportTable t)
    {
        sb.Append("<table><thead><tr>");
        foreach (var h in t.Header) sb.Append("<th>").Append(H(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in t.Rows)
        {
            sb.Append("<tr>");
            foreach (var c in row) sb.Append("<td>").Append(H(c)).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
    }

    /// <summary>Horizontal bars, labelled by each row's first cell; increases in one colour, decreases in another.</summary>
    private static void Chart(StringBuilder sb, ReportTable t)
    {
        const int labelW = 230, barW = 560, rowH = 22, pad = 6;
        int n = t.Bars.Count;
        var max = t.Bars.Max(Math.Abs);
        bool negatives = t.Bars.Any(b => b < 0);
        int zero = labelW + (negatives ? barW / 2 : 0);
        double scale = (double)(negatives ? barW / 2 - 90 : barW - 90) / (double)max;
        int h = n * rowH + 2 * pad;
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelW + barW + 10}\" height=\"{h}\" role=\"img\" aria-label=\"{H(t.Title)}\">");
        sb.Append($"<line x1=\"{zero}\" y1=\"0\" x2=\"{zero}\" y2=\"{h}\" stroke=\"#888\"/>");
        for (int i = 0; i < n; i++)
        {
            var v = t.Bars[i];
            int y = pad + i * rowH;
            var w = Math.Abs((double)v) * scale;
            var x = v < 0 ? zero - w : zero;
            var label = t.Rows[i][0];
            sb.Append($"<text x=\"{labelW - 6}\" y=\"{y + 15}\" text-anchor=\"end\" font-size=\"12\">{H(label.Length > 34 ? label[..33] + "…" : label)}</text>");
            sb.Append($"<rect x=\"{F(x)}\" y=\"{y + 3}\" width=\"{F(Math.Max(w, 0.5))}\" height=\"{rowH - 6}\" fill=\"{(v < 0 ? "#2a7f62" : "#c0392b")}\"/>");
            var text = t.Rows[i][t.BarColumn];
            var tx = v < 0 ? x - 4 : x + w + 4;
            sb.Append($"<text x=\"{F(tx)}\" y=\"{y + 15}\" font-size=\"11\" text-anchor=\"{(v < 0 ? "end" : "start")}\" fill=\"#333\">{H(text)}</text>");
        }
        sb.Append("</svg>");
    }

    private static string F(double d) => d.ToString("0.#", Inv);
    private static string H(string s) => WebUtility.HtmlEncode(s);
}
