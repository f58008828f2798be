using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Data.Policy;

/// <summary>
/// Reads a product list file: CSV or plain text with one code per line. The code column is the first one whose
/// header names a code (HTSUS, hts8, hts10, hts_prefix, hs-code, code, …), else the first column. Codes are kept
/// as digit prefixes (see <see cref="ProductList.PrefixOf"/>); a line that is not a code is an error naming the line.
/// </summary>
public static class ProductListFile
{
    private static readonly string[] CodeHeaders = ["htsus", "hts", "hts8", "hts10", "hts_prefix", "hs-code", "hs_code", "hs6", "code", "hs"];

    public static IReadOnlyList<string> Read(Stream stream, string file)
    {
        using var reader = new StreamReader(stream);
        var codes = new List<string>();
        int column = 0, lineNo = 0;
        string? line;
        bool first = true;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#')) continue;
            var fields = line.Split(line.Contains(',') ? ',' : '\t');
            if (first)
            {
                first = false;
                var idx = Array.FindIndex(fields, f => CodeHeaders.Contains(f.Trim().Trim('"').ToLowerInvariant()));
                if (idx >= 0) { column = idx; continue; }
                if (HtsCode.TryParse(fields[0].Trim().Trim('"')) is null) continue; // an unrecognised header
            }
            if (column >= fields.Length)
                throw new FormatException($"{file}:{lineNo}: code: the line has {fields.Length} fields; expected a code in field {column + 1}");
            var text = fields[column].Trim().Trim('"');
            var code = HtsCode.TryParse(text) ?? throw new FormatException($"{file}:{lineNo}: code: '{text}' is not a tariff code");
            codes.Add(ProductList.PrefixOf(code));
        }
        return codes;
    }
}
