using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Data.Policy;

/// <summary>A row of a list file that holds no tariff code, with its line and why.</summary>
public sealed record ListFileReject(int Line, string Field, string Reason)
{
    public override string ToString() => $"line {Line}: {Field}: {Reason}";
}

/// <summary>What a list file held: its codes (by the value of a split column when one was asked for) and the rows left out.</summary>
public sealed record ListFileContent(IReadOnlyList<(string Code, string Group)> Codes, IReadOnlyList<ListFileReject> Rejects, int Rows);

/// <summary>
/// Reads a product list file: CSV or plain text with one code per line. The code column is the first one whose
/// header names a code (HTSUS, hts8, hts10, hts_prefix, hs-code, code, …), else the first column. Codes are kept
/// as digit prefixes (see <see cref="ProductList.PrefixOf"/>). A row that holds no code is reported with its line
/// (<see cref="ListFileContent.Rejects"/>); a file whose rows are mostly not codes, or whose code column is headed as
/// countries, is refused: it is not a product list.
/// </summary>
public static class ProductListFile
{
    private static readonly string[] CodeHeaders = ["htsus", "hts", "hts8", "hts10", "hts_prefix", "hts_code", "hs-code", "hs_code", "hs6", "code", "hs", "htsno"];
    private static readonly string[] CountryHeaders = ["cty", "country", "iso", "partner", "origin"];

    /// <summary>The codes only, refusing a file with any row that is not a code (for the policy files' own lists).</summary>
    public static IReadOnlyList<string> Read(Stream stream, string file)
    {
        var content = Read(stream, file, null);
        if (content.Rejects.Count > 0) throw new FormatException($"{file}:{content.Rejects[0].Line}: {content.Rejects[0].Field}: {content.Rejects[0].Reason}");
        return content.Codes.Select(c => c.Code).ToList();
    }

    /// <param name="splitColumn">A column whose values group the codes into several lists (a category), or null.</param>
    public static ListFileContent Read(Stream stream, string file, string? splitColumn)
    {
        using var reader = new StreamReader(stream);
        var codes = new List<(string, string)>();
        var rejects = new List<ListFileReject>();
        int column = 0, group = -1, lineNo = 0, rows = 0;
        string columnName = "code";
        string? line;
        bool first = true;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#')) continue;
            var fields = line.Split(line.Contains(',') ? ',' : '\t').Select(f => f.Trim().Trim('"')).ToArray();
            if (first)
            {
                first = false;
                var idx = Array.FindIndex(fields, f => CodeHeaders.Contains(f.ToLowerInvariant()));
                bool isHeader = idx >= 0 || HtsCode.TryParse(fields[0]) is null;
                if (splitColumn is not null)
                {
                    group = Array.FindIndex(fields, f => f.Equals(splitColumn, StringComparison.OrdinalIgnoreCase));
                    if (group < 0) throw new FormatException($"{file}:1: --column: no column named '{splitColumn}' (the header has {string.Join(", ", fields)})");
                }
                if (isHeader)
                {
                    column = Math.Max(idx, 0);
                    columnName = fields[column];
                    if (idx < 0 && CountryHeaders.Any(c => columnName.Contains(c, StringComparison.OrdinalIgnoreCase)))
                        throw new FormatException($"{file}: not a product list: its first column '{columnName}' names countries, not tariff codes");
                    continue;
                }
            }
            rows++;
            if (column >= fields.Length) { rejects.Add(new(lineNo, columnName, $"the line has {fields.Length} fields; expected a code in field {column + 1}")); continue; }
            var text = fields[column];
            if (HtsCode.TryParse(text) is not { } code) { rejects.Add(new(lineNo, columnName, $"'{text}' is not a tariff code (2 to 10 digits, dots allowed)")); continue; }
            var g = group >= 0 && group < fields.Length ? fields[group] : "";
            codes.Add((ProductList.PrefixOf(code), g));
        }
        if (rows > 0 && codes.Count * 2 < rows)
            throw new FormatException($"{file}: not a product list: only {codes.Count} of {rows} rows hold a tariff code in column '{columnName}' " +
                                      $"(first problem: {rejects.FirstOrDefault()})");
        return new ListFileContent(codes, rejects, rows);
    }
}
