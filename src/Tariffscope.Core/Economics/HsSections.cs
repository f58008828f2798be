namespace Tariffscope.Economics;

/// <summary>One section of the Harmonized System: its numeral, title and chapter range.</summary>
public sealed record HsSection(string Numeral, string Title, int FirstChapter, int LastChapter)
{
    public string Label => $"{Numeral} {Title}";
}

/// <summary>
/// The 21 sections of the Harmonized System nomenclature (WCO, HS 2022 edition, section titles shortened), as a
/// table of chapter ranges; chapters 98–99 (national special provisions) form their own group.
/// Source: World Customs Organization, HS Nomenclature 2022 edition, table of contents
/// (https://www.wcoomd.org/en/topics/nomenclature/instrument-and-tools/hs-nomenclature-2022-edition.aspx).
/// </summary>
public static class HsSections
{
    public static readonly IReadOnlyList<HsSection> All =
    [
        new("I", "Live animals; animal products", 1, 5),
        new("II", "Vegetable products", 6, 14),
        new("III", "Animal or vegetable fats and oils", 15, 15),
        new("IV", "Prepared foodstuffs; beverages; tobacco", 16, 24),
        new("V", "Mineral products", 25, 27),
        new("VI", "Chemical products", 28, 38),
        new("VII", "Plastics and rubber", 39, 40),
        new("VIII", "Hides, skins, leather, furskins", 41, 43),
        new("IX", "Wood, cork, basketware", 44, 46),
        new("X", "Pulp, paper, paperboard", 47, 49),
        new("XI", "Textiles and textile articles", 50, 63),
        new("XII", "Footwear, headgear, umbrellas", 64, 67),
        new("XIII", "Stone, ceramic, glass", 68, 70),
        new("XIV", "Pearls, precious stones and metals", 71, 71),
        new("XV", "Base metals", 72, 83),
        new("XVI", "Machinery and electrical equipment", 84, 85),
        new("XVII", "Vehicles, aircraft, vessels", 86, 89),
        new("XVIII", "Optical, medical, precision instruments; clocks; music", 90, 92),
        new("XIX", "Arms and ammunition", 93, 93),
        new("XX", "Miscellaneous manufactured articles", 94, 96),
        new("XXI", "Works of art, antiques", 97, 97),
        new("98-99", "National special provisions", 98, 99),
    ];

    /// <summary>The section of an HS code (its first two digits), or null when they are not a chapter.</summary>
    public static HsSection? Of(string code)
    {
        if (code.Length < 2 || !char.IsAsciiDigit(code[0]) || !char.IsAsciiDigit(code[1])) return null;
        var chapter = (code[0] - '0') * 10 + (code[1] - '0');
        return All.FirstOrDefault(s => chapter >= s.FirstChapter && chapter <= s.LastChapter);
    }
}
