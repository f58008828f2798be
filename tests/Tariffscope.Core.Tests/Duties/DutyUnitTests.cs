using Tariffscope.Duties;

namespace Tariffscope.Tests.Duties;

public class DutyUnitTests
{
    [Theory]
    // Quantity, its unit, target unit, expected amount in the target (all exact by definition).
    [InlineData(1500, "g", "kg", 1.5)]
    [InlineData(2, "t", "kg", 2000)]
    [InlineData(5, "carat", "g", 1)]            // a metric carat is 200 mg
    [InlineData(3, "doz.", "No.", 36)]
    [InlineData(288, "pcs", "gross", 2)]        // a gross is 144
    [InlineData(2, "doz. prs.", "prs.", 24)]
    [InlineData(2.5, "m3", "liters", 2500)]
    [InlineData(1, "bbl", "liters", 158.987294928)] // 42 US gallons of 231 in³
    [InlineData(20000, "cm2", "m2", 2)]
    [InlineData(3, "thousands", "No.", 3000)]
    [InlineData(10, "lb", "kg", 4.5359237)]
    public void Exact_conversions(double amount, string from, string to, double expected)
    {
        Assert.True(DutyUnits.TryConvert(new Quantity((decimal)amount, from), DutyUnits.Find(to)!, out var converted));
        Assert.Equal((decimal)expected, converted);
    }

    [Theory]
    [InlineData("liters", "pf.liters")]   // strength unknown
    [InlineData("kg", "Cu kg")]           // content unknown
    [InlineData("No.", "prs.")]           // a pair is not two pieces of anything
    [InlineData("kg", "liters")]          // density unknown
    [InlineData("kg", "cy kg")]           // clean yield unknown
    public void No_conversion_without_a_fact_the_basis_lacks(string from, string to) =>
        Assert.False(DutyUnits.TryConvert(new Quantity(1m, from), DutyUnits.Find(to)!, out _));

    [Theory]
    [InlineData("m²", "m2")]
    [InlineData("doz", "doz.")]
    [InlineData("Dz Pcs", "doz.")]
    [InlineData("pf.liters", "pf.liters")]
    [InlineData("proof liter", "pf.liters")]
    [InlineData("kg Cu", "Cu kg")]
    [InlineData("Jwls.", "Jwls.")]
    [InlineData("gr.lines", "gr.lines")]
    [InlineData("each", "No.")]
    public void Schedule_spellings(string spelling, string symbol) => Assert.Equal(symbol, DutyUnits.Find(spelling)?.Symbol);

    [Fact]
    public void Unknown_spelling_is_null()
    {
        Assert.Null(DutyUnits.Find("kg cmsc"));
        Assert.Null(DutyUnits.Find(""));
    }
}
