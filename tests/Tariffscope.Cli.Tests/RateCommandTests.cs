namespace Tariffscope.Tests;

/// <summary>`tariffscope rate`: outputs never land on the input or on each other.</summary>
public class RateCommandTests : IDisposable
{
    private readonly TempDir _t = new();
    public void Dispose() => _t.Dispose();

    private const string Entries = "code,origin,date,value\n8471.30.01.00,CN,2025-08-13,100\n";

    private string Input()
    {
        Directory.CreateDirectory(_t.File("sub"));
        var p = _t.File("in.csv");
        File.WriteAllText(p, Entries);
        return p;
    }

    [Theory]
    [InlineData("--out", "in.csv")]
    [InlineData("--out", "sub/../in.csv")]
    [InlineData("--rejects", "./sub/../in.csv")]
    [InlineData("--report", "sub/../in.csv")]
    public void An_output_naming_the_input_is_refused_and_the_input_is_untouched(string flag, string path)
    {
        var input = Input();
        var args = new List<string> { "rate", input, "--json" };
        if (flag != "--out") args.AddRange(["--out", _t.File("rated.csv")]);
        args.AddRange([flag, Path.Combine(_t.Path, path)]);
        var r = Cli.Run([.. args]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(Entries, File.ReadAllText(input));
        Assert.False(File.Exists(_t.File("rated.csv")));
    }

    [Fact]
    public void An_input_reached_through_a_symbolic_link_is_refused()
    {
        var input = Input();
        File.CreateSymbolicLink(_t.File("link.csv"), input);
        var r = Cli.Process("rate", input, "--out", _t.File("link.csv"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--out:", r.Stderr);
        Assert.Contains("is the input file", r.Stderr);
        Assert.Equal(Entries, File.ReadAllText(input));
    }

    [Fact]
    public void Two_outputs_naming_one_file_are_refused()
    {
        var input = Input();
        var r = Cli.Process("rate", input, "--out", _t.File("rated.csv"), "--report", _t.File("sub/../rated.csv"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--report:", r.Stderr);
        Assert.Contains("same file as --out", r.Stderr);
        Assert.False(File.Exists(_t.File("rated.csv")));
    }

    [Fact]
    public void Distinct_outputs_rate_and_exit_zero()
    {
        var input = Input();
        var r = Cli.Process("rate", input, "--out", _t.File("rated.csv"), "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("20.00", File.ReadAllText(_t.File("rated.csv"))); // 20% fentanyl duty on $100
    }
}
