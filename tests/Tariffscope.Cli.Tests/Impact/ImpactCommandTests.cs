using System.Text.Json;
using System.Xml.Linq;

namespace Tariffscope.Tests.Impact;

public sealed class ImpactCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("tariffscope-impact-").FullName;
    private readonly string example = Path.Combine(SharedData.RepoRoot(), "docs", "impact-model.json");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void The_documented_example_runs_with_json_and_US_imports_shift_from_China_to_Vietnam()
    {
        var run = Cli.ProcessIn(dir, "impact", "--model", example, "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);

        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        var regions = root.GetProperty("regions").EnumerateArray().ToArray();
        Assert.Equal(["US", "CN", "VN"], regions.Select(r => r.GetProperty("region").GetString()));
        foreach (var r in regions)
        {
            var cs = r.GetProperty("consumerSurplus").GetDouble();
            var ps = r.GetProperty("producerSurplus").GetDouble();
            var rev = r.GetProperty("tariffRevenue").GetDouble();
            Assert.Equal(cs + ps + rev, r.GetProperty("welfare").GetDouble(), 9);
            Assert.True(double.IsFinite(r.GetProperty("worldPriceChange").GetDouble()));
        }

        var after = root.GetProperty("flowsAfter").EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        Assert.Equal(3, after.Length);
        Assert.All(after, row => Assert.Equal(3, row.Length));
        // Rows are exporters, columns importers. The US raises its tariff on China (1.55 → 1.79) and China on the US.
        Assert.True(after[1][0] < 440, $"US imports from CN fall (440 → {after[1][0]})");
        Assert.True(after[2][0] > 137, $"US imports from VN rise (137 → {after[2][0]})");
        Assert.True(after[0][1] < 140, $"CN imports from US fall (140 → {after[0][1]})");
        Assert.Equal(0, after[0][0]);
        // The US is the importer that raised a tariff: its tariff revenue rises and its consumers lose.
        Assert.True(regions[0].GetProperty("tariffRevenue").GetDouble() > 0);
        Assert.True(regions[0].GetProperty("consumerSurplus").GetDouble() < 0);
        Assert.Empty(root.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void Without_json_it_prints_tables_by_region_and_route()
    {
        var run = Cli.ProcessIn(dir, "impact", "--model", example);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Effects by region", run.Stdout);
        Assert.Contains("Flows (exporter → importer)", run.Stdout);
        Assert.Contains("CN → US", run.Stdout);
        Assert.Contains("440.00", run.Stdout);
    }

    [Fact]
    public void A_bad_model_file_gives_one_line_naming_line_field_and_expectation()
    {
        var bad = Path.Combine(dir, "bad.json");
        File.WriteAllText(bad, File.ReadAllText(example).Replace("[137, 60, 0]", "[137, -60, 0]"));
        var run = Cli.ProcessIn(dir, "impact", "--model", "bad.json");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal("bad.json:3:48: flows[2][1]: flow is -60; a flow must be a finite value >= 0 (at world prices)", run.Stderr.Trim());
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Malformed_json_is_reported_at_its_line_without_a_stack_trace()
    {
        File.WriteAllText(Path.Combine(dir, "broken.json"), "{\n  \"regions\": [\"US\" \"CN\"]\n}");
        var run = Cli.ProcessIn(dir, "impact", "--model", "broken.json");
        Assert.NotEqual(0, run.ExitCode);
        Assert.StartsWith("broken.json:2:", run.Stderr);
        Assert.Contains("malformed JSON", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public void Charts_are_written_as_png_or_svg()
    {
        var png = Cli.ProcessIn(dir, "impact", "--model", example, "--chart", "impact.png", "--json");
        Assert.Equal(0, png.ExitCode);
        var bytes = File.ReadAllBytes(Path.Combine(dir, "impact.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);

        var svg = Cli.ProcessIn(dir, "impact", "--model", example, "--chart", "impact.svg", "--json");
        Assert.Equal(0, svg.ExitCode);
        var xml = XDocument.Load(Path.Combine(dir, "impact.svg"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(2, xml.Root!.Elements(ns + "g").Elements(ns + "svg").Count());
        Assert.Contains("Welfare change by region", xml.ToString());
    }

    [Fact]
    public void Missing_model_and_unknown_chart_formats_are_refused()
    {
        var none = Cli.ProcessIn(dir, "impact");
        Assert.NotEqual(0, none.ExitCode);
        Assert.Contains("--model", none.Stdout + none.Stderr);
        var gif = Cli.ProcessIn(dir, "impact", "--model", example, "--chart", "x.gif");
        Assert.NotEqual(0, gif.ExitCode);
        Assert.Contains("must end in .png or .svg", gif.Stdout + gif.Stderr);
    }
}

/// <summary>`impact --scenario`: tariffs from the engine for both scenarios, flows from the imported trade data.</summary>
public class ScenarioImpactCommandTests
{
    [Fact]
    public void A_snap_back_on_China_diverts_imports_to_Vietnam()
    {
        // Valves (8481.80.50, MFN 3%, List 3) from China and Vietnam. On 2025-08-20 the lapse raises China's reciprocal
        // rate by 24 points (10% -> 34%) and leaves Vietnam's 20% alone, so China's flow falls and Vietnam's rises.
        using var dir = new TempDir();
        File.WriteAllText(dir.File("flows.csv"), "importer,partner,hs10,year,value,duty\nUS,CN,8481805090,2024,1000000,0\nUS,VN,8481805090,2024,400000,0\n");
        Assert.Equal(0, Cli.Run("data", "import-trade", dir.File("flows.csv"), "--data-dir", dir.Path).ExitCode);
        var r = Cli.Run("impact", "--scenario", "truce-lapses-aug-2025", "--date", "2025-08-20", "--data-dir", dir.Path, "--json");
        Assert.Equal(0, r.ExitCode);
        var doc = System.Text.Json.JsonDocument.Parse(r.Output).RootElement;
        var partners = doc.GetProperty("partners").EnumerateArray().ToDictionary(p => p.GetProperty("partner").GetString()!, p => p.GetProperty("flowChange").GetDouble());
        Assert.True(partners["CN"] < 0, $"CN change {partners["CN"]}");
        Assert.True(partners["VN"] > 0, $"VN change {partners["VN"]}");
        Assert.Equal(2, doc.GetProperty("flowsRated").GetInt32());
    }

    [Fact]
    public void Without_trade_data_the_command_says_how_to_load_it()
    {
        using var dir = new TempDir();
        var r = Cli.Process("impact", "--scenario", "truce-lapses-aug-2025", "--date", "2025-08-20", "--data-dir", dir.Path);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("import-trade", r.Stderr);
    }
}
