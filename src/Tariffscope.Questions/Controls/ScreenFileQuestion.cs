using System.Globalization;
using System.Text;
using Tariffscope.Controls;
using Tariffscope.Data.Controls;

namespace Tariffscope.Questions.Controls;

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
public static class ScreenFileQuestion
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

        var byOutcome = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int screened = 0, rejectedCount = 0;
        // Shipment files repeat the same item often: screen each distinct line once (keyed by its cells).
        var seen = new Dictionary<string, (string Outcome, string Cells)>(StringComparer.Ordinal);

        using (var results = new AtomicFile(output))
        using (var rejected = new AtomicFile(rejectsPath))
        {
            results.Writer.WriteLine("line,from,to,date,hs,element,eccn,product,outcome,rules,suspended,needs_review,warnings,summary");
            rejected.Writer.WriteLine("line,field,reason,raw");
            foreach (var rec in records)
            {
                var (query, reject) = ToQuery(rec, header.Count, columns);
                if (reject is not null)
                {
                    rejected.Writer.WriteLine(Csv(reject.Line.ToString(CultureInfo.InvariantCulture), reject.Field, reject.Reason, reject.Raw));
                    rejectedCount++;
                    continue;
                }
                var key = string.Join('\u001f', rec.Cells);
                if (!seen.TryGetValue(key, out var line))
                {
                    var a = screener.Check(query!);
                    seen[key] = line = (a.Outcome.Code(), Csv(query!.From, query.To, query.Date.ToString("yyyy-MM-dd"),
                        query.Hs ?? "", query.Element ?? "", query.Eccn ?? "", query.Product ?? "", a.Outcome.Code(),
                        Ids(a, RuleStatus.Applies), string.Join(";", a.Rules.Where(r => r.Status == RuleStatus.Suspended).Select(r => r.SuspendedThrough is { } u ? $"{r.ControlId} through {u:yyyy-MM-dd}" : r.ControlId)),
                        Ids(a, RuleStatus.NeedsReview), string.Join(" | ", a.Warnings), a.Summary));
                }
                results.Writer.WriteLine(rec.Line.ToString(CultureInfo.InvariantCulture) + "," + line.Cells);
                byOutcome[line.Outcome] = byOutcome.GetValueOrDefault(line.Outcome) + 1;
                screened++;
            }
            results.Commit();
            rejected.Commit();
        }
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

    /// <summary>
    /// A file written beside its target under a temporary name and moved into place on <see cref="Commit"/>, so a
    /// reader never sees a half-written file; without a commit the temporary file is deleted.
    /// </summary>
    private sealed class AtomicFile : IDisposable
    {
        private readonly string _target;
        private readonly string _temp;
        private bool _committed;
        public StreamWriter Writer { get; }

        public AtomicFile(string path)
        {
            _target = Path.GetFullPath(path);
            _temp = Path.Combine(Path.GetDirectoryName(_target)!, $".{Path.GetFileName(_target)}.{Guid.NewGuid():N}.tmp");
            Writer = new StreamWriter(_temp, false, new UTF8Encoding(false));
        }

        public void Commit()
        {
            Writer.Dispose();
            File.Move(_temp, _target, overwrite: true);
            _committed = true;
        }

        public void Dispose()
        {
            Writer.Dispose();
            if (!_committed && File.Exists(_temp)) File.Delete(_temp);
        }
    }
}
