namespace Tariffscope.Tests;

/// <summary>`tariffscope entries replay` on a file: the three files, the counts, the fees per entry.</summary>
public class ReplayCommandTests : IDisposable
{
    private readonly TempDir _t = new();
    public void Dispose() => _t.Dispose();

    // Hand-worked (see tests/Tariffscope.Data.Tests/Replay): E1 is a China List 3 line of 2025-05-20 declared right
    // (IEEPA 1,000 + 500 refundable; MPF at the FY2025 minimum 32.71); E2 a line of 2026-03-20 (no IEEPA; Section 122
    // 10%) worth 250,000, MPF at the FY2026 maximum 651.50; the third line has an unknown origin and is rejected.
    private const string Entries =
        "entry_number,entry_date,hts,country_of_origin,entered_value,mode,heading_1,duty_1,heading_2,duty_2,heading_3,duty_3,heading_4,duty_4\n" +
        "E1,2025-05-20,4202.92.31.20,CN,5000,ocean,9903.88.03,1250,9903.01.24,1000,9903.01.25,500,4202.92.31.20,880\n" +
        "E2,2026-03-20,4202.92.31.20,CN,250000,ocean,9903.88.03,62500,9903.03.01,25000,4202.92.31.20,44000,,\n" +
        "E3,2025-05-20,4202.92.31.20,QQ,100,ocean,,,,,,,,\n";

    [Fact]
    public void Replay_writes_lines_entries_and_rejects_and_the_counts_add_up()
    {
        var input = _t.File("in.csv");
        File.WriteAllText(input, Entries);
        var r = Cli.Run("entries", "replay", input, "--out", _t.File("out.csv"), "--as-of", "2026-05-01", "--report", _t.File("replay.html"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("3 read = 2 replayed + 1 rejected", r.Output);
        var lines = File.ReadAllLines(_t.File("out.csv"));
        Assert.Equal(3, lines.Length); // header + 2
        var entries = File.ReadAllLines(_t.File("out.entries.csv"));
        Assert.Contains(entries, l => l.StartsWith("E1,") && l.Contains(",1500.00,") && l.Contains(",32.71,"));
        Assert.Contains(entries, l => l.StartsWith("E2,") && l.Contains(",651.50,"));
        var rejects = File.ReadAllLines(_t.File("out.rejects.csv"));
        Assert.Equal(2, rejects.Length);
        Assert.Contains("country_of_origin", rejects[1]);
        var html = File.ReadAllText(_t.File("replay.html"));
        Assert.Contains("IEEPA refundable <b>$1,500.00</b>", html);
    }

    [Fact]
    public void A_file_without_an_entry_number_column_is_refused_with_the_usual_names()
    {
        var input = _t.File("in.csv");
        File.WriteAllText(input, "entry_date,hts,country_of_origin,entered_value\n2025-05-20,4202.92.31.20,CN,5000\n");
        var r = Cli.Process("entries", "replay", input, "--out", _t.File("out.csv"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no column for entry_number", r.Stderr);
        Assert.False(File.Exists(_t.File("out.csv")));
    }
}
