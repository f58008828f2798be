using System.Runtime.CompilerServices;
using Tariffscope.Engine.Batch;

namespace Tariffscope.Data.Entries;

/// <summary>
/// The two files a batch writes: the results (every input column, then each scenario's columns) and the rejects
/// (the line number, the scenario, the field at fault and the reason, then the input columns as read).
/// Both are written to temporary files and moved into place by <see cref="Commit"/>.
/// </summary>
public sealed class ResultFiles : IRatedSink, IDisposable
{
    public const string LineColumn = "reject_line (1-based data line; the header is not counted)";

    private readonly BatchLayout _layout;
    private readonly TableWriter _out;
    private readonly TableWriter _rejects;
    private readonly Cell[] _outCells;
    private readonly Cell[] _rejectCells;

    public string OutputPath => _out.Path;
    public string RejectsPath => _rejects.Path;
    public long RowsWritten => _out.Rows;
    public long RejectsWritten => _rejects.Rows;

    public ResultFiles(BatchLayout layout, string outputPath, string? rejectsPath = null)
    {
        _layout = layout;
        rejectsPath ??= DefaultRejectsPath(outputPath);
        if (Path.GetFullPath(rejectsPath) == Path.GetFullPath(outputPath)) throw new EntryFileException($"{rejectsPath}: the rejects file cannot be the output file");
        var outCols = layout.InputColumns.Select(c => new TableColumn(c, CellKind.Input)).ToList();
        foreach (var s in layout.Scenarios)
        {
            outCols.Add(new(s.TotalColumn, CellKind.Cents));
            outCols.Add(new(s.RateColumn, CellKind.Millionths));
            for (int f = 0; f < s.FamilyCount; f++) outCols.Add(new(s.FamilyColumn(f), CellKind.Cents));
            outCols.Add(new(s.MeasuresColumn, CellKind.Text));
        }
        var rejCols = new List<TableColumn> { new(LineColumn, CellKind.Integer), new("reject_scenario", CellKind.Text), new("reject_field", CellKind.Text), new("reject_reason", CellKind.Text) };
        rejCols.AddRange(layout.InputColumns.Select(c => new TableColumn(c, CellKind.Text)));
        _out = TableWriter.Create(outputPath, outCols);
        try { _rejects = TableWriter.Create(rejectsPath, rejCols); }
        catch { _out.Dispose(); throw; }
        _outCells = new Cell[outCols.Count];
        _rejectCells = new Cell[rejCols.Count];
    }

    /// <summary>out.csv → out.rejects.csv: beside the output, in the same format.</summary>
    public static string DefaultRejectsPath(string output)
    {
        var ext = Path.GetExtension(output);
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, Path.GetFileNameWithoutExtension(output) + ".rejects" + ext);
    }

    /// <summary>On a worker: a CSV result's rated rows formatted as text, to be copied out in order by <see cref="Write"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Prepare(RatedChunk chunk)
    {
        if (_out is not CsvTableWriter csv) return;
        var cells = new Cell[_outCells.Length];
        var text = new RowText();
        long rows = 0;
        for (int i = 0; i < chunk.Count; i++)
        {
            if (chunk.Faults[i] is not null) continue;
            Fill(cells, chunk, i);
            CsvTableWriter.Format(text, csv.Columns, cells, csv.Delimiter);
            rows++;
        }
        chunk.Prepared = new PreparedRows(text, rows);
    }

    private sealed record PreparedRows(RowText Text, long Rows);

    public void Write(RatedChunk chunk)
    {
        int inputs = _layout.InputColumns.Count;
        var prepared = chunk.Prepared as PreparedRows;
        if (prepared is not null)
        {
            ((CsvTableWriter)_out).WriteFormatted(prepared.Text.Span, prepared.Rows);
            prepared.Text.Release();
            chunk.Prepared = null;
        }
        for (int i = 0; i < chunk.Count; i++)
        {
            var fields = chunk.Lines[i].Fields;
            if (chunk.Faults[i] is { } fault)
            {
                var c = _rejectCells;
                c[0].Integer = chunk.Lines[i].Number;
                c[1].Text = fault.Scenario ?? "";
                c[2].Text = fault.Field;
                c[3].Text = fault.Reason;
                for (int k = 0; k < inputs; k++) c[4 + k].Text = k < fields.Length ? fields[k] ?? "" : "";
                _rejects.WriteRow(c);
                continue;
            }
            if (prepared is not null) continue;
            Fill(_outCells, chunk, i);
            _out.WriteRow(_outCells);
        }
    }

    /// <summary>The result row of a rated line: its input fields as read, then each scenario's columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill(Cell[] o, RatedChunk chunk, int i)
    {
        int inputs = _layout.InputColumns.Count;
        var fields = chunk.Lines[i].Fields;
        for (int k = 0; k < inputs; k++) o[k].Text = k < fields.Length ? fields[k] : "";
        int at = inputs;
        for (int s = 0; s < _layout.Scenarios.Count; s++)
        {
            o[at++].Integer = chunk.TotalCents(i, s);
            o[at++].Integer = chunk.RateMillionths(i, s);
            for (int f = 0; f < _layout.Scenarios[s].FamilyCount; f++) o[at++].Integer = chunk.FamilyCents(i, s, f);
            o[at++].Text = chunk.MeasuresApplied(i, s);
        }
    }

    /// <summary>Finishes both files and moves them into place.</summary>
    public void Commit()
    {
        _rejects.Commit();
        _out.Commit();
    }

    public void Dispose()
    {
        _out.Dispose();
        _rejects.Dispose();
    }
}
