using Tariffscope.Nomenclature;
using Tariffscope.Trade;
using static Tariffscope.Tests.Trade.TradeTestWorld;

namespace Tariffscope.Tests.Trade;

public class ChangeCalendarTests
{
    private static readonly HtsCode Furniture = HtsCode.Parse("9403.60.80.93"), Valves = HtsCode.Parse("8481.80.50.90");

    [Fact]
    public void A_change_touches_only_the_origins_and_products_of_its_measure()
    {
        var c = ChangeCalendar.Build(TestPolicy(), "US", Schedule(), [Furniture, Valves], Start, new DateOnly(2025, 12, 31));
        Assert.True(c.Touches(Change, "CN", Valves));      // y: CN, 8481
        Assert.False(c.Touches(Change, "CN", Furniture));  // not in y's products
        Assert.False(c.Touches(Change, "JP", Valves));     // not in y's origins
        Assert.True(c.Touches(JpStart, "JP", Valves));
        Assert.False(c.Touches(JpStart, "CN", Valves));
    }

    [Fact]
    public void Changes_outside_the_window_are_not_dates()
    {
        var c = ChangeCalendar.Build(TestPolicy(), "US", Schedule(), [Furniture], Start, new DateOnly(2025, 5, 31));
        Assert.Equal(new[] { Start, JpStart }, c.Dates.ToArray());
    }

    [Fact]
    public void A_new_revision_touches_the_codes_whose_rates_changed()
    {
        var first = Schedule().Revisions[0];
        var changed = first.Lines.Select(l => l.Code.Digits == "84818050"
            ? new TariffLine { Code = l.Code, Indent = 1, Description = l.Description, GeneralText = "2%", General = Tariffscope.Duties.DutyExpression.Parse("2%") }
            : l).ToList();
        // Re-parent the statistical line under the new valve line.
        var valves = changed.Single(l => l.Code.Digits == "84818050");
        var fixedLines = changed.Select(l => l.Code.Digits == "8481805090" ? new TariffLine { Code = l.Code, Indent = 2, Description = l.Description, Parent = valves } : l).ToList();
        var revised = new DateOnly(2025, 7, 1);
        var schedule = new Schedule([first, new ScheduleRevision("test 2", revised, "hand-written", fixedLines)]);
        var c = ChangeCalendar.Build(TestPolicy(), "US", schedule, [Furniture, Valves], Start, new DateOnly(2025, 12, 31));
        Assert.Contains(revised, c.Dates);
        Assert.True(c.Touches(revised, "KR", Valves));
        Assert.False(c.Touches(revised, "KR", Furniture));
    }
}
