using Tariffscope.Engine.Batch;
using Tariffscope.Engine.Replay;
using Tariffscope.Fees;

namespace Tariffscope.Data.Entries;

/// <summary>
/// The files a replay writes: the lines (every input column, then the replay's), the rejects (line, field, reason,
/// then the input as read) and the entries (one row per entry: totals, fees, refund route and dates). Each goes to a
/// temporary file moved into place by <see cref="Commit"/>; the format follows each file's extension.
/// </summary>
public sealed class ReplayFiles : IDisposable
{
    public static readonly string[] LineColumns =
    [
        "required_duty", "declared_duty", "difference", "refundable_ieepa", "flags", "flag_reasons", "layers",
        "liquidation_date_used", "protest_deadline", "refund_route",
    ];

    public static readonly TableColumn[] EntryColumns =
    [
        new("entry_number", CellKind.Text), new("importer_of_record", CellKind.Text), new("entry_date", CellKind.Text), new("mode", CellKind.Text),
        new("lines", CellKind.Integer), new("entered_value", CellKind.Money), new("required_duty", CellKind.Money), new("declared_duty", CellKind.Money),
        new("difference", CellKind.Money), new("refundable_ieepa", CellKind.Money), new("flags", CellKind.Integer),
        new("mpf", CellKind.Money), new("mpf_note", CellKind.Text), new("hmf", CellKind.Money), new("de_minimis", CellKind.Text), new("fee_warnings", CellKind.Text),
        new("status", CellKind.Text), new("liquidation_date", CellKind.Text), new("liquidation_estimated", CellKind.Text),
        new("protest_deadline", CellKind.Text), new("refund_route", CellKind.Text), new("route_confidence", CellKind.Text),
    ];

    private readonly int _inputs;
    private readonly TableWriter _lines, _rejects;
    private readonly string _entriesPath;
    private readonly Cell[] _lineCells, _rejectCells;

    public string LinesPath => _lines.Path;
    public string RejectsPath => _rejects.Path;
    public string EntriesPath => Path.GetFullPath(_entriesPath);
    public long LinesWritten => _lines.Rows;
    public long RejectsWritten => _rejects.Rows;
    public long EntriesWritten { get; private set; }

    public ReplayFiles(IReadOnlyList<string> inputColumns, string linesPath, string? rejectsPath = null, string? entriesPath = null)
    {
        _inputs = inputColumns.Count;
        rejectsPath ??= ResultFiles.DefaultRejectsPath(linesPath);
        _entriesPath = entriesPath ?? DefaultEntriesPath(linesPath);
        var cols = inputColumns.Select(c => new TableColumn(c, CellKind.Input)).ToList();
        cols.AddRange([new("required_duty", CellKind.Money), new("declared_duty", CellKind.Money), new("difference", CellKind.Money),
            new("refundable_ieepa", CellKind.Money), new("flags", CellKind.Integer), new("flag_reasons", CellKind.Text), new("layers", CellKind.Text),
            new("liquidation_date_used", CellKind.Text), new("protest_deadline", CellKind.Text), new("refund_route", CellKind.Text)]);
        var rej = new List<TableColumn> { new(ResultFiles.LineColumn, CellKind.Integer), new("reject_field", CellKind.Text), new("reject_reason", CellKind.Text) };
        rej.AddRange(inputColumns.Select(c => new TableColumn(c, CellKind.Text)));
        _lines = TableWriter.Create(linesPath, cols);
        try { _rejects = TableWriter.Create(rejectsPath, rej); }
        catch { _lines.Dispose(); throw; }
        _lineCells = new Cell[cols.Count];
        _rejectCells = new Cell[rej.Count];
    }

    /// <summary>lines.csv → lines.entries.csv, beside it in the same format.</summary>
    public static string DefaultEntriesPath(string lines) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(lines))!, Path.GetFileNameWithoutExtension(lines) + ".entries" + Path.GetExtension(lines));

    public void Reject(in RawLine line, LineFault fault)
    {
        var c = _rejectCells;
        c[0].Integer = line.Number; c[1].Text = fault.Field; c[2].Text = fault.Reason;
        for (int k = 0; k < _inputs; k++) c[3 + k].Text = k < line.Fields.Length ? line.Fields[k] ?? "" : "";
        _rejects.WriteRow(c);
    }

    public void Write(in RawLine line, LineReplay r, RefundStatus? refund)
    {
        var o = _lineCells;
        for (int k = 0; k < _inputs; k++) o[k].Text = k < line.Fields.Length ? line.Fields[k] : "";
        int at = _inputs;
        o[at++].Number = r.Required;
        o[at++].Number = r.Declared;
        o[at++].Number = r.Difference;
        o[at++].Number = r.Refundable;
        var flags = r.Flags.ToList();
        o[at++].Integer = flags.Count;
        o[at++].Text = string.Join(" | ", flags.Select(f => $"{f.Flag}: {f.Reason}"));
        o[at++].Text = string.Join("; ", r.Rows.Select(x => $"{x.Family} {x.Heading ?? x.DeclaredAs} req {x.Required:0.00} decl {x.Declared:0.00}"));
        o[at++].Text = refund is null ? "" : refund.Liquidation.ToString("yyyy-MM-dd") + (refund.LiquidationEstimated ? " (estimated)" : "");
        o[at++].Text = refund?.ProtestDeadline.ToString("yyyy-MM-dd") ?? "";
        o[at++].Text = refund is null ? "" : refund.Route;
        _lines.WriteRow(o);
    }

    /// <summary>Writes the entries file and moves all three files into place.</summary>
    public void Commit(IEnumerable<EntrySummary> entries)
    {
        using (var w = TableWriter.Create(_entriesPath, EntryColumns))
        {
            var c = new Cell[EntryColumns.Length];
            foreach (var e in entries)
            {
                int i = 0;
                c[i++].Text = e.EntryNumber; c[i++].Text = e.ImporterOfRecord ?? ""; c[i++].Text = e.EntryDate.ToString("yyyy-MM-dd");
                c[i++].Text = e.Mode?.ToString().ToLowerInvariant() ?? "";
                c[i++].Integer = e.Lines; c[i++].Number = e.Value; c[i++].Number = e.Required; c[i++].Number = e.Declared;
                c[i++].Number = e.Difference; c[i++].Number = e.Refundable; c[i++].Integer = e.Flags;
                c[i++].Number = e.Fees.Amount("mpf"); c[i++].Text = e.Fees.Charges.FirstOrDefault(x => x.Id == "mpf")?.Note ?? "";
                c[i++].Number = e.Fees.Amount("hmf"); c[i++].Text = e.Fees.DeMinimis ? "yes: " + e.Fees.DeMinimisNote : "no";
                c[i++].Text = string.Join(" | ", e.Fees.Warnings);
                var r = e.Refund;
                c[i++].Text = r?.Status.ToString().ToLowerInvariant() ?? "";
                c[i++].Text = r?.Liquidation.ToString("yyyy-MM-dd") ?? "";
                c[i++].Text = r is null ? "" : r.LiquidationEstimated ? "yes" : "no";
                c[i++].Text = r?.ProtestDeadline.ToString("yyyy-MM-dd") ?? "";
                c[i++].Text = r?.Route ?? "";
                c[i++].Text = r is null ? "" : r.RouteSource.Confidence.ToString().ToLowerInvariant();
                w.WriteRow(c);
            }
            w.Commit();
            EntriesWritten = w.Rows;
        }
        _rejects.Commit();
        _lines.Commit();
    }

    public void Dispose()
    {
        _lines.Dispose();
        _rejects.Dispose();
    }
}
