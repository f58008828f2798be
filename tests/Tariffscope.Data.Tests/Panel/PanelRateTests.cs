using System.Globalization;
using System.Text;
using Tariffscope.Data.Entries;
using Tariffscope.Engine.Batch;
using Tariffscope.Tests.Batch;

namespace Tariffscope.Tests.Panel;

/// <summary>
/// `rate` reads each scenario's compiled panel where a line allows it; its output files must be byte for byte those
/// of rating every line by a quote, under the actual timeline and both shipped US–China scenarios at once.
/// </summary>
public class PanelRateTests
{
    private static readonly string[] Origins = ["CN", "CN", "CN", "DE", "JP", "CA", "MX", "VN", "GB", "IN", "BR", "KR", "CH", "HK", "FR", "ZZ"];

    /// <summary>Random lines with every kind of fact: quantities (some in the wrong unit), metal shares, programmes,
    /// dates on both sides of the panel's span, retired codes, bad values.</summary>
    internal static string Sample(int n, int seed)
    {
        var rnd = new Random(seed);
        var lines = BatchRun.World.UsSchedule.Schedule.Revisions.SelectMany(r => r.Lines).Where(l => l.Code.Digits.Length == 10)
            .DistinctBy(l => l.Code.Digits).ToArray();
        var csv = new StringBuilder("id,code,origin,date,value,qty,unit,metal_share,program\n");
        var inv = CultureInfo.InvariantCulture;
        for (int i = 0; i < n; i++)
        {
            var l = lines[rnd.Next(lines.Length)];
            var date = new DateOnly(2024, 12, 1).AddDays(rnd.Next(0, 800));
            var value = rnd.Next(0, 50) == 0 ? "-5" : ((rnd.Next(0, 4) == 0 ? rnd.Next(1, 1000) * 50 + 5 : rnd.NextInt64(0, 50_000_000)) / 100m).ToString(inv);
            var (qty, unit) = rnd.Next(0, 3) switch
            {
                0 when l.Units.Length > 0 => (rnd.Next(1, 5000).ToString(inv), l.Units[0]),
                1 => (rnd.Next(1, 5000).ToString(inv), "kg"),
                _ => ("", ""),
            };
            var metal = rnd.Next(0, 8) == 0 ? (rnd.Next(0, 101) / 100m).ToString(inv) : "";
            var program = rnd.Next(0, 10) == 0 ? "S" : "";
            csv.Append(inv, $"{i},{l.Code},{Origins[rnd.Next(Origins.Length)]},{date:yyyy-MM-dd},{value},{qty},{unit},{metal},{program}\n");
        }
        return csv.ToString();
    }

    [Fact]
    public void Rating_from_the_panel_writes_the_same_bytes_as_quoting_every_line()
    {
        using var run = new BatchRun();
        var input = run.Write("in.csv", Sample(4000, 20));
        string[] scenarios = ["actual", BatchRun.Lapse, "us-china-arrangement-lapsed-nov-2026"];
        BatchResult Rate(string output, bool panel) => RateFileQuestion.RunAsync(BatchRun.World.Rules(), new BatchOptions
        {
            Input = input, Output = run.PathOf(output), Scenarios = scenarios, ChunkLines = 257, Workers = 2, Panel = panel,
        }).GetAwaiter().GetResult();
        var quoted = Rate("quoted.csv", panel: false);
        var paneled = Rate("panel.csv", panel: true);
        Assert.True(quoted.IsAccounted && paneled.IsAccounted);
        Assert.True(quoted.RejectsWritten > 0 && quoted.RowsWritten > 3000, $"the sample should rate most lines and reject some ({quoted.RowsWritten} rated, {quoted.RejectsWritten} rejected)");
        Assert.Equal(File.ReadAllBytes(quoted.OutputPath), File.ReadAllBytes(paneled.OutputPath));
        Assert.Equal(File.ReadAllBytes(quoted.RejectsPath), File.ReadAllBytes(paneled.RejectsPath));
    }
}
