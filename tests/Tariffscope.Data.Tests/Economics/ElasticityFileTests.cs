using Tariffscope.Data.Economics;
using Tariffscope.Economics;

namespace Tariffscope.Tests.Economics;

public class ElasticityFileTests
{
    private static ElasticityTable Parse(string csv) => ElasticityFile.Parse(new StringReader(csv), "e.csv");
    private static string ErrorOf(string csv) => Assert.Throws<InputFileException>(() => Parse(csv)).Message;

    [Fact]
    public void The_built_in_file_holds_the_cited_GSIM_defaults_and_nothing_else()
    {
        var table = ElasticityFile.LoadBuiltIn();
        Assert.Equal(new Elasticities(-1.25, 5, 1.5), table.Defaults);
        Assert.Empty(table.Entries);
        Assert.Contains("Francois and Hall 2003", table.DefaultsSource);
        Assert.True(table.Lookup("847130").IsDefault);
    }

    [Fact]
    public void Reads_prefixes_defaults_comments_quoted_sources_and_infinite_supply()
    {
        var table = Parse("""
            # a comment
            hs,import_demand,substitution,export_supply,source
            *,-1,4,inf,"house default, for tests"
            84,-1.1,4,2,
            8471.30,-2,9,1,"study, table 3"
            """);
        Assert.Equal(new Elasticities(-1, 4, double.PositiveInfinity), table.Defaults);
        Assert.Equal("house default, for tests", table.DefaultsSource);
        var hit = table.Lookup("8471.30.01.00");
        Assert.Equal("847130", hit.Prefix);
        Assert.Equal("study, table 3", hit.Source);
        Assert.Equal("84", table.Lookup("8401").Prefix);
        Assert.True(table.Lookup("0101").IsDefault);
    }

    [Fact]
    public void Without_a_default_row_the_GSIM_defaults_apply()
    {
        var table = Parse("hs,import_demand,substitution,export_supply\n84,-1.1,4,2\n");
        Assert.Equal(Elasticities.GsimDefaults, table.Defaults);
    }

    [Theory]
    [InlineData("hs,demand,substitution,export_supply\n", "e.csv:1: header: expected the columns hs,import_demand,substitution,export_supply (and optionally source); found hs,demand,substitution,export_supply")]
    [InlineData("hs,import_demand,substitution,export_supply\n84,1.1,4,2\n", "e.csv:2: import_demand: import demand elasticity is 1.1; it must be a finite number < 0")]
    [InlineData("hs,import_demand,substitution,export_supply\n84,-1.1,-4,2\n", "e.csv:2: substitution: substitution elasticity is -4; it must be a finite number > 0")]
    [InlineData("hs,import_demand,substitution,export_supply\n84,-1.1,4,zero\n", "e.csv:2: export_supply: 'zero' is not a number")]
    [InlineData("hs,import_demand,substitution,export_supply\n847,-1.1,4,2\n", "e.csv:2: hs: '847' must be an HS prefix of 2, 4 or 6 digits, or * for the defaults")]
    [InlineData("hs,import_demand,substitution,export_supply\n84,-1.1,4,2\n# x\n84,-1,4,2\n", "e.csv:4: hs: 84 is given twice (first on line 2)")]
    [InlineData("hs,import_demand,substitution,export_supply\n84,-1.1,4\n", "e.csv:2: has 3 cells, expected 4 (hs,import_demand,substitution,export_supply)")]
    [InlineData("# only a comment\n", "e.csv:1: header: the file is empty; expected the columns hs,import_demand,substitution,export_supply")]
    public void Bad_files_name_the_line_and_column(string csv, string expected) => Assert.Equal(expected, ErrorOf(csv));
}
