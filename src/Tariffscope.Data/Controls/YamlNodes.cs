using System.Globalization;
using Tariffscope.Controls;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tariffscope.Data.Controls;

/// <summary>
/// Typed reading of a YAML mapping that keeps the position of every field, so that each error names the file,
/// line, column and field. Unknown fields are refused (a typo must not silently drop a fact).
/// </summary>
internal sealed class YamlNodes(string file)
{
    public string File => file;

    public static YamlMappingNode? LoadRoot(string file, string text)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException e)
        {
            throw new ControlDataException(file, (int)e.Start.Line, (int)e.Start.Column, "(syntax)", e.Message.Split('\n')[0]);
        }
        if (stream.Documents.Count == 0) return null;
        return stream.Documents[0].RootNode as YamlMappingNode
               ?? throw new ControlDataException(file, (int)stream.Documents[0].RootNode.Start.Line, (int)stream.Documents[0].RootNode.Start.Column,
                   "(document)", "expected a mapping of fields at the top of the file");
    }

    public ControlDataException Error(YamlNode node, string field, string problem) =>
        new(file, (int)node.Start.Line, (int)node.Start.Column, field, problem);

    public YamlMappingNode Map(YamlNode node, string field) =>
        node as YamlMappingNode ?? throw Error(node, field, "expected a mapping of fields (key: value)");

    public void OnlyFields(YamlMappingNode map, string what, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name))
                throw Error(key, $"{what}.{name}", $"unknown field (expected one of: {string.Join(", ", allowed)})");
        }
    }

    /// <summary>
    /// Control data once ended a span with <c>to:</c>, the first day it no longer applied. Spans now end with
    /// <c>through:</c>, the last day (as tariff data does); an old <c>to:</c> is refused, never silently read with
    /// either meaning, and the error gives the date to write.
    /// </summary>
    public void RefuseExclusiveTo(YamlMappingNode map, string what)
    {
        var key = map.Children.Keys.FirstOrDefault(k => (k as YamlScalarNode)?.Value == "to");
        if (key is null) return;
        var value = map.Children[key];
        var hint = value is YamlScalarNode { Value: { } v } && DateOnly.TryParseExact(v.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? $" (to: {d:yyyy-MM-dd} becomes through: {d.AddDays(-1):yyyy-MM-dd})" : "";
        throw Error(key, $"{what}.to", $"'to' (the first day it no longer applies) is not read any more: write 'through:' with the last day it applies, inclusive{hint}");
    }

    /// <summary>An optional inclusive end <c>through</c>, on or after <paramref name="from"/>.</summary>
    public DateOnly? Through(YamlMappingNode map, string what, DateOnly from)
    {
        var through = OptDate(map, "through", what);
        if (through < from) throw Error(Get(map, "through")!, $"{what}.through", $"expected a date on or after from ({from:yyyy-MM-dd}): through is the last day, inclusive");
        return through;
    }

    public YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) && !IsNull(v) ? v : null;

    public bool Has(YamlMappingNode map, string key) => map.Children.ContainsKey(new YamlScalarNode(key));

    public static bool IsNull(YamlNode n) =>
        n is YamlScalarNode s && s.Style == ScalarStyle.Plain && (s.Value is null or "" or "~" or "null");

    public YamlNode Need(YamlMappingNode map, string key, string what) =>
        Get(map, key) ?? throw Error(map, $"{what}.{key}", "missing (required)");

    public string Scalar(YamlNode node, string field) =>
        (node as YamlScalarNode)?.Value?.Trim() is { Length: > 0 } v ? v : throw Error(node, field, "expected a single value");

    public string Text(YamlMappingNode map, string key, string what) => Scalar(Need(map, key, what), $"{what}.{key}");

    public string? OptText(YamlMappingNode map, string key, string what) =>
        Get(map, key) is { } n ? Scalar(n, $"{what}.{key}") : null;

    public DateOnly Date(YamlNode node, string field)
    {
        var s = Scalar(node, field);
        return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw Error(node, field, $"expected a date YYYY-MM-DD, got '{s}'");
    }

    public DateOnly? OptDate(YamlMappingNode map, string key, string what) =>
        Get(map, key) is { } n ? Date(n, $"{what}.{key}") : null;

    public bool Bool(YamlMappingNode map, string key, string what, bool fallback)
    {
        if (Get(map, key) is not { } n) return fallback;
        return Scalar(n, $"{what}.{key}").ToLowerInvariant() switch
        {
            "true" or "yes" => true,
            "false" or "no" => false,
            var s => throw Error(n, $"{what}.{key}", $"expected true or false, got '{s}'"),
        };
    }

    /// <summary>A list of scalars; a single scalar is read as a list of one.</summary>
    public IReadOnlyList<(string Value, YamlNode Node)> Strings(YamlMappingNode map, string key, string what)
    {
        if (Get(map, key) is not { } n) return [];
        if (n is YamlScalarNode) return [(Scalar(n, $"{what}.{key}"), n)];
        if (n is not YamlSequenceNode seq) throw Error(n, $"{what}.{key}", "expected a list, e.g. [a, b]");
        return seq.Children.Select((c, i) => (Scalar(c, $"{what}.{key}[{i}]"), c)).ToList();
    }

    public IReadOnlyList<Tagged> Tags(YamlMappingNode map, string key, string what) =>
        Strings(map, key, what).Select(s => Tagged.Parse(s.Value)).ToList();

    public IReadOnlyList<YamlNode> Items(YamlMappingNode map, string key, string what)
    {
        if (Get(map, key) is not { } n) return [];
        return n is YamlSequenceNode seq ? seq.Children.ToList() : throw Error(n, $"{what}.{key}", "expected a list");
    }

    /// <summary>A share: "0.1%" (a percentage) or "0.001" (a fraction between 0 and 1).</summary>
    public decimal Share(YamlNode node, string field)
    {
        var s = Scalar(node, field).TrimEnd('?').Trim();
        var percent = s.EndsWith('%');
        var number = percent ? s[..^1].Trim() : s;
        if (!decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) || v < 0 || (!percent && v > 1) || (percent && v > 100))
            throw Error(node, field, $"expected a share such as 0.1% or 0.001, got '{s}'");
        return percent ? v / 100m : v;
    }
}
