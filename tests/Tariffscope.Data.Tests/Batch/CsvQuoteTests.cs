using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Tariffscope.Data.Entries;

namespace Tariffscope.Tests.Batch;

/// <summary>
/// Stray quotes, CRs and LFs: a quote that does not open a field is a literal character; a quoted field may run past
/// a line end only when it closes properly; every physical line of the file ends up rated, rejected, or the run is
/// refused naming the lines.
/// </summary>
public class CsvQuoteTests
{
    private const string Header = "id,code,origin,date,value,note";

    private static string Line(int id, string note) => $"{id},8471.30.01.00,CN,2025-08-13,100,{note}";

    private static Dictionary<long, Dictionary<string, string>> Rejects(BatchResult r) =>
        BatchRun.ReadCsv(r.RejectsPath).ToDictionary(x => long.Parse(x[ResultFiles.LineColumn]));

    [Fact]
    public void Inch_marks_inside_unquoted_fields_are_text_and_swallow_nothing()
    {
        // The case of the issue: 100 lines, an inch mark on line 3 and on line 50.
        using var run = new BatchRun();
        var sb = new StringBuilder(Header + "\n");
        for (int i = 1; i <= 100; i++)
            sb.Append(Line(i, i == 3 ? "Steel pipe 12\" dia" : i == 50 ? "Gate valve 6\" flanged" : "plain")).Append('\n');
        var r = run.Run(run.Write("inch.csv", sb.ToString()));
        Assert.Equal(100, r.LinesRead);
        Assert.Equal(100, r.RowsWritten);
        Assert.True(r.IsAccounted);
        var rows = BatchRun.ReadCsv(r.OutputPath).ToDictionary(x => x["id"]);
        Assert.Equal("Steel pipe 12\" dia", rows["3"]["note"]);
        Assert.Equal("Gate valve 6\" flanged", rows["50"]["note"]);
        Assert.Equal("plain", rows["51"]["note"]);
    }

    [Fact]
    public void Quoted_fields_that_do_not_close_cost_their_own_line_only()
    {
        using var run = new BatchRun();
        var r = run.Run(run.Write("open.csv", Header + "\n" +
            Line(1, "ok") + "\n" +
            Line(2, "\"Steel pipe, 12 dia") + "\n" +   // opens a quoted field that runs into line 4's quote
            Line(3, "ok") + "\n" +
            Line(4, "\"Valve 6\" flanged") + "\n" +    // closes after 'Valve 6' with text following: one line, kept as text
            Line(5, "ok") + "\n" +
            Line(6, "\"never closed")));               // the last line, no line end
        Assert.True(r.IsAccounted);
        Assert.Equal(6, r.LinesRead);
        Assert.Equal(4, r.RowsWritten);
        var rej = Rejects(r);
        Assert.Equal([2L, 6L], rej.Keys.Order());
        Assert.Contains("is not closed", rej[6]["reject_reason"]);
        Assert.Contains("quoted field (field 6) opens on this line and does not close properly (its closing quote on file line 5", rej[2]["reject_reason"]);
        Assert.Equal("Valve 6 flanged", BatchRun.ReadCsv(r.OutputPath).Single(x => x["id"] == "4")["note"]);
    }

    [Fact]
    public void A_quoted_field_running_into_a_later_stray_quote_is_not_taken_as_one_record()
    {
        // Before: line 2's opening quote ran to the inch mark on line 4 and lines 2–4 were one ragged record.
        using var run = new BatchRun();
        var r = run.Run(run.Write("runaway.csv", Header + "\n" +
            Line(1, "ok") + "\n" +
            Line(2, "\"Pipe") + "\n" +
            Line(3, "ok") + "\n" +
            Line(4, "Pipe 12\",x") + "\n" +
            Line(5, "ok") + "\n"));
        Assert.True(r.IsAccounted);
        Assert.Equal(5, r.LinesRead);
        var rej = Rejects(r);
        Assert.Equal([2L, 4L], rej.Keys.Order());
        Assert.Contains("opens on this line", rej[2]["reject_reason"]);
        Assert.Contains("ragged row", rej[4]["reject_reason"]);
    }

    [Fact]
    public void A_properly_closed_multi_line_field_is_one_record_numbered_by_its_first_line()
    {
        using var run = new BatchRun();
        var r = run.Run(run.Write("multi.csv", Header + "\r\n" +
            Line(1, "\"two\r\nlines, \"\"quoted\"\"\"") + "\r\n" +
            Line(2, "x,") + "\r\n" +                 // a trailing empty field
            "3,9999.99.99,CN,2025-08-13,100,\"a\nb\"\n"));
        Assert.True(r.IsAccounted);
        Assert.Equal(3, r.LinesRead);
        Assert.Equal("two\nlines, \"quoted\"", BatchRun.ReadCsv(r.OutputPath).Single(x => x["id"] == "1")["note"]);
        Assert.Equal([4L], Rejects(r).Keys); // line 4 of the data: line 1 took two
    }

    [Fact]
    public void The_physical_line_count_does_not_come_from_the_parser()
    {
        // the counter sees CR, LF and CRLF as one terminator each and a last line without one
        foreach (var (text, lines) in new[] { ("", 0L), ("a", 1L), ("a\n", 1L), ("a\r\n\r\nb", 3L), ("\r\r\n\n", 3L), ("\"x\ny\"\n", 2L) })
        {
            using var c = new LineCountingReader(new StringReader(text));
            var buf = new char[1]; // one character at a time: a CRLF split across reads
            while (c.Read(buf, 0, 1) > 0) { }
            Assert.Equal(lines, c.Lines);
        }
    }

    [Fact]
    public void A_run_whose_records_leave_out_lines_is_not_accounted_and_names_them()
    {
        using var run = new BatchRun();
        var r = run.Run(run.Write("in.csv", Header + "\n" + Line(1, "ok") + "\n"));
        Assert.True(r.IsAccounted);
        var lost = r with { Uncovered = "lines 3–49" };
        Assert.False(lost.IsAccounted);
    }

    // ---- the property: random valid files, then random quotes, CRs and LFs dropped in ----

    private static readonly Gen<string> Note = Gen.String[Gen.Char["ab 12,\"\n\r;x"], 0, 10];

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";

    /// <summary>A valid file: notes with delimiters, quotes or line ends are quoted; others are quoted at random.</summary>
    private static readonly Gen<(string Text, string[] Notes)> ValidFile =
        Gen.Select(Note.Array[0, 12], Gen.Bool.Array[12], Gen.Bool).Select((notes, quote, crlf) =>
        {
            var nl = crlf ? "\r\n" : "\n";
            var sb = new StringBuilder(Header + nl);
            for (int i = 0; i < notes.Length; i++)
            {
                var n = notes[i];
                bool must = n.IndexOfAny([',', '"', '\n', '\r']) >= 0;
                sb.Append(Line(i + 1, must || quote[i] ? Quote(n) : n)).Append(nl);
            }
            return (sb.ToString(), notes);
        });

    [Fact]
    public void Valid_files_read_back_exactly() =>
        ValidFile.Sample(f =>
        {
            using var run = new BatchRun();
            var path = run.Write("v.csv", f.Text);
            using var src = CsvEntrySource.Open(path, ',');
            var recs = src.Lines().ToList();
            // the reader hands line ends inside quoted fields on as \n
            return src.Uncovered is null && recs.Count == f.Notes.Length
                && recs.Select(l => l.Fields[5]).SequenceEqual(f.Notes.Select(n => n.Replace("\r\n", "\n").Replace('\r', '\n')));
        }, iter: 1000);

    private static readonly Gen<string> Mutated =
        Gen.Select(ValidFile, Gen.Select(Gen.Double[0, 1], Gen.Int[0, 3]).Array[1, 6]).Select((f, inserts) =>
        {
            var text = f.Text;
            int body = text.IndexOf('\n') + 1; // the header stays whole
            var s = new StringBuilder(text);
            foreach (var (at, what) in inserts.OrderByDescending(x => x.Item1))
                s.Insert(body + (int)(at * (s.Length - body)), what switch { 0 => "\"", 1 => "\n", 2 => "\r", _ => "\r\n" });
            return s.ToString();
        });

    /// <summary>Physical data lines of a text, counted here with a regular expression.</summary>
    private static int DataLines(string text)
    {
        var parts = Regex.Split(text, "\r\n|\r|\n");
        int n = parts.Length - (parts[^1].Length == 0 ? 1 : 0);
        return n - 1;
    }

    /// <summary>The physical lines a written row stands for: one, plus one per line end kept inside its fields.</summary>
    private static long Span(Dictionary<string, string> row) =>
        1 + Header.Split(',').Sum(c => row.TryGetValue(c, out var v) ? v.Count(ch => ch == '\n') : 0);

    [Fact]
    public void Every_physical_line_is_rated_rejected_or_named_whatever_quotes_and_line_ends_are_dropped_in() =>
        Mutated.Sample(text =>
        {
            using var run = new BatchRun();
            var r = run.Run(run.Write("m.csv", text), chunk: 3);
            if (!r.IsAccounted) return r.Uncovered is { } u && u.Contains("line");
            var rows = BatchRun.ReadCsv(r.OutputPath).Concat(BatchRun.ReadCsv(r.RejectsPath)).ToList();
            return rows.Sum(Span) == DataLines(text) && rows.Count == r.LinesRead;
        }, iter: 400);

    [Fact]
    public void Every_physical_line_belongs_to_one_record_over_thousands_of_mutated_files() =>
        Mutated.Sample(text =>
        {
            using var run = new BatchRun();
            using var src = CsvEntrySource.Open(run.Write("m.csv", text), ',');
            var lines = src.Lines().ToList();
            long covered = lines.Sum(l => 1 + l.Fields.Sum(f => (long)f.Count(ch => ch == '\n')));
            return src.Uncovered is null && covered == DataLines(text) && src.PhysicalLines == DataLines(text) + 1;
        }, iter: 4000);
}

/// <summary>Text echoed into CSV and Excel outputs cannot run as a formula, and fits an Excel cell.</summary>
public class SpreadsheetSafetyTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("-5", "-5")]            // a plain number is not a formula
    [InlineData("+1,234.50", "+1,234.50")]
    [InlineData("Acme = best", "Acme = best")]
    public void Formulas_get_an_apostrophe_and_numbers_stay(string text, string written) =>
        Assert.Equal(written, SpreadsheetText.Safe(text));

    [Fact]
    public void A_formula_in_an_input_cell_is_escaped_in_the_csv_output_and_the_rejects()
    {
        using var run = new BatchRun();
        var r = run.Run(run.Write("f.csv", "code,origin,date,value,note\n" +
            "8471.30.01.00,CN,2025-08-13,100,=HYPERLINK(\"http://evil\")\n" +
            "x,CN,2025-08-13,100,@cmd\n"));
        Assert.Equal("'=HYPERLINK(\"http://evil\")", BatchRun.ReadCsv(r.OutputPath)[0]["note"]);
        Assert.Equal("'@cmd", BatchRun.ReadCsv(r.RejectsPath)[0]["note"]);
    }

    [Fact]
    public void An_xlsx_cell_longer_than_excel_allows_is_cut_and_says_so()
    {
        var s = SpreadsheetText.SafeXlsx(new string('a', 40_000));
        Assert.Equal(SpreadsheetText.MaxXlsxCell, s.Length);
        Assert.EndsWith("[cut: 40,000 characters; an Excel cell holds 32,767]", s);
    }
}

public class Utf16Tests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_without_a_byte_order_mark_is_read_as_utf16(bool bigEndian)
    {
        // before: every line rejected as not UTF-8, plus a phantom line from the last zero byte
        using var run = new BatchRun();
        var text = "code,origin,date,value\r\n8471.30.01.00,CN,2025-08-13,100\r\n8471.30.01.00,CN,2025-08-13,200\r\n";
        var r = run.Run(run.WriteBytes("u16.csv", new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(text)));
        Assert.True(r.IsAccounted);
        Assert.Equal(2, r.LinesRead);
        Assert.Equal(2, r.RowsWritten);
        Assert.Equal(["20.00", "40.00"], BatchRun.ReadCsv(r.OutputPath).Select(x => x["actual_total_duty"])); // 20% fentanyl duty
    }
}
