using System.Collections.Immutable;
using Tariffscope.Data.Policy;
using Tariffscope.Duties;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Tests.Engine;

/// <summary>
/// A small schedule written by hand from the 2025 HTS (Revision 17) — rates and Chapter 99 footnotes as the USITC
/// prints them — with the shipped policy data, for golden quotes whose expected values are worked out by hand.
/// </summary>
public static class TestWorld
{
    // (8-digit line, general rate, footnote headings, 10-digit suffixes, description). Facts from HTS 2025 Rev. 17.
    private static readonly (string Code, string General, string[] Refs, string[] Stat, string Description)[] UsLines =
    [
        ("9403.60.80", "Free", ["9903.88.03"], ["93"], "Other wooden furniture"),            // Section 301 List 3
        ("3004.90.92", "Free", [], ["44", "91"], "Medicaments, other"),                       // Annex II; .44 an aluminium derivative from 2025-08-18
        ("8471.30.01", "Free", [], ["00"], "Portable automatic data processing machines"),   // electronics carve-out
        ("7326.90.86", "2.9%", ["9903.88.03"], ["88"], "Other articles of iron or steel"),   // steel derivative, List 3
        ("8481.80.50", "3%", ["9903.88.03"], ["90"], "Valves of other materials"),           // MFN below 15%
        ("6404.19.20", "37.5%", [], ["60"], "Footwear with textile uppers, for women"),        // MFN at or above 15%
        ("2204.21.50", "6.3¢/liter", ["9903.88.03"], ["05"], "Wine, red, in containers of 2 liters or less"), // specific
        ("8708.99.68", "2.5%", ["9903.88.03"], ["90"], "Other parts for power trains"),       // auto part (U.S. note 33(g))
        ("8703.23.01", "2.5%", ["9903.88.01"], ["30"], "Cars of 1,500–3,000 cc"),             // auto, List 1
        ("0901.21.00", "Free", ["9903.88.15"], ["20"], "Coffee, roasted, not decaffeinated"), // List 4A, farm goods Nov 2025
        ("7208.51.00", "Free", ["9903.91.01"], ["60"], "Flat-rolled non-alloy steel, hot-rolled, not in coils, over 10 mm"), // steel article
        ("2711.11.00", "Free", ["9903.88.03"], ["00"], "Natural gas, liquefied"),           // Canadian energy (9903.01.13)
        ("3104.20.00", "Free", ["9903.88.03"], ["50"], "Potassium chloride, over 62% K2O"), // potash (9903.01.05, .15)
    ];

    private static readonly (string Code, string General, string Description)[] CnLines =
    [
        ("1201.90", "3%", "Soya beans, other"),
        ("2711.11", "Free", "Liquefied natural gas"),
        ("8703.24", "15%", "Cars over 3,000 cc"),
    ];

    public static Schedule UsSchedule { get; } = new([new ScheduleRevision("test HTS 2025", new DateOnly(2018, 1, 1), "hand-written test lines", BuildUs())]);
    public static Schedule CnSchedule { get; } = new([new ScheduleRevision("test CN tariff", new DateOnly(2018, 1, 1), "hand-written test lines", BuildCn(), "CN")]);
    public static ScenarioCatalog Catalog { get; } = PolicyLoader.Load();

    private static readonly Dictionary<string, TariffEngine> Engines = new();

    public static TariffEngine Engine(string scenario = "actual")
    {
        lock (Engines)
        {
            if (!Engines.TryGetValue(scenario, out var e))
                Engines[scenario] = e = new TariffEngine(new Dictionary<string, Schedule> { ["US"] = UsSchedule, ["CN"] = CnSchedule },
                    Catalog.Resolve(scenario), "test schedule");
            return e;
        }
    }

    public static Quote Quote(string code, string origin, string date, decimal value, string scenario = "actual",
        decimal? metalShare = null, string importer = "US", params Quantity[] quantities) =>
        Engine(scenario).Quote(new EntryLine
        {
            Code = HtsCode.Parse(code), Origin = origin, Date = DateOnly.Parse(date), CustomsValue = value,
            MetalShare = metalShare, Importer = importer, Quantities = [.. quantities],
        });

    public static IEnumerable<string> UsCodes => UsLines.SelectMany(l => l.Stat.Select(s => l.Code + "." + s));

    private static List<TariffLine> BuildUs()
    {
        var lines = new List<TariffLine>();
        foreach (var (code, general, refs, stat, description) in UsLines)
        {
            var parent = new TariffLine
            {
                Code = HtsCode.Parse(code), Indent = 1, Description = description, GeneralText = general,
                General = DutyExpression.Parse(general), Chapter99Refs = [.. refs.Select(HtsCode.Parse)],
            };
            lines.Add(parent);
            foreach (var s in stat)
                lines.Add(new TariffLine { Code = HtsCode.Parse(code + "." + s), Indent = 2, Description = description, Parent = parent });
        }
        return lines;
    }

    private static List<TariffLine> BuildCn() =>
        CnLines.Select(l => new TariffLine { Code = HtsCode.Parse(l.Code), Indent = 1, Description = l.Description, GeneralText = l.General, General = DutyExpression.Parse(l.General) }).ToList();

    public static decimal Layer(this Quote q, string measureId) => q.Layers.Single(l => l.MeasureId == measureId).Amount;
    public static bool Omits(this Quote q, string measureId) => q.Omitted.Any(o => o.MeasureId == measureId);
}
