using System.Text.Json;
using Tariffscope.Economics;

namespace Tariffscope.Data.Economics;

/// <summary>
/// Reads a GSIM model file (JSON): regions, flows (rows exporters, columns importers, at world prices), power of
/// tariff before and after (1 + rate), and elasticities, each either one number for all regions or an array with one
/// per region. Every problem is reported as an <see cref="InputFileException"/> naming the line, column and field.
/// </summary>
public static class GsimModelFile
{
    private const string Regions = "regions", Flows = "flows", Before = "powerOfTariffBefore", After = "powerOfTariffAfter",
        ImportDemand = "importDemandElasticity", ExportSupply = "exportSupplyElasticity", Substitution = "substitutionElasticity";

    private static readonly string[] Fields = [Regions, Flows, Before, After, ImportDemand, ExportSupply, Substitution];

    public static GsimMarket Read(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, 0, 0, "", $"cannot read the model file: {e.Message}");
        }
        return Parse(bytes, path);
    }

    public static GsimMarket Parse(string json, string fileName = "model.json") => Parse(System.Text.Encoding.UTF8.GetBytes(json), fileName);

    public static GsimMarket Parse(ReadOnlySpan<byte> utf8, string fileName)
    {
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        JsonTree root;
        try { root = JsonTree.Parse(utf8); }
        catch (JsonException e)
        {
            var problem = e.Message;
            var cut = problem.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) problem = problem[..cut];
            throw new InputFileException(fileName, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "",
                "malformed JSON: " + problem.TrimEnd());
        }

        var bytes = utf8.ToArray();
        InputFileException Fail(long offset, string field, string problem)
        {
            var (line, column) = JsonTree.Position(bytes, offset);
            return new InputFileException(fileName, line, column, field, problem);
        }

        if (!root.IsObject) throw Fail(root.Offset, "", $"expected a JSON object with the fields {string.Join(", ", Fields)}; found {root.Describe()}");
        var fields = new Dictionary<string, JsonTree>(StringComparer.Ordinal);
        foreach (var (name, offset, value) in root.Properties)
        {
            if (!Fields.Contains(name)) throw Fail(offset, name, $"unknown field; expected only {string.Join(", ", Fields)}");
            if (!fields.TryAdd(name, value)) throw Fail(offset, name, "field is given twice");
        }
        foreach (var name in Fields)
            if (!fields.ContainsKey(name)) throw Fail(root.Offset, name, "missing field");

        // Shapes first (these the market cannot check on arrays it never receives), then values through the market.
        var regionsNode = fields[Regions];
        if (!regionsNode.IsArray) throw Fail(regionsNode.Offset, Regions, $"expected an array of region names; found {regionsNode.Describe()}");
        if (regionsNode.Items.Count == 0) throw Fail(regionsNode.Offset, Regions, "no regions; give at least one region name");
        var regions = regionsNode.Items.Select((item, k) =>
            item.Kind == JsonTokenType.String ? item.Text! : throw Fail(item.Offset, $"{Regions}[{k}]", $"expected a region name (a string); found {item.Describe()}"))
            .ToArray();
        var n = regions.Length;

        double[,] Matrix(string field)
        {
            var node = fields[field];
            if (!node.IsArray) throw Fail(node.Offset, field, $"expected an array of {n} rows of {n} numbers; found {node.Describe()}");
            if (node.Items.Count != n) throw Fail(node.Offset, field, $"has {node.Items.Count} rows, expected {n} (one per region)");
            var m = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                var row = node.Items[i];
                if (!row.IsArray) throw Fail(row.Offset, $"{field}[{i}]", $"expected a row of {n} numbers; found {row.Describe()}");
                if (row.Items.Count != n) throw Fail(row.Offset, $"{field}[{i}]", $"row {i} has {row.Items.Count} entries, expected {n} (one per region)");
                for (var j = 0; j < n; j++)
                    m[i, j] = row.Items[j].Number ?? throw Fail(row.Items[j].Offset, $"{field}[{i}][{j}]", $"expected a number; found {row.Items[j].Describe()}");
            }
            return m;
        }

        double[] PerRegion(string field)
        {
            var node = fields[field];
            if (node.Kind == JsonTokenType.Number)
                return [node.Number ?? throw Fail(node.Offset, field, "expected a finite number")];
            if (!node.IsArray) throw Fail(node.Offset, field, $"expected a number (for all regions) or an array of {n} numbers; found {node.Describe()}");
            if (node.Items.Count != n) throw Fail(node.Offset, field, $"has {node.Items.Count} values, expected {n} (one per region) or a single number");
            return node.Items.Select((item, k) => item.Number ?? throw Fail(item.Offset, $"{field}[{k}]", $"expected a number; found {item.Describe()}")).ToArray();
        }

        var flows = Matrix(Flows);
        var before = Matrix(Before);
        var after = Matrix(After);
        var em = PerRegion(ImportDemand);
        var es = PerRegion(Substitution);
        var ex = PerRegion(ExportSupply);
        try
        {
            return new GsimMarket(regions, flows, before, after, em, es, ex, Path.GetFileNameWithoutExtension(fileName));
        }
        catch (ModelInputException e)
        {
            // Point at the offending value: walk the field's node by the index the market reported.
            var node = fields[e.Field];
            foreach (var k in e.Index)
                if (node.IsArray && k < node.Items.Count) node = node.Items[k];
            var problem = e.Problem;
            if (e.Field == Regions && e.Index.Count == 1 && problem.Contains("twice"))
                problem += $" (first at {Regions}[{Array.IndexOf(regions, regions[e.Index[0]])}])";
            throw Fail(node.Offset, e.Field + string.Concat(e.Index.Select(k => $"[{k}]")), problem);
        }
    }
}
