using CsCheck;
using MiniExcelLibs;
using Tariffscope.Controls;
using Tariffscope.Data.Controls;
using Tariffscope.Questions.Controls;

namespace Tariffscope.Tests.Controls;

/// <summary>Nothing is lost: every line of a shipment file is screened or rejected, and the counts add up.</summary>
public sealed class ShipmentScreeningTests : IDisposable
{
    private static readonly ControlScreener Screener = new(ControlData.LoadBuiltIn());
    private readonly string _dir = Directory.CreateTempSubdirectory("ts-screen-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private (ScreeningSummary Summary, string[] Results, string[] Rejects) Screen(string csv, string name = "in.csv")
    {
        // Unique folders: CsCheck samples in parallel.
        var dir = Directory.CreateDirectory(Path.Combine(_dir, Guid.NewGuid().ToString("N"))).FullName;
        var input = Path.Combine(dir, name);
        File.WriteAllText(input, csv);
        var output = Path.Combine(dir, "out.csv");
        var s = ScreenFileQuestion.Run(input, output, null, Screener);
        return (s, File.ReadAllLines(output), File.ReadAllLines(s.RejectsFile));
    }

    [Fact]
    public void Good_and_bad_lines_are_all_accounted_for()
    {
        var (s, results, rejects) = Screen("""
            From,TO,Date,hs,element,eccn,params,content,end_user,end_use
            CN,US,2025-05-01,8505.11,Dy,,,,Detroit Motors,
            CN,US,2025-05-01,8505.11,Dy
            CN,US,2025-02-30,,Ga,,,,,
            CN,USA,2025-05-01,,Ga,,,,,
            US,CN,2025-05-01,,,,tpp=2368;pd=2.91;membw=4000,,,
            VN,US,2025-12-05,8505.11,,,,CN-REE=0.5%,"Magnet Buyer, Inc.",
            """);
        // 6 data lines: 3 good (lines 2, 6, 7); ragged (3), impossible date (4), three-letter country (5).
        Assert.Equal((6, 3, 3), (s.InputLines, s.Screened, s.Rejected));
        Assert.True(s.Balanced);
        Assert.Equal(1 + 3, results.Length);
        Assert.Equal(1 + 3, rejects.Length);
        Assert.StartsWith("3,(line),ragged row", rejects[1]);
        Assert.StartsWith("4,date,", rejects[2]);
        Assert.StartsWith("5,to,", rejects[3]);
        Assert.StartsWith("2,CN,US,2025-05-01,8505.11,Dy,,,licence-required", results[1]);
        Assert.StartsWith("6,US,CN,2025-05-01,,,,,licence-required", results[2]);
        Assert.StartsWith("7,VN,US,2025-12-05,8505.11,,,,no-licence-required", results[3]);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(s.Output)!, "out.rejects.csv"), s.RejectsFile);
    }

    [Fact]
    public void Empty_file_is_refused_with_a_clear_message()
    {
        var e = Assert.Throws<ControlDataException>(() => Screen(""));
        Assert.Equal("header", e.Field);
        Assert.Contains("empty", e.Problem);
    }

    [Fact]
    public void Header_only_screens_nothing_and_balances()
    {
        var (s, results, rejects) = Screen("from,to,date\n");
        Assert.Equal((0, 0, 0), (s.InputLines, s.Screened, s.Rejected));
        Assert.True(s.Balanced);
        Assert.Single(results);
        Assert.Single(rejects);
    }

    [Fact]
    public void Missing_required_column_is_refused()
    {
        var e = Assert.Throws<ControlDataException>(() => Screen("from,to,hs\nCN,US,8505.11\n"));
        Assert.Contains("'date'", e.Problem);
    }

    [Fact]
    public void Quoted_line_breaks_keep_line_numbers_and_blank_lines_are_rejected()
    {
        var (s, results, rejects) = Screen("from,to,date,end_user\nCN,US,2025-05-01,\"Two\nLines Ltd\"\n\nCN,US,2025-05-01,x\n");
        // Records start on lines 2, 4 (blank) and 5.
        Assert.Equal((3, 2, 1), (s.InputLines, s.Screened, s.Rejected));
        Assert.StartsWith("4,(line),blank line", rejects[1]);
        Assert.StartsWith("5,", results[^1]);
    }

    [Fact]
    public void Xlsx_files_are_screened_too()
    {
        var path = Path.Combine(_dir, "in.xlsx");
        MiniExcel.SaveAs(path, new[]
        {
            new Dictionary<string, object> { ["from"] = "CN", ["to"] = "US", ["date"] = "2025-01-15", ["element"] = "Ga" },
            new Dictionary<string, object> { ["from"] = "CN", ["to"] = "US", ["date"] = "15/01/2025", ["element"] = "Ga" },
        });
        var s = ScreenFileQuestion.Run(path, Path.Combine(_dir, "x.csv"), null, Screener);
        Assert.Equal((2, 1, 1), (s.InputLines, s.Screened, s.Rejected));
        Assert.Equal(1, s.ByOutcome["prohibited"]); // Ga to the US on 2025-01-15: Ann. 46/2024 para. 2
    }

    [Fact]
    public void Random_files_always_balance()
    {
        // Rows mix valid lines, bad countries, bad dates, ragged rows, blank lines and quoted commas.
        var cell = Gen.OneOf("CN", "US", "VN", "DE", "USA", "", "C1");
        var date = Gen.OneOf("2025-05-01", "2025-11-20", "2026-11-15", "2025-02-30", "yesterday", "");
        var item = Gen.OneOf("8505.11,Dy", "8112929010,Ga", ",Ho", "3801100030,", "84x,", ",Zz", ",");
        var row = Gen.Select(cell, cell, date, item, Gen.Int[0, 9]).Select((f, t, d, i, shape) => shape switch
        {
            0 => "",                               // blank line
            1 => $"{f},{t}",                       // ragged
            2 => $"{f},{t},{d},{i},\"A, B\",x",    // ragged with a quoted comma
            _ => $"{f},{t},{d},{i},\"Buyer, Inc.\"",
        });
        Gen.Select(row.List[0, 40], Gen.Bool).Sample((rows, trailingNewline) =>
        {
            var body = string.Join("\n", rows) + (trailingNewline ? "\n" : "");
            var (s, results, rejects) = Screen("from,to,date,hs,element,end_user\n" + body);
            // Every newline-separated segment after the header is a line, except an empty last one (a final newline).
            var segments = body.Split('\n');
            var expectedLines = segments.Length - (segments[^1] == "" ? 1 : 0);
            return s.Balanced && s.InputLines == expectedLines
                   && results.Length == 1 + s.Screened && rejects.Length == 1 + s.Rejected;
        }, iter: 60);
    }
}
