namespace Tariffscope.Duties;

/// <summary>
/// A unit a specific rate is charged per, or a quantity is declared in. Units of the same
/// <see cref="Dimension"/> convert exactly through <see cref="Factor"/> (the size of the unit in the dimension's
/// base unit); units of different dimensions never convert (a proof liter is not a liter without the strength,
/// a kilogram of copper content is not a kilogram of ore).
/// </summary>
/// <param name="Symbol">The spelling used for declared quantities (the HTS reporting unit where there is one).</param>
/// <param name="RateSpelling">How a rate per this unit prints after the slash: "kg", "doz.", "kg on copper content".</param>
public sealed record DutyUnit(string Symbol, string RateSpelling, string Dimension, decimal Factor)
{
    /// <summary>"kg (mass)", for messages that ask for a quantity.</summary>
    public string Describe() => RateSpelling == Symbol || RateSpelling == "each"
        ? $"{Symbol} ({Dimension})"
        : $"{Symbol} ({Dimension}, as in \"/{RateSpelling}\")";

    public override string ToString() => Symbol;
}

/// <summary>
/// The units the HTS rate texts and reporting units use, one line each: symbol, how a rate prints it, dimension,
/// exact factor to the dimension's base unit, and the other spellings met in the schedule.
/// </summary>
public static class DutyUnits
{
    private static readonly (string Symbol, string Rate, string Dimension, decimal Factor, string[] Aliases)[] Table =
    [
        // Mass (base kg). The carat is 200 mg and the pound 0.45359237 kg, both exact by definition.
        ("kg", "kg", "mass", 1m, ["kgs", "kilogram", "kilograms"]),
        ("g", "g", "mass", 0.001m, ["gram", "grams"]),
        ("t", "t", "mass", 1000m, ["tonne", "tonnes", "metric ton", "metric tons"]),
        ("carat", "carat", "mass", 0.0002m, ["carats"]),
        ("lb", "lb", "mass", 0.45359237m, ["lbs", "pound", "pounds"]),
        // Pieces (base: one piece). "each", "head" and "article" are how rates print a piece.
        ("No.", "each", "count", 1m, ["no", "pcs", "pcs.", "piece", "pieces", "article", "articles", "head"]),
        ("doz.", "doz.", "count", 12m, ["doz", "dozen", "dz pcs"]),
        ("gross", "gross", "count", 144m, []),
        ("hundreds", "100", "count", 100m, ["hundred"]),
        ("thousands", "1000", "count", 1000m, ["1,000", "thousand", "1,000 pins", "1000 pins"]),
        // Pairs stay pairs: two single gloves are not always a pair.
        ("prs.", "pr.", "pairs", 1m, ["pr", "prs", "pair", "pairs"]),
        ("doz. prs.", "doz. pr.", "pairs", 12m, ["doz. pr", "dozen pairs"]),
        // Volume (base liter). 1 m³ = 1000 L; the US oil barrel is 42 US gallons of 231 in³ = 158.987294928 L.
        ("liters", "liter", "volume", 1m, ["liter", "litre", "litres", "l"]),
        ("ml", "ml", "volume", 0.001m, []),
        ("m3", "m3", "volume", 1000m, ["m³", "cubic meter", "cubic meters"]),
        ("thousand m3", "1000 m3", "volume", 1_000_000m, []),
        ("bbl", "bbl", "volume", 158.987294928m, ["barrel", "barrels"]),
        // Proof volume is alcohol content: it needs the strength to relate to volume, so it stands alone.
        ("pf.liters", "pf. liter", "proof volume", 1m,
            ["pf.liter", "pf. liters", "proof liter", "proof liters", "pf. liter on ethyl alcohol content", "pf.liter on ethyl alcohol content"]),
        ("m2", "m2", "area", 1m, ["m²", "square meter", "square meters"]),
        ("cm2", "cm2", "area", 0.0001m, ["cm²"]),
        ("m", "m", "length", 1m, ["meter", "meters", "lin. m", "lin.m", "linear meter", "linear meters"]),
        ("thousand m", "1000 m", "length", 1000m, []),
        // Measures of part of the goods: each needs its own declared quantity.
        ("Cu kg", "kg on copper content", "copper content", 1m, ["kg cu"]),
        ("Pb kg", "kg on lead content", "lead content", 1m, ["kg pb"]),
        ("Zn kg", "kg on zinc content", "zinc content", 1m, ["kg zn"]),
        ("Mo kg", "kg on molybdenum content", "molybdenum content", 1m, ["kg mo"]),
        ("Mn kg", "kg on manganese content", "manganese content", 1m, ["kg mn"]),
        ("Si kg", "kg on silicon content", "silicon content", 1m, ["kg si"]),
        ("Mg kg", "kg on magnesium content", "magnesium content", 1m, ["kg mg"]),
        ("W kg", "kg on tungsten content", "tungsten content", 1m, ["kg w"]),
        ("kg ttl sug", "kg of total sugars", "total sugars", 1m, ["kg total sugars"]),
        ("kg amc", "kg of anhydrous morphine content", "anhydrous morphine content", 1m, []),
        ("cy kg", "clean kg", "clean yield", 1m, ["kg clean yield", "kg of clean yield"]),
        // "weght" is misspelt so in the 2025 basic edition.
        ("kg drained", "kg on drained weight", "drained weight", 1m, ["kg on drained weght"]),
        ("kg gross", "kg, including weight of container", "weight including container", 1m,
            ["kg including weight of container", "kg on contents and container"]),
        ("t gross", "t, including weight of container", "weight including container", 1000m, ["t including weight of container"]),
        ("kg contents", "kg on entire contents of container", "entire contents of container", 1m, []),
        ("m2 recording", "m2 of recording surface", "recording surface", 1m, ["m2of recording surface", "m²of recording surface", "m² of recording surface"]),
        ("gross containers", "gross of immediate containers", "immediate containers", 144m, []),
        ("gr.lines", "line/gross", "line-gross", 1m, ["line/ gross", "gr. lines"]),
        ("Jwls.", "jewel", "jewels", 1m, ["jwls", "jewels"]),
        ("pack", "pack", "packs", 1m, ["packs"]),
        // Sugar polarity, read by the polariscope; graded sugar rates need it.
        ("°", "degree", "polarity", 1m, ["degrees", "deg", "°s"]),
    ];

    private static readonly Dictionary<string, DutyUnit> BySpelling = BuildIndex();

    private static Dictionary<string, DutyUnit> BuildIndex()
    {
        var index = new Dictionary<string, DutyUnit>(StringComparer.OrdinalIgnoreCase);
        foreach (var (symbol, rate, dimension, factor, aliases) in Table)
        {
            var unit = new DutyUnit(symbol, rate, dimension, factor);
            foreach (var spelling in aliases.Prepend(rate).Prepend(symbol)) index.TryAdd(Normalize(spelling), unit);
        }
        return index;
    }

    /// <summary>Every unit known.</summary>
    public static IEnumerable<DutyUnit> All => Table.Select(r => BySpelling[Normalize(r.Symbol)]);

    public static DutyUnit Kilogram => BySpelling["kg"];
    public static DutyUnit Piece => BySpelling["no."];

    /// <summary>The unit a spelling names ("kg", "doz", "pf.liters", "kg on copper content"), or null.</summary>
    public static DutyUnit? Find(string? spelling)
    {
        if (string.IsNullOrWhiteSpace(spelling)) return null;
        var key = Normalize(spelling);
        if (BySpelling.TryGetValue(key, out var unit)) return unit;
        // A missing or extra abbreviation period ("doz" / "doz.") names the same unit.
        if (key.EndsWith('.') && BySpelling.TryGetValue(key[..^1], out unit)) return unit;
        if (BySpelling.TryGetValue(key + ".", out unit)) return unit;
        // A word broken across lines in the printed schedule: "thou- sand".
        return key.Contains("- ") ? Find(key.Replace("- ", "")) : null;
    }

    /// <summary>The amount of <paramref name="quantity"/> expressed in <paramref name="target"/>, when it converts exactly.</summary>
    public static bool TryConvert(Quantity quantity, DutyUnit target, out decimal amountInTarget)
    {
        amountInTarget = 0m;
        var from = Find(quantity.Unit);
        if (from is null || from.Dimension != target.Dimension) return false;
        amountInTarget = from.Factor == target.Factor ? quantity.Amount : quantity.Amount * from.Factor / target.Factor;
        return true;
    }

    /// <summary>Trims, collapses runs of white space and drops the space after a slash ("line/ gross").</summary>
    internal static string Normalize(string spelling)
    {
        var s = spelling.AsSpan().Trim();
        var clean = true;
        for (var i = 0; i < s.Length && clean; i++)
            if (char.IsWhiteSpace(s[i]) && (s[i] != ' ' || (i + 1 < s.Length && char.IsWhiteSpace(s[i + 1])) || (i > 0 && s[i - 1] == '/')))
                clean = false;
        if (clean) return s.Length == spelling.Length ? spelling : s.ToString();
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ' && sb[^1] != '/') sb.Append(' ');
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
