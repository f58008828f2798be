using Tariffscope.Trade;

namespace Tariffscope.Tests.Trade;

/// <summary>Which table answers for a date: the month's; the last month for later dates; the 2024 annual one before 2025.</summary>
public class ClaimSharesTests
{
    private static ClaimShareTable Table(string partner, DateOnly from, bool annual, params (string Code, decimal Share)[] shares) =>
        new("S", partner, from, annual, shares.ToDictionary(s => s.Code, s => s.Share), new Provenance("hand-made"));

    private static readonly ClaimShares Shares = new([
        Table("CA", new DateOnly(2024, 1, 1), true, ("6110202010", 0.6m)),
        Table("CA", new DateOnly(2025, 3, 1), false, ("6110202010", 0.5m), ("8481805090", 1m)),
        Table("CA", new DateOnly(2025, 4, 1), false, ("6110202010", 0.8m)),
        Table("CA", new DateOnly(2025, 6, 1), false, ("6110202010", 0.9m)),
        Table("MX", new DateOnly(2025, 3, 1), false, ("8481805090", 0m)),
    ]);

    [Fact]
    public void The_month_answers_and_a_line_not_in_it_is_null()
    {
        Assert.Equal(0.5m, Shares.Share("S", "6110202010", "CA", new DateOnly(2025, 3, 31)));
        Assert.Equal(0.8m, Shares.Share("S", "6110202010", "CA", new DateOnly(2025, 4, 1)));
        Assert.Null(Shares.Share("S", "8481805090", "CA", new DateOnly(2025, 4, 15)));   // in March's table, not April's
        Assert.Equal(0m, Shares.Share("S", "8481805090", "MX", new DateOnly(2025, 3, 15))); // listed at 0: a share, not null
        Assert.Null(Shares.Share("S", "6110202010", "JP", new DateOnly(2025, 3, 15)));
        Assert.Null(Shares.Share("A", "6110202010", "CA", new DateOnly(2025, 3, 15)));
    }

    [Fact]
    public void After_the_last_month_the_last_answers_and_before_2025_the_annual_table()
    {
        Assert.Equal(0.9m, Shares.Share("S", "6110202010", "CA", new DateOnly(2026, 3, 1)));
        Assert.Equal(0.6m, Shares.Share("S", "6110202010", "CA", new DateOnly(2024, 7, 1)));
        // 2025 before the first month held: the annual table still answers (nothing nearer is known)
        Assert.Equal(0.6m, Shares.Share("S", "6110202010", "CA", new DateOnly(2025, 2, 1)));
        // a month missing between two held ones answers with nothing rather than an older month
        Assert.Null(Shares.Share("S", "6110202010", "CA", new DateOnly(2025, 5, 10)));
    }

    [Fact]
    public void Partners_and_programmes_are_case_blind_and_month_starts_are_change_dates()
    {
        Assert.Equal(0.5m, Shares.Share("s", "6110202010", "ca", new DateOnly(2025, 3, 2)));
        // May is not held between April and June: on 1 May April's shares stop answering (null, above), so the
        // shares change on that day too
        Assert.Equal([new DateOnly(2025, 4, 1), new DateOnly(2025, 5, 1), new DateOnly(2025, 6, 1)], Shares.ChangeDates("CA", new DateOnly(2025, 3, 10), new DateOnly(2025, 12, 31)));
        Assert.Equal([new DateOnly(2025, 6, 1)], Shares.ChangeDates("CA", new DateOnly(2025, 5, 1), new DateOnly(2025, 12, 31)));
        Assert.Equal([new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 1)], Shares.ChangeDates("CA", new DateOnly(2024, 6, 1), new DateOnly(2025, 3, 31)));
    }

    [Fact]
    public void Two_tables_for_one_month_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new ClaimShares([
            Table("CA", new DateOnly(2025, 3, 1), false), Table("CA", new DateOnly(2025, 3, 1), false)]));
        Assert.Contains("2025-03", e.Message);
    }

    [Fact]
    public void The_claim_option_reads_expected_none_all_and_pairs()
    {
        Assert.Equal(ClaimAssumption.Expected, ClaimBasis.Parse(null, Shares).Assumption);
        Assert.Equal("S", ClaimBasis.Parse("expected", Shares).ProgramOf("MX"));
        Assert.Equal(ClaimAssumption.None, ClaimBasis.Parse("none", Shares).Assumption);
        var all = ClaimBasis.Parse("all", ClaimShares.Empty);
        Assert.Equal((ClaimAssumption.All, "S", "S"), (all.Assumption, all.ProgramOf("CA"), all.ProgramOf("MX")));
        var pairs = ClaimBasis.Parse("ca=s", Shares);
        Assert.Equal((ClaimAssumption.All, "S", null), (pairs.Assumption, pairs.ProgramOf("CA"), pairs.ProgramOf("MX")));
        Assert.Contains("found \"CA\"", ClaimBasis.Check("CA"));
        Assert.Null(ClaimBasis.Check("all"));
    }

    [Fact]
    public void A_line_half_claimed_is_the_mean_of_its_claimed_and_unclaimed_ratings()
    {
        // Unclaimed: additional 25% (family f, covering all of the line), total 41.5%. Claimed: 0% and 0%.
        // Half claimed: additional 12.5%, total 20.75%, family f covers half the value and adds 12.5 points.
        var unclaimed = new LineRating(0.25m, 0.415m, [new FamilyRate("f", 0.25m, 1m)], null, null, false);
        var claimed = new LineRating(0m, 0m, [], null, null, false);
        var half = ClaimBasis.Blend(unclaimed, claimed, 0.5m);
        Assert.Equal((0.125m, 0.2075m), (half.Additional, half.Total));
        Assert.Equal(new FamilyRate("f", 0.125m, 0.5m), half.Families.Single());
        Assert.Same(unclaimed, ClaimBasis.Blend(unclaimed, claimed, 0m));
        Assert.Same(claimed, ClaimBasis.Blend(unclaimed, claimed, 1m));
    }
}
