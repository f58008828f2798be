using Tariffscope.Data;
using Tariffscope.Data.Entries;
using Tariffscope.Engine.Panel;
using Tariffscope.Questions.Panel;
using Tariffscope.Tests.Batch;

namespace Tariffscope.Tests.Panel;

/// <summary>
/// The compiled rules kept on disk between runs: a second run plans nothing and writes the same bytes; a cache file
/// that does not read back whole, or one written under other inputs, is never used; the file stands for the cells it
/// was written from, formula by formula.
/// </summary>
public class PanelCacheTests
{
    private static readonly string[] Scenarios = ["actual", BatchRun.Lapse];

    private static (BatchResult Result, byte[] Output, byte[] Rejects) Rate(Questions.Rulebook rules, BatchRun run, string input, string output, bool panel = true)
    {
        var r = RateFileQuestion.RunAsync(rules, new BatchOptions
        {
            Input = input, Output = run.PathOf(output), Scenarios = Scenarios, ChunkLines = 300, Workers = 2, Panel = panel,
        }).GetAwaiter().GetResult();
        Assert.True(r.IsAccounted);
        return (r, File.ReadAllBytes(r.OutputPath), File.ReadAllBytes(r.RejectsPath));
    }

    private static Questions.Rulebook RulesOver(string dir) => new(Workspace.Load(new DataDirectory(dir, "test")));

    [Fact]
    public void A_second_run_reads_the_cells_back_plans_none_and_writes_the_same_bytes()
    {
        using var run = new BatchRun();
        var data = Directory.CreateDirectory(run.PathOf("data")).FullName;
        var input = run.Write("in.csv", PanelRateTests.Sample(1500, 7));
        var quoted = Rate(RulesOver(data), run, input, "quoted.csv", panel: false);
        var cold = Rate(RulesOver(data), run, input, "cold.csv");
        var files = Directory.GetFiles(Path.Combine(data, "cache", PanelCache.Folder), "*.cells");
        Assert.Equal(2, files.Length); // one per scenario
        var warm = Rate(RulesOver(data), run, input, "warm.csv");
        Assert.True(cold.Result.Panel!.CellsPlanned > 0 && cold.Result.Panel.CellsLoaded == 0);
        Assert.Equal(0, warm.Result.Panel!.CellsPlanned);
        Assert.Equal(cold.Result.Panel.CellsPlanned + cold.Result.Panel.CellsInherited, warm.Result.Panel.CellsLoaded);
        Assert.Equal(quoted.Output, cold.Output);
        Assert.Equal(quoted.Output, warm.Output);
        Assert.Equal(quoted.Rejects, warm.Rejects);

        // a torn or foreign file is not read: the run plans afresh and answers the same
        foreach (var f in files) File.WriteAllBytes(f, File.ReadAllBytes(f)[..(int)(new FileInfo(f).Length / 2)]);
        var torn = Rate(RulesOver(data), run, input, "torn.csv");
        Assert.Equal(0, torn.Result.Panel!.CellsLoaded);
        Assert.True(torn.Result.Panel.CellsPlanned > 0);
        Assert.Equal(quoted.Output, torn.Output);
    }

    [Fact]
    public void A_new_policy_file_in_the_data_directory_names_another_file()
    {
        using var run = new BatchRun();
        var data = Directory.CreateDirectory(run.PathOf("data")).FullName;
        var before = PanelCache.PathFor(RulesOver(data), "actual", null, new(2025, 1, 1), new(2026, 12, 31));
        Directory.CreateDirectory(Path.Combine(data, "scenarios"));
        File.WriteAllText(Path.Combine(data, "scenarios", "mine.yaml"),
            "name: mine\ndescription: nothing changes\ninherits: actual\n");
        var after = PanelCache.PathFor(RulesOver(data), "actual", null, new(2025, 1, 1), new(2026, 12, 31));
        Assert.NotNull(before);
        Assert.NotEqual(before, after);
        Assert.Null(PanelCache.PathFor(BatchRun.World.Rules(), "actual", null, new(2025, 1, 1), new(2026, 12, 31))); // the built-in data alone: memory only
    }

    [Fact]
    public void Cells_read_back_price_every_value_as_the_cells_written()
    {
        var engine = BatchRun.World.Rules().Engine(BatchRun.Lapse);
        var panel = new RatePanel(engine, new(2025, 1, 1), new(2026, 12, 31));
        var rnd = new Random(11);
        var lines = BatchRun.World.UsSchedule.Schedule.Revisions.SelectMany(r => r.Lines).Where(l => l.Code.Digits.Length == 10)
            .DistinctBy(l => l.Code.Digits).ToArray();
        string[] origins = ["CN", "DE", "CA", "MX", "BR", "IN", "JP", "VN"];
        for (int i = 0; i < 3000; i++)
            panel.TryGet(lines[rnd.Next(lines.Length)].Code, origins[rnd.Next(origins.Length)], new DateOnly(2025, 1, 1).AddDays(rnd.Next(0, 730)), out _);
        var stream = new MemoryStream();
        var written = panel.StoredCells().ToList();
        PanelFile.Write(stream, panel.Starts, panel.To, written);
        stream.Position = 0;
        var read = PanelFile.Read(stream, panel.Starts, panel.To);
        Assert.NotNull(read);
        Assert.Equal(written.Count, read.Count);
        Assert.Contains(written, c => c.Cell.Refusal is not null);
        var values = new[] { 0m, 0.01m, 1234.56m, 98_765_432.10m, 10.005m };
        for (int i = 0; i < written.Count; i++)
        {
            var (a, b) = (written[i], read[i]);
            Assert.Equal((a.Code, a.Interval, a.Rules), (b.Code, b.Interval, b.Rules));
            Assert.Equal(a.Cell.Refusal?.Message, b.Cell.Refusal?.Message);
            Assert.Equal(a.Cell.Formula is null, b.Cell.Formula is null);
            if (a.Cell.Formula is not { } fa) continue;
            var fb = b.Cell.Formula!;
            Assert.Equal(fa.Base.ToString(), fb.Base.ToString());
            Assert.Equal(fa.Measures, fb.Measures);
            Assert.Equal(fa.EntryDependent, fb.EntryDependent);
            foreach (var v in values)
            {
                System.Collections.Immutable.ImmutableArray<Tariffscope.Duties.Quantity> q = [new(v * 3, "kg")];
                var (xa, xb) = (new decimal[fa.Terms.Length + 1], new decimal[fb.Terms.Length + 1]);
                Assert.Equal(fa.TryEvaluate(v, q, xa, out var pa), fb.TryEvaluate(v, q, xb, out var pb));
                Assert.Equal(pa, pb);
                Assert.Equal(xa, xb);
            }
        }
        // another span's intervals do not read it
        stream.Position = 0;
        Assert.Null(PanelFile.Read(stream, [.. panel.Starts.Skip(1)], panel.To));
    }
}
