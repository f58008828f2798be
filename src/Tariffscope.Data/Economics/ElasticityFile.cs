using System.Globalization;
using Tariffscope.Economics;

namespace Tariffscope.Data.Economics;

/// <summary>
/// Reads elasticities by HS prefix from CSV: header <c>hs,import_demand,substitution,export_supply</c> and an optional
/// <c>source</c> column; lines starting with # are comments. <c>hs</c> is a 2-, 4- or 6-digit prefix, or <c>*</c> for
/// the defaults (the GSIM defaults when the file has no <c>*</c> row). export_supply may be <c>inf</c>.
/// </summary>
public static class ElasticityFile
{
    public const string BuiltInResource = "builtin/economics/elasticities.csv";
    private static readonly string[] Columns = ["hs", "import_demand", "substitution", "export_supply"];

    /// <summary>The table shipped with Tariffscope (defaults only, with their source).</summary>
    public static ElasticityTable LoadBuiltIn()
    {
        using var stream = typeof(ElasticityFile).Assembly.GetManifestResourceStream(BuiltInResource)
            ?? throw new InvalidOperationException($"resource {BuiltInResource} is missing from the build");
        using var reader = new StreamReader(stream);
        return Parse(reader, "elasticities.csv (built in)");
    }

    public static ElasticityTable Read(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return Parse(reader, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, 0, 0, "", $"cannot read the elasticities file: {e.Message}");
        }
    }

    public static ElasticityTable Parse(TextReader reader, string fileName)
    {
        string[]? header = null;
        Elasticities? defaults = null;
        string? defaultsSource = null;
        var entries = new List<ElasticityEntry>();
        var seenAt = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNo = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#')) continue;
            var cells = SplitCsv(line, fileName, lineNo);
            if (header is null)
            {
                header = cells.Select(c => c.Trim().ToLowerInvariant()).ToArray();
                var ok = header.Length >= 4 && header.Take(4).SequenceEqual(Columns) && (header.Length == 4 || (header.Length == 5 && header[4] == "source"));
                if (!ok) throw new InputFileException(fileName, lineNo, 0, "header",
                    $"expected the columns {string.Join(",", Columns)} (and optionally source); found {line.Trim()}");
                continue;
            }
            if (cells.Length != header.Length)
                throw new InputFileException(fileName, lineNo, 0, "", $"has {cells.Length} cells, expected {header.Length} ({string.Join(",", header)})");

            var hs = cells[0].Trim().Replace(".", "");
            var values = new Elasticities(
                Number(cells[1], "import_demand", Elasticities.ImportDemandProblem),
                Number(cells[2], "substitution", Elasticities.SubstitutionProblem),
                Number(cells[3], "export_supply", Elasticities.ExportSupplyProblem));
            var source = header.Length == 5 && !string.IsNullOrWhiteSpace(cells[4]) ? cells[4].Trim() : null;
            if (hs != "*" && (hs.Length is not (2 or 4 or 6) || !hs.All(char.IsAsciiDigit)))
                throw new InputFileException(fileName, lineNo, 0, "hs", $"'{cells[0].Trim()}' must be an HS prefix of 2, 4 or 6 digits, or * for the defaults");
            if (seenAt.TryGetValue(hs, out var first))
                throw new InputFileException(fileName, lineNo, 0, "hs", $"{hs} is given twice (first on line {first})");
            seenAt[hs] = lineNo;
            if (hs == "*") { defaults = values; defaultsSource = source; }
            else entries.Add(new ElasticityEntry(hs, values, source));

            double Number(string text, string column, Func<double, string?> problem)
            {
                var t = text.Trim();
                double v;
                if (t.Equals("inf", StringComparison.OrdinalIgnoreCase) || t.Equals("infinity", StringComparison.OrdinalIgnoreCase)) v = double.PositiveInfinity;
                else if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out v))
                    throw new InputFileException(fileName, lineNo, 0, column, $"'{t}' is not a number");
                return problem(v) is { } p ? throw new InputFileException(fileName, lineNo, 0, column, p) : v;
            }
        }
        if (header is null) throw new InputFileException(fileName, lineNo, 0, "header", $"the file is empty; expected the columns {string.Join(",", Columns)}");
        return new ElasticityTable(defaults ?? Elasticities.GsimDefaults, entries, defaults is null ? "GSIM defaults (no * row in the file)" : defaultsSource);
    }

    /// <summary>Splits one CSV line: commas separate, double quotes enclose a cell, "" is a quote inside one.</summary>
    private static string[] SplitCsv(string line, string fileName, int lineNo)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var k = 0; k < line.Length; k++)
        {
            var c = line[k];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (k + 1 < line.Length && line[k + 1] == '"') { cell.Append('"'); k++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        if (quoted) throw new InputFileException(fileName, lineNo, 0, "", "a quoted cell is not closed");
        cells.Add(cell.ToString());
        return cells.ToArray();
    }
}
