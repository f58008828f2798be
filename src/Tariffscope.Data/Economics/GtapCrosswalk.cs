using System.Globalization;

namespace Tariffscope.Data.Economics;

/// <summary>
/// A crosswalk from HS codes to GTAP sectors, read from a CSV with <c>hs6_code</c> (or <c>hs6</c>) and
/// <c>gtap_code</c> columns, one row per national line (such as the HTS10 → GTAP crosswalk of the Yale Budget Lab's
/// tariff-rate tracker). Where an HS6 code's lines map to more than one sector, the sector of most lines wins.
/// Sector codes are upper-cased (the Yale file writes a few in lower case). The file is read where it is; Tariffscope ships no copy.
/// </summary>
public static class GtapCrosswalk
{
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        if (!File.Exists(path)) throw new InputFileException(path, 0, 0, "file", "not found");
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InputFileException(path, 1, 1, "header", "empty file; expected a header");
        var cols = header.Split(',').Select(c => c.Trim().ToLowerInvariant()).ToList();
        int hs = cols.FindIndex(c => c is "hs6_code" or "hs6"), gtap = cols.IndexOf("gtap_code");
        if (hs < 0 || gtap < 0) throw new InputFileException(path, 1, 1, "header", $"header '{header}': expected hs6_code (or hs6) and gtap_code columns");
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        string? line;
        var lineNo = 1;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            // the code columns come before any quoted description, so a plain split reaches them
            var f = line.Split(',');
            if (f.Length <= Math.Max(hs, gtap)) throw new InputFileException(path, lineNo, 1, "row", $"{f.Length} fields, expected at least {Math.Max(hs, gtap) + 1}");
            var code = f[hs].Trim();
            var sector = f[gtap].Trim().ToUpperInvariant(); // the file spells some codes in lower case (oxt, OXT)
            if (code.Length != 6 || !code.All(char.IsAsciiDigit)) throw new InputFileException(path, lineNo, hs + 1, "hs6_code", $"'{code}' is not a 6-digit HS code");
            if (sector.Length == 0) throw new InputFileException(path, lineNo, gtap + 1, "gtap_code", "empty");
            if (!counts.TryGetValue(code, out var c)) counts[code] = c = new(StringComparer.Ordinal);
            c[sector] = c.GetValueOrDefault(sector) + 1;
        }
        return counts.ToDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).First().Key, StringComparer.Ordinal);
    }
}
