using System.Globalization;
using System.Text;
using Tariffscope.Controls;

namespace Tariffscope.Data.Controls;

/// <summary>A line of a shipment file that could not be screened: where, which field, why.</summary>
public sealed record ShipmentReject(int Line, string Field, string Reason, string Raw);

/// <summary>
/// The accounting of one screening run: every input line is either screened or rejected, and
/// <see cref="Balanced"/> says that the counts add up.
/// </summary>
public sealed record ScreeningSummary(
    string Input,
    string Output,
    string RejectsFile,
    int InputLines,
    int Screened,
    int Rejected,
    IReadOnlyDictionary<string, int> ByOutcome,
    IReadOnlyList<string> IgnoredColumns)
{
    public bool Balanced => InputLines == Screened + Rejected;
}

/// <summary>
/// Screens a shipment file (CSV or XLSX; columns from,to,date and optionally hs,element,eccn,product,params,
/// content,end_user,owner,end_use,origin, header names case-insensitive) and writes one result line per screened
/// shipment and one reject line per refused line. Outputs are written to temporary files and moved into place.
/// </summary>
public static class ShipmentScreening
{
    public static readonly string[] Required = ["from", "to", "date"];
    public static readonly string[] Optional = ["hs", "element", "eccn", "product", "params", "content", "end_user", "owner", "end_use", "origin"];

    /// <summary>The default rejects file: beside the output, ".rejects" before the extension (result.csv → result.rejects.csv).</summary>
    public static string DefaultRejectsPath(string output)
    {
        var dir = Path.GetDirectoryName(output) ?? "";
        var ext = Path.GetExtension(output);
        return Path.Combine(dir, Path.GetFileNameWithoutExtension(output) + ".rejects" + (ext.Length > 0 ? ext : ".csv"));
    }

    /// <summary>
    /// Screens <paramref name="input"/>. A file that cannot be read as a whole (missing, empty, no usable header)
    /// raises <see cref="ControlDataException"/>; a bad line is rejected and the run goes on.
    /// </summary>
    public static ScreeningSummary Run(string input, string output, string? rejects, ControlScreener screener)
    {
        if (!File.Exists(input)) throw new ControlDataException(input, 0, 0, "file", "not found");
        var rejectsPath = rejects ?? DefaultRejectsPath(output);
        var (header, records) = ShipmentFile.Read(input);
        if (header is null) throw new ControlDataException(input, 1, 1, "header", $"the file is empty: expected a header line naming the columns {string.Join(",", Required.Concat(Optional))}");

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var ignored = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
            if (!Required.Contains(name) && !Optional.Contains(name)) { ignored.Add(header[i]); continue; }
            if (!columns.TryAdd(name, i)) throw new ControlDataException(input, 1, i + 1, name, "column named twice in the header");
        }
        foreach (var r in Required)
            if (!columns.ContainsKey(r)) throw new ControlDataException(input, 1, 1, "header", $"missing column '{r}' (required: {string.Join(",", Required)})");

        var results = new StringBuilder();
        results.AppendLine("line,from,to,date,hs,element,eccn,product,outcome,rules,suspended,needs_review,warnings,summary");
        var rejected = new StringBuilder();
        rejected.AppendLine("line,field,reason,raw");
        var byOutcome = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int screened = 0, rejectedCount = 0;

        foreach (var rec in records)
        {
            var (query, reject) = ToQuery(rec, header.Count, columns);
            if (reject is not null)
            {
                rejected.AppendLine(Csv(reject.Line.ToString(CultureInfo.InvariantCulture), reject.Field, reject.Reason, reject.Raw));
                rejectedCount++;
                continue;
            }
            var a = screener.Check(query!);
            results.AppendLine(Csv(rec.Line.ToString(CultureInfo.InvariantCulture), query!.From, query.To, query.Date.ToString("yyyy-MM-dd"),
                query.Hs ?? "", query.Element ?? "", query.Eccn ?? "", query.Product ?? "", a.Outcome.Code(),
                Ids(a, RuleStatus.Applies), string.Join(";", a.Rules.Where(r => r.Status == RuleStatus.Suspended).Select(r => $"{r.ControlId} until {r.SuspendedUntil:yyyy-MM-dd}")),
                Ids(a, RuleStatus.NeedsReview), string.Join(" | ", a.Warnings), a.Summary));
            byOutcome[a.Outcome.Code()] = byOutcome.GetValueOrDefault(a.Outcome.Code()) + 1;
            screened++;
        }

        WriteAtomically(output, results.ToString());
        WriteAtomically(rejectsPath, rejected.ToString());
        return new ScreeningSummary(input, output, rejectsPath, records.Count, screened, rejectedCount, byOutcome, ignored);
    }

    private static string Ids(ControlAnswer a, RuleStatus status) => string.Join(";", a.Rules.Where(r => r.Status == status).Select(r => r.ControlId));

    /// <summary>Turns one record into a query, or a reject naming the first bad field.</summary>
    public static (ControlQuery? Query, ShipmentReject? Reject) ToQuery(ShipmentRecord rec, int width, IReadOnlyDictionary<string, int> columns)
    {
        ShipmentReject Bad(string field, string reason) => new(rec.Line, field, reason, rec.Raw);
        if (rec.Cells.All(string.IsNullOrWhiteSpace)) return (null, Bad("(line)", "blank line"));
        if (rec.Cells.Count != width)
            return (null, Bad("(line)", $"ragged row: {rec.Cells.Count} cells where the header has {width} columns"));
        string? Cell(string name) => columns.TryGetValue(name, out var i) && !string.IsNullOrWhiteSpace(rec.Cells[i]) ? rec.Cells[i].Trim() : null;

        var (from, e1) = ControlFields.Country(Cell("from"));
        if (e1 is not null) return (null, Bad("from", e1));
        var (to, e2) = ControlFields.Country(Cell("to"));
        if (e2 is not null) return (null, Bad("to", e2));
        var (date, e3) = ControlFields.Date(Cell("date"));
        if (e3 is not null) return (null, Bad("date", e3));
        var (hs, e4) = ControlFields.Hs(Cell("hs"));
        if (e4 is not null) return (null, Bad("hs", e4));
        var (element, e5) = ControlFields.Element(Cell("element"));
        if (e5 is not null) return (null, Bad("element", e5));
        var (parameters, e6) = ControlFields.Parameters(Cell("params") is { } p ? [p] : []);
        if (e6 is not null) return (null, Bad("params", e6));
        var (content, e7) = ControlFields.Content(Cell("content") is { } c ? [c] : []);
        if (e7 is not null) return (null, Bad("content", e7));
        var (origin, e8) = ControlFields.Country(Cell("origin"), required: false);
        if (e8 is not null) return (null, Bad("origin", e8));

        return (new ControlQuery(from!, to!, date!.Value, hs, element, Cell("eccn"), Cell("product"), parameters, content,
            Cell("end_user"), Cell("owner"), Cell("end_use")?.ToLowerInvariant(), origin), null);
    }

    private static string Csv(params string[] cells) => string.Join(",", cells.Select(Quote));

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    /// <summary>Writes beside the target, then moves into place, so a reader never sees a half-written file.</summary>
    private static void WriteAtomically(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, full, overwrite: true);
    }
}
