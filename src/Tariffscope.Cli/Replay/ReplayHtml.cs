using System.Globalization;
using System.Net;
using System.Text;
using Tariffscope.Questions.Replay;

namespace Tariffscope.Cli.Replay;

/// <summary>The replay's summary as one self-contained HTML page (no scripts, no external files).</summary>
public static class ReplayHtml
{
    private static string H(string? s) => WebUtility.HtmlEncode(s ?? "");
    private static string M(decimal d) => d.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Render(EntryReplayAnswer a, string input)
    {
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Replay of ").Append(H(Path.GetFileName(input))).Append("</title>");
        sb.Append("<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px}td.n{text-align:right}th{background:#f3f3f3}.flag{color:#a00}.unsure{color:#a60}</style></head><body>");
        sb.Append("<h1>Replay of ").Append(H(Path.GetFileName(input))).Append("</h1>");
        sb.Append($"<p>Rules: {H(a.Scenario)}; refund status as of {a.AsOf:yyyy-MM-dd}. Lines: {a.InputLines:N0} read = {a.Rated:N0} replayed + {a.Rejected:N0} rejected")
          .Append(a.Balanced ? "" : " <b class=\"flag\">(does not add up)</b>").Append($"; {a.EntryCount:N0} entries; {a.FlaggedLines:N0} lines flagged.</p>");
        sb.Append($"<p>Duty required <b>${M(a.Required)}</b> · declared <b>${M(a.Declared)}</b> · difference <b>${M(a.Difference)}</b> · IEEPA refundable <b>${M(a.Refundable)}</b> · fees <b>${M(a.Fees)}</b></p>");
        Table(sb, "By authority", ["authority", "required", "declared", "difference", "refundable", "flags"],
            a.Authorities.Select(x => new[] { $"{x.Title} ({x.Family})", M(x.Required), M(x.Declared), M(x.Difference), M(x.Refundable), x.Flags.ToString(CultureInfo.InvariantCulture) }));
        Table(sb, "By importer of record", ["importer", "entries", "lines", "value", "required", "declared", "refundable", "fees", "flags"],
            a.Importers.Select(x => new[] { x.Importer, x.Entries.ToString(CultureInfo.InvariantCulture), x.Lines.ToString(CultureInfo.InvariantCulture), M(x.Value), M(x.Required), M(x.Declared), M(x.Refundable), M(x.Fees), x.Flags.ToString(CultureInfo.InvariantCulture) }));
        Table(sb, $"Entries (largest refundable first; {Math.Min(a.Entries.Length, 200)} of {a.EntryCount:N0})",
            ["entry", "date", "required", "declared", "refundable", "MPF", "HMF", "liquidation", "protest by", "route"],
            a.Entries.Take(200).Select(e => new[]
            {
                e.EntryNumber, e.EntryDate.ToString("yyyy-MM-dd"), M(e.Required), M(e.Declared), M(e.Refundable),
                M(e.Fees.FirstOrDefault(f => f.Id == "mpf")?.Amount ?? 0), M(e.Fees.FirstOrDefault(f => f.Id == "hmf")?.Amount ?? 0),
                e.Liquidation is { } l ? l.ToString("yyyy-MM-dd") + (e.LiquidationEstimated == true ? " (est.)" : "") : "",
                e.ProtestDeadline?.ToString("yyyy-MM-dd") ?? "", (e.RefundRoute ?? "") + (e.RouteUnsure == true ? " (unsure)" : ""),
            }));
        if (a.Rejects.Length > 0)
            Table(sb, "Rejected lines", ["field", "lines", "first line", "example"],
                a.Rejects.Select(r => new[] { r.Field, r.Count.ToString(CultureInfo.InvariantCulture), r.FirstLine.ToString(CultureInfo.InvariantCulture), r.Example }));
        sb.Append("<h2>Sources</h2><ul>");
        foreach (var s in a.Sources) sb.Append("<li>").Append(H(s)).Append("</li>");
        sb.Append("</ul></body></html>");
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, string title, string[] head, IEnumerable<string[]> rows)
    {
        sb.Append("<h2>").Append(H(title)).Append("</h2><table><tr>");
        foreach (var h in head) sb.Append("<th>").Append(H(h)).Append("</th>");
        sb.Append("</tr>");
        foreach (var r in rows)
        {
            sb.Append("<tr>");
            foreach (var c in r) sb.Append(c.Length > 0 && (char.IsDigit(c[0]) || c[0] == '-') && !c.Contains(' ') && c.Contains('.') ? "<td class=\"n\">" : "<td>").Append(H(c)).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</table>");
    }
}
