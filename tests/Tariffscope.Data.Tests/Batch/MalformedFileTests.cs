using Tariffscope.Data.Entries;

namespace Tariffscope.Tests.Batch;

/// <summary>Bad input gives a clear reject per line, or one clear error for the file; never a silent loss.</summary>
public class MalformedFileTests
{
    private static Dictionary<long, Dictionary<string, string>> Rejects(BatchResult r) =>
        BatchRun.ReadCsv(r.RejectsPath).ToDictionary(x => long.Parse(x[Data.Entries.ResultFiles.LineColumn]));

    [Fact]
    public void Ragged_rows_are_rejected_with_their_line_number()
    {
        using var run = new BatchRun();
        var r = run.Run(run.Write("in.csv",
            "code,origin,date,value\n" +
            "8507.60.00,CN,2025-08-13,100\n" +
            "8507.60.00,CN,2025-08-13\n" +                 // a field short
            "8507.60.00,CN,2025-08-13,100,extra\n" +       // one too many, with a value
            "8507.60.00,CN,2025-08-13,100,\n" +            // a trailing empty field loses nothing: rated
            "\n" +                                         // a blank line
            "8471.30.01.00,CN,2025-08-13,100\n"));
        Assert.True(r.IsAccounted);
        Assert.Equal(6, r.LinesRead);
        Assert.Equal(3, r.RowsWritten);
        var rej = Rejects(r);
        Assert.Equal([2L, 3L, 5L], rej.Keys.Order());
        Assert.Contains("ragged row: 3 fields where the header has 4", rej[2]["reject_reason"]);
        Assert.Contains("surplus: extra", rej[3]["reject_reason"]);
        Assert.Contains("blank line", rej[5]["reject_reason"]);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_reject_the_line_naming_the_field()
    {
        using var run = new BatchRun();
        var head = "code,origin,date,value,importer_name\n8507.60.00,CN,2025-08-13,100,Acme\n8507.60.00,CN,2025-08-13,100,Caf"u8.ToArray();
        byte[] latin1 = [0xE9]; // "é" in Latin-1: not UTF-8
        var tail = "\n8507.60.00,CN,2025-08-13,100,Ok\n"u8.ToArray();
        var r = run.Run(run.WriteBytes("latin1.csv", [.. head, .. latin1, .. tail]));
        Assert.True(r.IsAccounted);
        var rej = Rejects(r);
        Assert.Equal([2L], rej.Keys);
        Assert.Equal("importer_name", rej[2]["reject_field"]);
        Assert.Contains("not valid UTF-8", rej[2]["reject_reason"]);
    }

    [Fact]
    public void An_empty_file_is_a_clear_error_and_writes_nothing()
    {
        using var run = new BatchRun();
        var e = Assert.Throws<EntryFileException>(() => run.Run(run.Write("empty.csv", "")));
        Assert.Contains("empty.csv: the file is empty", e.Message);
        Assert.False(File.Exists(run.PathOf("out.csv")));
        Assert.Empty(Directory.GetFiles(run.Dir, "*.partial"));
    }

    [Fact]
    public void A_header_without_lines_gives_empty_results_that_add_up()
    {
        using var run = new BatchRun();
        var r = run.Run(run.Write("head.csv", "code,origin,date,value\n"));
        Assert.True(r.IsAccounted);
        Assert.Equal(0, r.LinesRead);
        Assert.Contains("actual_total_duty", BatchRun.Header(r.OutputPath));
        Assert.Empty(BatchRun.ReadCsv(r.OutputPath));
    }

    [Fact]
    public void A_missing_required_column_names_what_is_missing()
    {
        using var run = new BatchRun();
        var e = Assert.Throws<ArgumentException>(() => run.Run(run.Write("nocode.csv", "origin,date,value\nCN,2025-08-13,1\n")));
        Assert.Contains("no column for code", e.Message);
        var e2 = Assert.Throws<ArgumentException>(() => run.Run(run.Write("nodate.csv", "code,origin,value\n8507.60.00,CN,1\n")));
        Assert.Contains("--date", e2.Message);
    }

    [Fact]
    public void Quoted_numbers_with_thousands_separators_and_other_date_forms_are_read()
    {
        // By hand, 8471.30.01.00 (free) from China on 2025-08-13: only IEEPA fentanyl at 20% applies,
        // 20% × $10,000.50 = $2,000.10 on every line.
        using var run = new BatchRun();
        var r = run.Run(run.Write("forms.csv",
            "code;origin;date;value\n" +
            "8471.30.01.00;CN;2025/08/13;\"10,000.50\"\n" +
            "8471.30.01.00;CN;13.08.2025;\"10.000,50\"\n" +
            "8471.30.01.00;CN;08/13/2025;10000.50\n" +
            "8471.30.01.00;CN;05/06/2025;10000.50\n" +      // ambiguous date
            "8471.30.01.00;CN;2025-08-13;\"1,234\"\n"));    // ambiguous number
        Assert.True(r.IsAccounted);
        var rated = BatchRun.ReadCsv(r.OutputPath);
        Assert.Equal(3, rated.Count);
        Assert.All(rated, row => Assert.Equal("2000.10", row["actual_total_duty"]));
        var rej = Rejects(r);
        Assert.Equal("date", rej[4]["reject_field"]);
        Assert.Contains("ambiguous date", rej[4]["reject_reason"]);
        Assert.Equal("value", rej[5]["reject_field"]);
        Assert.Contains("ambiguous number", rej[5]["reject_reason"]);
    }

    [Fact]
    public void Engine_refusals_name_the_field_and_the_scenario()
    {
        using var run = new BatchRun();
        var r = run.Run(run.Write("bad.csv",
            "code,origin,date,value,qty,unit\n" +
            "9999.99.99,CN,2025-08-13,100,,\n" +            // not a line of the schedule
            "2204.21.50,FR,2025-08-13,100,,\n" +            // 6.3¢/liter needs liters
            "8507.60.00,XX,2025-08-13,100,,\n" +            // not a country
            "8507.60.00,CN,2025-08-13,-5,,\n"), scenarios: ["actual", BatchRun.Lapse]);
        var rej = Rejects(r);
        Assert.Equal("code", rej[1]["reject_field"]);
        Assert.Equal("actual", rej[1]["reject_scenario"]);
        Assert.Contains("unknown code on that date", rej[1]["reject_reason"]);
        Assert.Equal("qty", rej[2]["reject_field"]);
        Assert.Contains("missing quantity", rej[2]["reject_reason"]);
        Assert.Equal("origin", rej[3]["reject_field"]);
        Assert.Equal("value", rej[4]["reject_field"]);
        Assert.Equal(0, r.RowsWritten);
    }

    [Fact]
    public void A_cancelled_run_leaves_neither_the_output_nor_a_partial_file()
    {
        using var run = new BatchRun();
        var input = run.Write("in.csv", "code,origin,date,value\n" + string.Concat(Enumerable.Repeat("8507.60.00,CN,2025-08-13,100\n", 5000)));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => run.Run(input, ct: cts.Token));
        Assert.False(File.Exists(run.PathOf("out.csv")));
        Assert.False(File.Exists(run.PathOf("out.rejects.csv")));
        Assert.Empty(Directory.GetFiles(run.Dir, "*.partial", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(run.Dir, ".*"));
    }

    [Fact]
    public void The_map_option_names_columns_the_defaults_do_not_know()
    {
        using var run = new BatchRun();
        var r = run.Run(run.Write("m.csv", "Tariff No,Ctry,Val\n8471.30.01.00,CN,100\n"), date: new DateOnly(2025, 8, 13),
            map: new Dictionary<string, string> { ["Tariff No"] = "code", ["Ctry"] = "origin", ["val"] = "value" });
        Assert.Equal(1, r.RowsWritten);
        Assert.Equal("20.00", BatchRun.ReadCsv(r.OutputPath)[0]["actual_total_duty"]); // 20% fentanyl × $100
    }
}

public class AccountingTests
{
    [Fact]
    public void A_result_whose_counts_do_not_add_up_is_not_accounted_for()
    {
        using var run = new BatchRun();
        var r = run.Run(run.Write("in.csv", "code,origin,date,value\n8507.60.00,CN,2025-08-13,100\nx,CN,2025-08-13,1\n"));
        Assert.True(r.IsAccounted);
        Assert.False((r with { LinesRead = r.LinesRead + 1 }).IsAccounted);   // a line read but written nowhere
        Assert.False((r with { RejectsWritten = r.RejectsWritten - 1, LinesRead = r.LinesRead - 1 }).IsAccounted); // the summary disagrees
    }
}

public class HugeAmountTests
{
    [Fact]
    public void A_customs_value_near_decimal_range_rejects_its_line_and_the_batch_goes_on()
    {
        // 7e28 parses as a decimal but any rate times it overflows: before, the whole batch aborted.
        using var run = new BatchRun();
        var r = run.Run(run.Write("big.csv",
            "code,origin,date,value,qty,unit\n" +
            "8471.30.01.00,CN,2025-08-13,70000000000000000000000000000,,\n" +
            "8471.30.01.00,CN,2025-08-13,100,,\n" +
            "2204.21.50,FR,2025-05-01,100,79000000000000000000000000000,liters\n" +
            "8471.30.01.00,CN,2025-08-13,1000000000000,,\n"));   // a trillion: the largest value taken
        Assert.True(r.IsAccounted);
        Assert.Equal(2, r.RowsWritten);
        var rej = BatchRun.ReadCsv(r.RejectsPath).ToDictionary(x => long.Parse(x[ResultFiles.LineColumn]));
        Assert.Equal([1L, 3L], rej.Keys.Order());
        Assert.Equal("value", rej[1]["reject_field"]);
        Assert.Contains("a customs value of at most", rej[1]["reject_reason"]);
        Assert.Equal("qty", rej[3]["reject_field"]);
        Assert.Contains("a quantity of at most", rej[3]["reject_reason"]);
    }
}

public class StalePartialFileTests
{
    [Fact]
    public void Partial_files_left_by_a_killed_run_are_cleaned_by_the_next_run()
    {
        using var run = new BatchRun();
        string Left(string name, double hoursAgo)
        {
            var p = run.PathOf(name);
            File.WriteAllText(p, "half");
            File.SetLastWriteTimeUtc(p, DateTime.UtcNow.AddHours(-hoursAgo));
            return p;
        }
        var stale = new[] { Left(".out.csv.0123abcd.partial", 5), Left(".out.rejects.csv.4567.partial", 2) };
        var live = Left(".out.csv.89ef.partial", 0);          // another run's, being written
        var other = Left(".elsewhere.csv.0123.partial", 5);    // not this target's
        var r = run.Run(run.Write("in.csv", "code,origin,date,value\n8507.60.00,CN,2025-08-13,100\n"));
        Assert.True(r.IsAccounted);
        Assert.All(stale, p => Assert.False(File.Exists(p), p));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(other));
    }
}
