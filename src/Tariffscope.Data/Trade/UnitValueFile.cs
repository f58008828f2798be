using System.Globalization;
using Tariffscope.Data.Hts;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;
using Tariffscope.Trade;

namespace Tariffscope.Data.Trade;

/// <summary>
/// Reads unit values (<see cref="UnitValues"/>): a CSV of <c>code,year,price,unit,source[,citation,link,confidence,note]</c>.
/// The built-in file (data/trade/unit-values.csv) holds sourced 2024 crude oil prices; a bad row is named by file,
/// line and field.
/// </summary>
public static class UnitValueFile
{
    public const string BuiltInResource = "trade/unit-values.csv";

    private static readonly Lazy<UnitValues> Shipped = new(() => Parse(BuiltInData.ReadAllText(BuiltInResource), "built-in " + BuiltInResource));

    /// <summary>The unit values shipped with the tool.</summary>
    public static UnitValues BuiltIn() => Shipped.Value;

    /// <summary>The unit values an option names: "estimate" (the built-in ones, the default) or "none" (no estimate: the lower bound).</summary>
    /// <summary>Null when <see cref="ForOption"/> reads the option, else what is wrong with it (one message for every face).</summary>
    public static string? Check(string? option)
    {
        try { ForOption(option); return null; }
        catch (FormatException e) { return e.Message; }
    }

    public static UnitValues ForOption(string? option) => (option ?? "estimate").Trim().ToLowerInvariant() switch
    {
        "" or "estimate" => BuiltIn(),
        "none" or "lower-bound" => UnitValues.None,
        var other => throw new FormatException($"--quantities: expected estimate or none, found \"{other}\""),
    };

    public static UnitValues Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"unit value file '{path}' does not exist", path);
        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    public static UnitValues Parse(string text, string name)
    {
        CsvTable table;
        int code, year, price, unit, source;
        try
        {
            table = CsvTable.Parse(text, name);
            (code, year, price, unit, source) = (table.Require("code"), table.Require("year"), table.Require("price"), table.Require("unit"), table.Require("source"));
        }
        catch (HtsFormatException e) { throw new TradeDataException(e.Message, e); }
        int Optional(string column) => table.Header.ToList().FindIndex(h => h.Equals(column, StringComparison.OrdinalIgnoreCase));
        int citation = Optional("citation"), link = Optional("link"), confidence = Optional("confidence"), note = Optional("note");
        var values = new List<UnitValue>();
        foreach (var r in table.Records)
        {
            TradeDataException Bad(string field, string expected, string found) => new($"{name}, line {r.Line}, field {field}: expected {expected}, found '{found}'");
            string? Cell(int i) => i >= 0 && !string.IsNullOrWhiteSpace(r[i]) ? r[i].Trim() : null;
            HtsCode c;
            try { c = HtsCode.Parse(r[code].Trim()); }
            catch (FormatException) { throw Bad("code", "an HTS code or prefix such as 2709.00.10", r[code]); }
            if (!int.TryParse(r[year].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1900 or > 2100)
                throw Bad("year", "a four-digit base year such as 2024", r[year]);
            if (!decimal.TryParse(r[price].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) || p <= 0)
                throw Bad("price", "a positive price in US dollars per unit such as 60.99", r[price]);
            if (DutyUnits.Find(r[unit].Trim()) is null) throw Bad("unit", "a unit the duty rates use, such as bbl or kg", r[unit]);
            if (string.IsNullOrWhiteSpace(r[source])) throw Bad("source", "the publisher and table the price comes from", r[source]);
            var conf = Confidence.Medium;
            if (Cell(confidence) is { } cf && !Enum.TryParse(cf, ignoreCase: true, out conf)) throw Bad("confidence", "high, medium, low or unconfirmed", cf);
            values.Add(new UnitValue(c, y, p, r[unit].Trim(), new Provenance(r[source].Trim(), Cell(citation), Link: Cell(link), Confidence: conf, Note: Cell(note))));
        }
        try { return new UnitValues(values); }
        catch (ArgumentException e) { throw new TradeDataException($"{name}: {e.Message}", e); }
    }
}
