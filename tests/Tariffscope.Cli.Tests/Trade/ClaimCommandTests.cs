namespace Tariffscope.Tests;

/// <summary>`data import-claims`, the --claim option and the quote's claim line, through the command line.</summary>
public class ClaimCommandTests : IDisposable
{
    private readonly TempDir _t = new();
    public void Dispose() => _t.Dispose();

    [Fact]
    public void Import_claims_stores_the_month_and_a_bad_row_is_named()
    {
        var file = _t.File("usmca_product_shares_2026_03.csv");
        File.WriteAllText(file, "hts10,cty_code,usmca_share,total_value,usmca_value\n8481805090,1220,1,1000,1000\n6110202010,1220,0.5,200,100\n8481805090,2010,0,0,0\n");
        var r = Cli.Run("data", "import-claims", file, "--program", "S", "--data-dir", _t.File("data"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("programme S for 2026-03: CA 2 lines", r.Output.Replace("\n", " "));
        Assert.True(File.Exists(Path.Combine(_t.File("data"), "claims", "S", "2026-03.csv")));

        var bad = _t.File("bad.csv");
        File.WriteAllText(bad, "hts10,cty_code,usmca_share\n8481805090,1220,2\n");
        var e = Cli.Process("data", "import-claims", bad, "--month", "2026-03", "--data-dir", _t.File("data"));
        Assert.Equal(1, e.ExitCode);
        Assert.Contains("bad.csv, line 2, field usmca_share: expected a share between 0 and 1, found '2'", e.Stderr);
    }

    [Fact]
    public void A_quote_of_canadian_goods_says_what_the_usmca_claim_changes()
    {
        // Valves 8481.80.50, $1,000 from Canada on 20 March 2025: IEEPA 25% + MFN 3% = $280 without the claim, $0 with it.
        var r = Cli.Run("quote", "8481.80.50", "--origin", "CA", "--date", "2025-03-20", "--value", "1000", "--data-dir", _t.File("empty"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Claim: USMCA (S) claim: duty $0.00 with it, $280.00 without", r.Output.Replace("\n", " "));
        var cn = Cli.Run("quote", "8481.80.50", "--origin", "CN", "--date", "2025-03-20", "--value", "1000", "--data-dir", _t.File("empty"));
        Assert.DoesNotContain("USMCA", cn.Output);
    }

    [Theory]
    [InlineData("indicators", "series", "--claim", "CA")]
    [InlineData("indicators", "validate", "--claim", "CA=")]
    [InlineData("scenario", "diff", "actual", "actual", "--claim", "some")]
    public void A_claim_option_that_is_not_expected_none_all_or_pairs_is_refused(params string[] args)
    {
        var r = Cli.Process([.. args, "--data-dir", _t.File("empty")]);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("expected expected, none, all or PARTNER=PROGRAMME pairs", r.Stderr + r.Stdout);
    }

    [Theory]
    [InlineData("indicators", "series", "--quantities", "guess")]
    [InlineData("indicators", "validate", "--quantities", "all")]
    public void A_quantities_option_that_is_not_estimate_or_none_is_refused(params string[] args)
    {
        var r = Cli.Process([.. args, "--data-dir", _t.File("empty")]);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--quantities: expected estimate or none", r.Stderr + r.Stdout);
    }
}
