using Tariffscope.Data.Economics;

namespace Tariffscope.Tests.Economics;

public class GsimModelFileTests
{
    // The example model of the documentation, one field per line so that errors have distinct lines.
    private const string Good = """
        {
          "regions": ["US", "CN", "VN"],
          "flows": [[0, 140, 13], [440, 0, 160], [137, 60, 0]],
          "powerOfTariffBefore": [[1.0, 1.32, 1.05], [1.55, 1.0, 1.02], [1.10, 1.01, 1.0]],
          "powerOfTariffAfter":  [[1.0, 1.56, 1.05], [1.79, 1.0, 1.02], [1.10, 1.01, 1.0]],
          "importDemandElasticity": [-1.25, -1.1, -1.3],
          "exportSupplyElasticity": 1.5,
          "substitutionElasticity": 5.0
        }
        """;

    [Fact]
    public void Reads_the_documented_example()
    {
        var m = GsimModelFile.Parse(Good, "model.json");
        Assert.Equal(["US", "CN", "VN"], m.Regions);
        Assert.Equal(440, m.Flow(1, 0));
        Assert.Equal(1.79, m.PowerAfter(1, 0));
        Assert.Equal(-1.1, m.ImportDemand(1));
        Assert.Equal(1.5, m.ExportSupply(2));
        Assert.Equal(5.0, m.Substitution(0));
    }

    private static string ErrorOf(string json) =>
        Assert.Throws<InputFileException>(() => GsimModelFile.Parse(json, "model.json")).Message;

    private static string Edit(string from, string to)
    {
        Assert.Contains(from, Good);
        return Good.Replace(from, to);
    }

    // Each expected position is the line and column where the offending value (or array, or field name) starts.
    [Theory]
    // non-square: row 1 of flows has 2 entries
    [InlineData("[440, 0, 160]", "[440, 0]", "model.json:3:27: flows[1]: row 1 has 2 entries, expected 3 (one per region)")]
    [InlineData("[[0, 140, 13], [440, 0, 160], [137, 60, 0]]", "[[0, 140, 13], [440, 0, 160]]", "model.json:3:12: flows: has 2 rows, expected 3 (one per region)")]
    // negative flow
    [InlineData("[137, 60, 0]", "[137, -60, 0]", "model.json:3:48: flows[2][1]: flow is -60; a flow must be a finite value >= 0 (at world prices)")]
    // power of tariff below 1 and not positive
    [InlineData("[1.10, 1.01, 1.0]],\n  \"powerOfTariffAfter\"", "[1.10, 0.95, 1.0]],\n  \"powerOfTariffAfter\"",
        "model.json:4:72: powerOfTariffBefore[2][1]: power of tariff is 0.95; it must be >= 1 (it is 1 + rate, so 1.25 for a 25% duty)")]
    [InlineData("[[1.0, 1.56, 1.05]", "[[0, 1.56, 1.05]", "model.json:5:28: powerOfTariffAfter[0][0]: power of tariff is 0; it must be a positive number (1 + rate)")]
    // elasticities with the wrong sign
    [InlineData("[-1.25, -1.1, -1.3]", "[-1.25, 1.1, -1.3]", "model.json:6:37: importDemandElasticity[1]: import demand elasticity is 1.1; it must be a finite number < 0")]
    [InlineData("\"exportSupplyElasticity\": 1.5", "\"exportSupplyElasticity\": -1.5", "model.json:7:29: exportSupplyElasticity: export supply elasticity is -1.5; it must be > 0 (or +infinity)")]
    [InlineData("\"substitutionElasticity\": 5.0", "\"substitutionElasticity\": 0", "model.json:8:29: substitutionElasticity: substitution elasticity is 0; it must be a finite number > 0")]
    // regions missing or duplicated
    [InlineData("\"regions\": [\"US\", \"CN\", \"VN\"],\n", "", "model.json:1:1: regions: missing field")]
    [InlineData("[\"US\", \"CN\", \"VN\"]", "[\"US\", \"CN\", \"US\"]", "model.json:2:27: regions[2]: region 'US' is listed twice (first at regions[0])")]
    // array length not the number of regions
    [InlineData("[-1.25, -1.1, -1.3]", "[-1.25, -1.1]", "model.json:6:29: importDemandElasticity: has 2 values, expected 3 (one per region) or a single number")]
    // wrong types and unknown fields
    [InlineData("[0, 140, 13]", "[0, \"140\", 13]", "model.json:3:17: flows[0][1]: expected a number; found the string \"140\"")]
    [InlineData("\"substitutionElasticity\": 5.0", "\"substitutionElasticity\": 5.0, \"subsitution\": 3",
        "model.json:8:34: subsitution: unknown field; expected only regions, flows, powerOfTariffBefore, powerOfTariffAfter, importDemandElasticity, exportSupplyElasticity, substitutionElasticity")]
    public void Bad_model_files_name_the_line_field_and_what_was_expected(string from, string to, string expected)
    {
        Assert.Equal(expected, ErrorOf(Edit(from, to)));
    }

    [Fact]
    public void Malformed_JSON_reports_the_line_and_position_of_the_reader()
    {
        // A missing comma after the flows line: the reader stops at the start of line 4.
        var message = ErrorOf(Edit("[137, 60, 0]],", "[137, 60, 0]]"));
        Assert.StartsWith("model.json:4:3: malformed JSON: ", message);
        Assert.DoesNotContain("LineNumber", message);
    }

    [Fact]
    public void Something_that_is_not_an_object_is_refused()
    {
        Assert.Equal("model.json:1:1: expected a JSON object with the fields regions, flows, powerOfTariffBefore, powerOfTariffAfter, importDemandElasticity, exportSupplyElasticity, substitutionElasticity; found an array",
            ErrorOf("[1, 2]"));
    }

    [Fact]
    public void A_missing_file_is_reported_by_name()
    {
        var e = Assert.Throws<InputFileException>(() => GsimModelFile.Read("no-such-model.json"));
        Assert.StartsWith("no-such-model.json: cannot read the model file", e.Message);
    }
}
