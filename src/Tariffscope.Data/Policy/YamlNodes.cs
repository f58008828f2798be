using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Tariffscope.Data.Policy;

/// <summary>A policy or scenario file that does not say what it must: names the file, line and field.</summary>
public sealed class PolicyFileException(string file, int line, string field, string message)
    : Exception($"{file}:{line}: {field}: {message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Field { get; } = field;
}

/// <summary>Typed, located access to a YAML mapping: every read failure names file, line and field.</summary>
internal sealed class YamlNodes(string file)
{
    public string File { get; } = file;

    public PolicyFileException Error(YamlNode node, string field, string message) =>
        new(File, (int)node.Start.Line, field, message);

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public void CheckKeys(YamlMappingNode map, string what, params string[] allowed)
    {
        foreach (var k in map.Children.Keys)
        {
            var name = ((YamlScalarNode)k).Value ?? "";
            if (!allowed.Contains(name))
                throw Error(k, name, $"unknown field in {what}; expected one of: {string.Join(", ", allowed)}");
        }
    }

    public YamlMappingNode Map(YamlNode node, string field) =>
        node as YamlMappingNode ?? throw Error(node, field, "expected a mapping (key: value lines)");

    public YamlSequenceNode Seq(YamlNode node, string field) =>
        node as YamlSequenceNode ?? throw Error(node, field, "expected a list ([a, b] or '- ' lines)");

    public string? Str(YamlMappingNode map, string key)
    {
        var n = Get(map, key);
        if (n is null) return null;
        if (n is not YamlScalarNode s) throw Error(n, key, "expected a single value");
        return string.IsNullOrWhiteSpace(s.Value) ? null : s.Value!.Trim();
    }

    public string Req(YamlMappingNode map, string key) =>
        Str(map, key) ?? throw Error(map, key, "is required");

    public IReadOnlyList<string> StrList(YamlMappingNode map, string key)
    {
        var n = Get(map, key);
        if (n is null) return [];
        if (n is YamlScalarNode one) return string.IsNullOrWhiteSpace(one.Value) ? [] : [one.Value!.Trim()];
        return Seq(n, key).Children.Select(c => c is YamlScalarNode s && s.Value is not null
            ? s.Value.Trim() : throw Error(c, key, "expected a list of single values")).ToList();
    }

    public DateOnly? Date(YamlMappingNode map, string key)
    {
        var n = Get(map, key);
        if (n is null) return null;
        var text = (n as YamlScalarNode)?.Value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw Error(n, key, $"'{text}' is not a date; expected YYYY-MM-DD");
    }

    public DateOnly ReqDate(YamlMappingNode map, string key) => Date(map, key) ?? throw Error(map, key, "is required (YYYY-MM-DD)");

    public int? Int(YamlMappingNode map, string key)
    {
        var text = Str(map, key);
        if (text is null) return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i
            : throw Error(Get(map, key)!, key, $"'{text}' is not a whole number");
    }

    /// <summary>A percentage ("24%", "24 %") or fraction ("0.24") read as a fraction.</summary>
    public decimal? Fraction(YamlMappingNode map, string key)
    {
        var text = Str(map, key);
        if (text is null) return null;
        var t = text.Replace(" ", "");
        bool pct = t.EndsWith('%');
        if (pct) t = t[..^1];
        if (!decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
            throw Error(Get(map, key)!, key, $"'{text}' is not a number or percentage (e.g. 24% or 0.24)");
        return pct ? v / 100m : v;
    }
}
