using Tariffscope.Data.Hts;

namespace Tariffscope.Data.Trade;

/// <summary>
/// US Census country codes (CTY_CODE) to ISO 3166 alpha-2 codes. The built-in list covers the 51 partners of the
/// Census HS10 import files (data/trade/census-countries.csv, written from Census Schedule C); a user file with the
/// same columns (cty_code, iso2[, name]) maps others.
/// </summary>
public sealed class CensusCountries
{
    public const string BuiltInResource = "trade/census-countries.csv";
    private readonly Dictionary<string, (string Iso2, string Name)> _byCode;

    public string Source { get; }
    public IReadOnlyDictionary<string, (string Iso2, string Name)> ByCode => _byCode;

    private CensusCountries(Dictionary<string, (string, string)> byCode, string source)
    {
        _byCode = byCode;
        Source = source;
    }

    public static CensusCountries BuiltIn() => Parse(BuiltInData.ReadAllText(BuiltInResource), "built-in " + BuiltInResource);

    public static CensusCountries Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"country mapping '{path}' does not exist", path);
        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    public static CensusCountries Parse(string text, string name)
    {
        CsvTable table;
        try { table = CsvTable.Parse(text, name); }
        catch (HtsFormatException e) { throw new TradeDataException(e.Message, e); }
        int code = Require(table, "cty_code"), iso = Require(table, "iso2");
        int label = table.Header.ToList().FindIndex(h => h.Equals("name", StringComparison.OrdinalIgnoreCase));
        var map = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var r in table.Records)
        {
            var c = r[code].Trim();
            var i = r[iso].Trim().ToUpperInvariant();
            if (c.Length != 4 || !c.All(char.IsAsciiDigit))
                throw new TradeDataException($"{name}, line {r.Line}, field cty_code: expected a four-digit Census country code such as 5700, found '{c}'");
            if (i.Length != 2 || !i.All(char.IsAsciiLetterUpper))
                throw new TradeDataException($"{name}, line {r.Line}, field iso2: expected a two-letter country code such as CN, found '{i}'");
            if (!map.TryAdd(c, (i, label >= 0 ? r[label] : i)))
                throw new TradeDataException($"{name}, line {r.Line}, field cty_code: code {c} is listed twice");
        }
        return new CensusCountries(map, name);
    }

    private static int Require(CsvTable table, string column)
    {
        try { return table.Require(column); }
        catch (HtsFormatException e) { throw new TradeDataException(e.Message, e); }
    }

    public string? Iso2(string ctyCode) => _byCode.TryGetValue(ctyCode.Trim(), out var v) ? v.Iso2 : null;
}
