namespace Tariffscope.Controls;

/// <summary>Chemical element symbols, with the English names a user may type instead ("dysprosium" → "Dy").</summary>
public static class Elements
{
    private static readonly Dictionary<string, string> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gallium"] = "Ga", ["germanium"] = "Ge", ["antimony"] = "Sb", ["tungsten"] = "W", ["tellurium"] = "Te",
        ["bismuth"] = "Bi", ["molybdenum"] = "Mo", ["indium"] = "In", ["samarium"] = "Sm", ["gadolinium"] = "Gd",
        ["terbium"] = "Tb", ["dysprosium"] = "Dy", ["lutetium"] = "Lu", ["scandium"] = "Sc", ["yttrium"] = "Y",
        ["holmium"] = "Ho", ["erbium"] = "Er", ["thulium"] = "Tm", ["europium"] = "Eu", ["ytterbium"] = "Yb",
        ["neodymium"] = "Nd", ["praseodymium"] = "Pr", ["lanthanum"] = "La", ["cerium"] = "Ce", ["lithium"] = "Li",
        ["carbon"] = "C", ["cobalt"] = "Co", ["nickel"] = "Ni", ["manganese"] = "Mn", ["iron"] = "Fe",
    };

    private static readonly HashSet<string> Symbols = new(ByName.Values, StringComparer.OrdinalIgnoreCase)
    {
        "H", "He", "B", "N", "O", "F", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "K", "Ca", "Ti", "V", "Cr", "Cu", "Zn",
        "As", "Se", "Br", "Rb", "Sr", "Zr", "Nb", "Ru", "Rh", "Pd", "Ag", "Cd", "Sn", "I", "Cs", "Ba", "Hf", "Ta", "Re",
        "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Th", "U", "Pm",
    };

    /// <summary>The canonical symbol ("Dy") for a symbol in any case or an English name; null if unknown.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (ByName.TryGetValue(t, out var symbol)) return symbol;
        if (!Symbols.Contains(t)) return null;
        return char.ToUpperInvariant(t[0]) + t[1..].ToLowerInvariant();
    }
}
