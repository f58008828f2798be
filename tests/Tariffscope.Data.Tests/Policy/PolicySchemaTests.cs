using System.Globalization;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace Tariffscope.Tests.Policy;

/// <summary>The published schema and the shipped files agree (the loader enforces the same rules at run time).</summary>
public class PolicySchemaTests
{
    private static readonly string Root = SharedData.RepoRoot();
    // Parsed once: the library registers a schema by its $id and refuses to register it twice.
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Root, "data", "policy", "policy.schema.json")));

    public static TheoryData<string> PolicyFiles() =>
        new(Directory.GetFiles(Path.Combine(Root, "data", "policy"), "*.yaml").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void Shipped_policy_file_is_valid_under_the_published_schema(string file)
    {
        var schema = Schema;
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Root, "data", "policy", file))));
        var json = System.Text.Json.JsonDocument.Parse(ToJson(yaml.Documents[0].RootNode)!.ToJsonString()).RootElement;
        var result = schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.Details?.Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? [];
        Assert.True(result.IsValid, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public void The_schema_refuses_a_measure_without_a_source()
    {
        var schema = Schema;
        var doc = System.Text.Json.JsonDocument.Parse("""{"horizon":"2026-01-01","measures":[{"id":"x","title":"x","family":"f","origins":["CN"],"products":["all"],"rate":"10%","from":"2025-01-01"}]}""").RootElement;
        var result = schema.Evaluate(doc, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.False(result.IsValid);
        Assert.Contains(result.Details!, d => d.Errors is { } e && e.Values.Any(v => v.Contains("source")));
    }

    /// <summary>YAML to JSON the way the loader reads it: plain whole numbers and booleans typed, the rest strings.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p when long.TryParse(p.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => JsonValue.Create(i),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
        YamlScalarNode p => JsonValue.Create(p.Value),
        _ => null,
    };
}
