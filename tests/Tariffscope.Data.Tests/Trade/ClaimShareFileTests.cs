using Tariffscope.Data;
using Tariffscope.Data.Trade;
using Tariffscope.Trade;

namespace Tariffscope.Tests.Trade;

/// <summary>The USITC-style claim-share CSV: read, checked (errors name file, line and field), stored and loaded.</summary>
public sealed class ClaimShareFileTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tariffscope-claims-" + Guid.NewGuid().ToString("N"));

    public ClaimShareFileTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Header = "hts10,cty_code,usmca_share,total_value,usmca_value\n";

    [Fact]
    public void A_month_file_gives_one_table_per_partner_without_the_lines_not_imported()
    {
        var path = Write("usmca_product_shares_2026_03.csv", Header +
            "8481805090,1220,1,1000,1000\n" +
            "6110202010,1220,0.5,200,100\n" +
            "6110202010,2010,0,0,0\n" +        // no imports from Mexico that month: no share
            "8703230190,2010,0.25,400,100\n");
        var tables = ClaimShareFile.Read(path, "s");
        Assert.Equal(["CA", "MX"], tables.Select(t => t.Partner));
        var ca = tables[0];
        Assert.Equal(("S", new DateOnly(2026, 3, 1), false), (ca.Program, ca.From, ca.Annual));
        Assert.Equal(1m, ca.ByHts10["8481805090"]);
        Assert.Equal(0.5m, ca.ByHts10["6110202010"]);
        Assert.Equal(["8703230190"], tables[1].ByHts10.Keys);
        Assert.Equal("usmca_product_shares_2026_03.csv", ca.Source.Citation);
    }

    [Fact]
    public void The_period_comes_from_the_name_or_the_option()
    {
        Assert.Equal((new DateOnly(2025, 1, 1), false), ClaimShareFile.PeriodFromName("usmca_product_shares_2025_01.csv"));
        Assert.Equal((new DateOnly(2024, 1, 1), true), ClaimShareFile.PeriodFromName("usmca_product_shares_2024.csv"));
        Assert.Null(ClaimShareFile.PeriodFromName("shares.csv"));
        var path = Write("shares.csv", "hts10,cty_code,usmca_share\n8481805090,1220,0.75\n");
        var e = Assert.Throws<TradeDataException>(() => ClaimShareFile.Read(path, "S"));
        Assert.Contains("shares.csv: the month it covers is not in its name", e.Message);
        var t = ClaimShareFile.Read(path, "S", (new DateOnly(2026, 3, 1), false)).Single();
        Assert.Equal(0.75m, t.ByHts10["8481805090"]);
    }

    [Theory]
    [InlineData("8481.80.50,1220,0.5,1,1", "line 2, field hts10: expected a 10-digit tariff code such as 8703230190, found '8481.80.50'")]
    [InlineData("8481805090,9999,0.5,1,1", "line 2, field cty_code: expected a Census country code")]
    [InlineData("8481805090,1220,1.5,1,1", "line 2, field usmca_share: expected a share between 0 and 1, found '1.5'")]
    [InlineData("8481805090,1220,half,1,1", "line 2, field usmca_share: expected a share between 0 and 1, found 'half'")]
    [InlineData("8481805090,1220,0.5,-3,1", "line 2, field total_value: expected an import value in dollars, 0 or more, found '-3'")]
    public void A_bad_row_is_named_by_file_line_and_field(string row, string message)
    {
        var path = Write("usmca_product_shares_2026_03.csv", Header + row + "\n");
        var e = Assert.Throws<TradeDataException>(() => ClaimShareFile.Read(path, "S"));
        Assert.StartsWith("usmca_product_shares_2026_03.csv, ", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_code_twice_for_one_partner_and_a_missing_column_are_refused()
    {
        var twice = Write("a_2026_03.csv", Header + "8481805090,1220,0.5,1,1\n8481805090,1220,0.6,1,1\n");
        Assert.Contains("a_2026_03.csv, line 3, field hts10: expected each code once per partner", Assert.Throws<TradeDataException>(() => ClaimShareFile.Read(twice, "S")).Message);
        var noShare = Write("b_2026_03.csv", "hts10,cty_code\n8481805090,1220\n");
        Assert.Contains("b_2026_03.csv, line 1, field usmca_share: expected a column named usmca_share", Assert.Throws<TradeDataException>(() => ClaimShareFile.Read(noShare, "S")).Message);
    }

    [Fact]
    public void Imported_files_are_stored_under_the_programme_and_loaded_back()
    {
        var dir = new DataDirectory(Path.Combine(_root, "data"), "test");
        Assert.True(ClaimShareFile.LoadStored(dir).IsEmpty);
        ClaimShareFile.Import(dir, Write("m.csv", Header + "6110202010,1220,0.5,200,100\n"), "S", (new DateOnly(2026, 3, 1), false));
        ClaimShareFile.Import(dir, Write("usmca_product_shares_2024.csv", "hts10,cty_code,usmca_share\n6110202010,1220,0.6\n"), "S");
        Assert.True(File.Exists(Path.Combine(dir.Root, "claims", "S", "2026-03.csv")));
        Assert.True(File.Exists(Path.Combine(dir.Root, "claims", "S", "annual-2024.csv")));
        var shares = ClaimShareFile.LoadStored(dir);
        Assert.Equal(0.5m, shares.Share("S", "6110202010", "CA", new DateOnly(2026, 4, 15)));
        Assert.Equal(0.6m, shares.Share("S", "6110202010", "CA", new DateOnly(2024, 4, 15)));
        // the workspace exposes the same, loaded in one place
        Assert.Equal(0.5m, Workspace.Load(dir).ClaimShares.Share("S", "6110202010", "CA", new DateOnly(2026, 3, 1)));
    }

    [SkippableFact]
    public void The_shared_usmca_shares_load_with_the_record_of_each_month()
    {
        var folder = SharedData.Require("lists/us/usmca-shares");
        var shares = ClaimShareFile.LoadFolder(folder);
        // 15 files, Canada and Mexico each: the 2024 annual table and 14 months, 2025-01 to 2026-02
        Assert.Equal(30, shares.Tables.Count);
        Assert.Equal(2, shares.Tables.Count(t => t.Annual));
        // From the files' first lines: live horses 0101.21.00.10 from Canada, 2026-01: $143,374 all claimed (share 1);
        // 2024 annual: 0. From Mexico in 2026-01: no imports (total 0), so no share.
        Assert.Equal(1m, shares.Share("S", "0101210010", "CA", new DateOnly(2026, 1, 15)));
        Assert.Equal(0m, shares.Share("S", "0101210010", "CA", new DateOnly(2024, 6, 1)));
        Assert.Null(shares.Share("S", "0101210010", "MX", new DateOnly(2026, 1, 15)));
        // after the last month (2026-02) its table answers
        Assert.Same(shares.TableOn("S", "CA", new DateOnly(2026, 2, 1)), shares.TableOn("S", "CA", new DateOnly(2026, 9, 1)));
    }
}
