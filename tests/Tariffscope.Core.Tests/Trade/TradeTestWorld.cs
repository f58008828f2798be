using System.Collections.Immutable;
using Tariffscope.Duties;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;
using Tariffscope.Trade;

namespace Tariffscope.Tests.Trade;

/// <summary>
/// A hand-made world for indicator arithmetic: three schedule lines and a few measures whose rates are chosen so
/// that every weighted average can be worked by hand. Independent of the shipped policy data on purpose.
/// </summary>
public static class TradeTestWorld
{
    public static readonly DateOnly Start = new(2025, 1, 1);
    public static readonly DateOnly Change = new(2025, 6, 1);   // measure "y" drops from 45% to 10%
    public static readonly DateOnly JpStart = new(2025, 3, 1);  // measure "jp" starts: touches Japan only

    public static Schedule Schedule(DateOnly? effective = null) => new([new ScheduleRevision("test", effective ?? new DateOnly(2024, 1, 1), "hand-written", Lines())]);

    private static List<TariffLine> Lines()
    {
        TariffLine Line(string code, string general, TariffLine? parent = null) => new()
        {
            Code = HtsCode.Parse(code), Indent = parent is null ? 1 : 2, Description = code, GeneralText = parent is null ? general : "",
            General = parent is null ? DutyExpression.Parse(general) : null, Parent = parent,
        };
        var furniture = Line("9403.60.80", "Free");
        var valves = Line("8481.80.50", "3%");
        var wine = Line("2204.21.50", "6.3¢/liter");
        // A specific rate on a line that prints its unit: quoted with zero liters when no quantity is known.
        var sparkling = Line("2204.10.00", "19.8¢/liter") ;
        sparkling = new TariffLine { Code = sparkling.Code, Indent = 1, Description = "sparkling wine", GeneralText = "19.8¢/liter", General = sparkling.General, Units = ["liters"] };
        return [furniture, Line("9403.60.80.93", "", furniture), valves, Line("8481.80.50.90", "", valves), wine, Line("2204.21.50.05", "", wine),
            sparkling, Line("2204.10.00.75", "", sparkling)];
    }

    private static Measure M(string id, string family, string[] origins, string prefix, params (DateOnly From, string Rate)[] rates) => new()
    {
        Id = id, Title = id, Family = family, Importer = "US",
        Origins = new OriginScope([.. origins], []),
        Products = new ProductScope([new ProductTerm(prefix, null)], []),
        Rates = [.. rates.Select(r => new RatePeriod(r.From, DutyExpression.Parse(r.Rate)))],
        Source = new Provenance("test instrument"),
    };

    public static PolicySet TestPolicy() => new()
    {
        Name = "test",
        Horizon = new DateOnly(2026, 12, 31),
        Families = ImmutableDictionary.CreateRange(new Dictionary<string, MeasureFamily>
        {
            ["fx"] = new("fx", "Family X", 10, CombineRule.Sum, []),
            ["fy"] = new("fy", "Family Y", 20, CombineRule.Sum, []),
        }),
        Measures =
        [
            M("x", "fx", ["CN", "JP"], "9403", (new DateOnly(2018, 1, 1), "25%")),
            M("y", "fy", ["CN"], "8481", (new DateOnly(2018, 1, 1), "45%"), (Change, "10%")),
            M("jp", "fy", ["JP"], "8481", (JpStart, "5%")),
            M("z", "fx", ["CN"], "220410", (new DateOnly(2018, 1, 1), "10%")),
        ],
        Groups = ImmutableDictionary.CreateRange(new Dictionary<string, CountryGroup>
        {
            ["XG"] = new("XG", "a test group", ["JP", "KR"], new Provenance("test")),
        }),
    };

    public static LineRater Rater(PolicySet? policy = null, Schedule? schedule = null)
    {
        var s = schedule ?? Schedule();
        return new LineRater(new TariffEngine(new Dictionary<string, Schedule> { ["US"] = s }, policy ?? TestPolicy(), "test"), s, "US");
    }

    public static TradeFlow Flow(string partner, string code, decimal value, decimal? duty = null, Quantity? qty = null) =>
        new("US", partner, HtsCode.Parse(code), 2024, value, duty, "test") { Quantity = qty };
}
