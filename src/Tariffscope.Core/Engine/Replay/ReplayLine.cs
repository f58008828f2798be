using System.Collections.Immutable;
using Tariffscope.Engine.Batch;
using Tariffscope.Fees;

namespace Tariffscope.Engine.Replay;

/// <summary>A duty declared on an entry line under one HTS number (a Chapter 99 heading, or the line's own code for
/// the base duty), as on a CBP Form 7501.</summary>
public sealed record DeclaredDuty(string Number, decimal Amount);

/// <summary>An entry line to replay: what is rated, plus the entry it belongs to, its dates and what was declared.</summary>
public sealed record ReplayLine
{
    public required EntryLine Entry { get; init; }
    public required string EntryNumber { get; init; }
    public int LineNumber { get; init; }
    public DateOnly? ExportDate { get; init; }
    public DateOnly? LiquidationDate { get; init; }
    public TransportMode? Mode { get; init; }
    /// <summary>The importer of record (a name or number), for the summary.</summary>
    public string? ImporterOfRecord { get; init; }
    public ImmutableArray<DeclaredDuty> Declared { get; init; } = [];
}

/// <summary>The replay fields a file can carry beside those of <see cref="EntryField"/>.</summary>
public enum ReplayField { EntryNumber, LineNumber, ExportDate, LiquidationDate, Mode, ImporterOfRecord }

/// <summary>
/// The columns of a replay file: the entry fields (matched by <see cref="EntryColumns"/>), the replay fields, and the
/// declared duties as numbered pairs <c>heading_1, duty_1, heading_2, duty_2, …</c> (or <c>ch99_N</c>).
/// </summary>
public sealed class ReplayColumns
{
    public static readonly IReadOnlyDictionary<ReplayField, string[]> DefaultNames = new Dictionary<ReplayField, string[]>
    {
        [ReplayField.EntryNumber] = ["entry_number", "entry_no", "entry", "entry_num"],
        [ReplayField.LineNumber] = ["line_number", "line_no", "line", "entry_line"],
        [ReplayField.ExportDate] = ["export_date", "date_of_export"],
        [ReplayField.LiquidationDate] = ["liquidation_date", "liq_date"],
        [ReplayField.Mode] = ["mode", "mode_of_transport", "mot", "transport_mode"],
        [ReplayField.ImporterOfRecord] = ["importer", "importer_of_record", "ior", "importer_name", "importer_number"],
    };

    private readonly int[] _index;
    public EntryColumns Entry { get; }
    public IReadOnlyList<string> Headers { get; }
    /// <summary>The declared-duty pairs: (number column, amount column), in pair order.</summary>
    public IReadOnlyList<(int Number, int Amount)> Pairs { get; }

    private ReplayColumns(IReadOnlyList<string> headers, int[] index, EntryColumns entry, IReadOnlyList<(int, int)> pairs)
    {
        Headers = headers; _index = index; Entry = entry; Pairs = pairs;
    }

    public int this[ReplayField f] => _index[(int)f];
    public string NameOf(ReplayField f) => _index[(int)f] >= 0 ? Headers[_index[(int)f]] : Snake(f.ToString());

    private static string Key(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    public static IEnumerable<string> FieldNames => Enum.GetValues<ReplayField>().Select(f => Snake(f.ToString()));

    /// <summary>
    /// Matches the headers. <paramref name="map"/> maps a column to a field (entry, replay, or a pair member such as
    /// <c>heading_1</c>/<c>duty_1</c>). The replay columns are taken first, so an "importer" column is the importer of
    /// record here, not the importing country (a replay is of US entries).
    /// </summary>
    public static ReplayColumns Match(IReadOnlyList<string> headers, IReadOnlyDictionary<string, string>? map)
    {
        var keys = headers.Select(Key).ToArray();
        var index = Enumerable.Repeat(-1, Enum.GetValues<ReplayField>().Length).ToArray();
        var claimed = new HashSet<int>();
        var entryMap = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pairNames = new Dictionary<int, string>(); // column → pair member name (heading_N / duty_N)
        var fields = Enum.GetValues<ReplayField>().ToDictionary(f => Key(Snake(f.ToString())));
        foreach (var (col, field) in map ?? new Dictionary<string, string>())
        {
            var i = Array.IndexOf(keys, Key(col));
            if (fields.TryGetValue(Key(field), out var rf))
            {
                if (i < 0) throw new ArgumentException($"--map {col}={field}: the file has no column '{col}' (columns: {string.Join(", ", headers)})");
                index[(int)rf] = i; claimed.Add(i);
            }
            else if (PairMember(Key(field)) is not null)
            {
                if (i < 0) throw new ArgumentException($"--map {col}={field}: the file has no column '{col}' (columns: {string.Join(", ", headers)})");
                pairNames[i] = Key(field); claimed.Add(i);
            }
            else entryMap[col] = field;
        }
        foreach (var (field, names) in DefaultNames)
        {
            if (index[(int)field] >= 0) continue;
            var hits = Enumerable.Range(0, headers.Count).Where(i => !claimed.Contains(i) && names.Any(n => Key(n) == keys[i])).ToList();
            if (hits.Count > 1)
                throw new ArgumentException($"columns {string.Join(" and ", hits.Select(h => $"'{headers[h]}'"))} could both be the {Snake(field.ToString())}: say which with --map COLUMN={Snake(field.ToString())}");
            if (hits.Count == 1) { index[(int)field] = hits[0]; claimed.Add(hits[0]); }
        }
        if (index[(int)ReplayField.EntryNumber] < 0)
            throw new ArgumentException($"no column for entry_number among the headers ({string.Join(", ", headers)}); usual names: {string.Join("/", DefaultNames[ReplayField.EntryNumber])}; or map one with --map COLUMN=entry_number");
        for (int i = 0; i < headers.Count; i++)
            if (!claimed.Contains(i) && PairMember(keys[i]) is not null) { pairNames[i] = keys[i]; claimed.Add(i); }
        // pairs: heading_N with duty_N
        var numbers = new SortedDictionary<int, (int Number, int Amount)>();
        foreach (var (col, name) in pairNames)
        {
            var (isAmount, n) = PairMember(name)!.Value;
            var p = numbers.TryGetValue(n, out var had) ? had : (Number: -1, Amount: -1);
            numbers[n] = isAmount ? (p.Number, col) : (col, p.Amount);
        }
        foreach (var (n, p) in numbers)
            if (p.Number < 0 || p.Amount < 0)
                throw new ArgumentException($"declared duty pair {n}: {(p.Number < 0 ? $"duty_{n} has no heading_{n} column" : $"heading_{n} has no duty_{n} column")}; each HTS number declared needs its duty");
        // the entry fields see the claimed columns under names no default matches
        var masked = headers.Select((h, i) => claimed.Contains(i) ? $"replay-claimed {h}" : h).ToList();
        var entry = EntryColumns.Match(masked, entryMap, hasDefaultDate: false);
        return new ReplayColumns(headers, index, entry, numbers.Values.ToList());
    }

    /// <summary>heading_N / ch99_N / hts_number_N → (false, N); duty_N / amount_N → (true, N).</summary>
    private static (bool IsAmount, int N)? PairMember(string key)
    {
        foreach (var (prefix, isAmount) in new[] { ("heading", false), ("ch99", false), ("htsnumber", false), ("duty", true), ("dutyamount", true) })
            if (key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(key.AsSpan(prefix.Length), out var n) && n is > 0 and < 100)
                return (isAmount, n);
        return null;
    }
}

/// <summary>Reads a replay line from text fields, or says which field is wrong and why.</summary>
public sealed class ReplayLineParser(ReplayColumns columns)
{
    private readonly EntryLineParser _entry = new(columns.Entry, null);

    public ReplayColumns Columns => columns;

    public ReplayLine? Parse(in RawLine line, out LineFault? fault)
    {
        var entry = _entry.Parse(line, out fault);
        if (entry is null) return null;
        var f = line.Fields;
        string Get(int i) => i >= 0 && i < f.Length ? f[i].Trim() : "";
        LineFault Fail(ReplayField field, string reason) => new(columns.NameOf(field), reason);

        var number = Get(columns[ReplayField.EntryNumber]);
        if (number.Length == 0) { fault = Fail(ReplayField.EntryNumber, "empty: every line needs the entry number it belongs to"); return null; }
        int lineNo = 0;
        var ln = Get(columns[ReplayField.LineNumber]);
        if (ln.Length > 0 && (!int.TryParse(ln, out lineNo) || lineNo < 1)) { fault = Fail(ReplayField.LineNumber, $"\"{FieldParsers.Clip(ln)}\" is not a line number (1, 2, …)"); return null; }
        DateOnly? Date(ReplayField field, out LineFault? bad)
        {
            bad = null;
            var t = Get(columns[field]);
            if (t.Length == 0) return null;
            if (FieldParsers.TryParseDate(t, out var d, out var why)) return d;
            bad = Fail(field, why!);
            return null;
        }
        var export = Date(ReplayField.ExportDate, out fault); if (fault is not null) return null;
        var liq = Date(ReplayField.LiquidationDate, out fault); if (fault is not null) return null;
        if (liq is { } l && l < entry.Date) { fault = Fail(ReplayField.LiquidationDate, $"{l:yyyy-MM-dd} is before the entry date {entry.Date:yyyy-MM-dd}"); return null; }
        if (export is { } x && x > entry.Date) { fault = Fail(ReplayField.ExportDate, $"{x:yyyy-MM-dd} is after the entry date {entry.Date:yyyy-MM-dd}"); return null; }
        TransportMode? mode;
        try { mode = FeeSchedule.ParseMode(Get(columns[ReplayField.Mode])); }
        catch (FormatException e) { fault = Fail(ReplayField.Mode, e.Message); return null; }

        var declared = ImmutableArray.CreateBuilder<DeclaredDuty>(columns.Pairs.Count);
        foreach (var (nc, ac) in columns.Pairs)
        {
            var num = Get(nc);
            var amt = Get(ac);
            if (num.Length == 0 && amt.Length == 0) continue;
            if (num.Length == 0) { fault = new(columns.Headers[nc], $"a duty ({FieldParsers.Clip(amt)}) is declared in {columns.Headers[ac]} without its HTS number"); return null; }
            if (Headings.Key(num) < 0) { fault = new(columns.Headers[nc], $"\"{FieldParsers.Clip(num)}\" is not an HTS number (8 or 10 digits, such as 9903.01.24)"); return null; }
            decimal a = 0m;
            if (amt.Length > 0 && !FieldParsers.TryParseDecimal(amt, out a, out var why)) { fault = new(columns.Headers[ac], why!); return null; }
            if (a < 0 || a > EntryLine.MaxAmount) { fault = new(columns.Headers[ac], $"a declared duty must be from 0 to {EntryLine.MaxAmount:N0} (got {a})"); return null; }
            declared.Add(new DeclaredDuty(num, a));
        }
        var ior = Get(columns[ReplayField.ImporterOfRecord]);
        return new ReplayLine
        {
            Entry = entry, EntryNumber = number, LineNumber = lineNo, ExportDate = export, LiquidationDate = liq, Mode = mode,
            ImporterOfRecord = ior.Length == 0 ? null : ior, Declared = declared.ToImmutable(),
        };
    }
}
