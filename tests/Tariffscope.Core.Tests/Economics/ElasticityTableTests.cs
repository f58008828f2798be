using Tariffscope.Economics;

namespace Tariffscope.Tests.Economics;

public class ElasticityTableTests
{
    private static readonly ElasticityTable Table = new(Elasticities.GsimDefaults,
    [
        new ElasticityEntry("84", new Elasticities(-1.1, 4, 2)),
        new ElasticityEntry("8471", new Elasticities(-0.9, 7, 3)),
        new ElasticityEntry("847130", new Elasticities(-2, 9, 1)),
    ]);

    [Theory]
    [InlineData("8471.30.01.00", "847130")]
    [InlineData("847150", "8471")]
    [InlineData("8401.10", "84")]
    [InlineData("84", "84")]
    public void The_longest_prefix_wins(string code, string prefix)
    {
        var hit = Table.Lookup(code);
        Assert.False(hit.IsDefault);
        Assert.Equal(prefix, hit.Prefix);
    }

    [Fact]
    public void A_product_without_an_entry_falls_back_to_the_defaults_and_says_so()
    {
        var hit = Table.Lookup("8501.10");
        Assert.True(hit.IsDefault);
        Assert.Equal(Elasticities.GsimDefaults, hit.Values);
        Assert.Equal(new Elasticities(-1.25, 5, 1.5), Elasticities.GsimDefaults);
    }

    [Theory]
    [InlineData("847", "2, 4 or 6 digits")]
    [InlineData("84a1", "2, 4 or 6 digits")]
    public void Bad_prefixes_are_refused(string prefix, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new ElasticityTable(Elasticities.GsimDefaults, [new ElasticityEntry(prefix, Elasticities.GsimDefaults)]));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Elasticities_with_the_wrong_sign_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new ElasticityTable(Elasticities.GsimDefaults, [new ElasticityEntry("84", new Elasticities(1.2, 5, 1.5))]));
        Assert.Contains("import demand elasticity is 1.2; it must be a finite number < 0", e.Message);
    }
}
