namespace Tariffscope.Tests;

/// <summary>`indicators --on`: every output (table, JSON, CSV) holds only the days asked.</summary>
public class IndicatorsOnTests
{
    [Fact]
    public void The_csv_holds_only_the_dates_asked_with_on()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("flows.csv"), "importer,partner,hs10,year,value,duty\nUS,CN,8481805090,2024,1000000,0\nUS,CN,8471300100,2024,500000,0\n");
        Assert.Equal(0, Cli.Run("data", "import-trade", dir.File("flows.csv"), "--data-dir", dir.Path).ExitCode);
        var csv = dir.File("on.csv");
        var r = Cli.Run("indicators", "--partner", "CN", "--from", "2025-01-01", "--to", "2025-12-31",
            "--on", "2025-03-15,2025-08-20", "--csv", csv, "--data-dir", dir.Path);
        Assert.Equal(0, r.ExitCode);
        var dates = File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')[1]).Distinct().ToList();
        Assert.Equal(["2025-03-15", "2025-08-20"], dates);

        // Without --on the same run has a row for every change date, many more than two.
        var all = dir.File("all.csv");
        Assert.Equal(0, Cli.Run("indicators", "--partner", "CN", "--from", "2025-01-01", "--to", "2025-12-31", "--csv", all, "--data-dir", dir.Path).ExitCode);
        Assert.True(File.ReadAllLines(all).Skip(1).Select(l => l.Split(',')[1]).Distinct().Count() > 2);
    }
}
