using System.Collections.Immutable;
using Tariffscope.Duties;

namespace Tariffscope.Tests.Duties;

public class DutyParseTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n")]
    [InlineData("<u></u>")]
    public void Empty_text_states_no_rate(string? text) => Assert.Null(DutyExpression.Parse(text));

    [Theory]
    [InlineData("Free")]
    [InlineData("free")]
    [InlineData(" Free ")]
    [InlineData("Free 1/")] // a trailing footnote marker
    public void Free(string text) => Assert.Same(FreeDuty.Instance, DutyExpression.Parse(text));

    [Theory]
    [InlineData("6.5%", 0.065)]
    [InlineData("6.5% ", 0.065)]
    [InlineData("10% <u></u>", 0.10)]
    [InlineData("2.5%<u></u>", 0.025)]
    [InlineData("37% /", 0.37)]
    [InlineData("0%", 0)]
    [InlineData("104.5%", 1.045)]
    public void Ad_valorem(string text, double rate) =>
        Assert.Equal(new AdValoremDuty((decimal)rate), DutyExpression.Parse(text));

    [Theory]
    // Amount in dollars, unit symbol: the cent sign divides by 100, the dollar sign does not.
    [InlineData("2.4¢/kg", 0.024, "kg")]
    [InlineData("$1.035/kg", 1.035, "kg")]
    [InlineData("37.5¢/liter", 0.375, "liters")]
    [InlineData("4.5¢/ liter", 0.045, "liters")]
    [InlineData("$2.4/doz.", 2.4, "doz.")]
    [InlineData("1.1¢ each", 0.011, "No.")]
    [InlineData("68¢/head", 0.68, "No.")]
    [InlineData("29.1¢/m2", 0.291, "m2")]
    [InlineData("29.1¢/m<sup>2</sup>", 0.291, "m2")]
    [InlineData("14.5¢/m²", 0.145, "m2")]
    [InlineData("$1.32/pf. liter", 1.32, "pf.liters")]
    [InlineData("18.9¢/pf.liter", 0.189, "pf.liters")]
    [InlineData("$1.15/1,000", 1.15, "thousands")]
    [InlineData("$2.50/thou- sand", 2.50, "thousands")]
    [InlineData("6.5¢/gross", 0.065, "gross")]
    [InlineData("0.3¢/line/ gross", 0.003, "gr.lines")]
    [InlineData("90¢/pr.", 0.90, "prs.")]
    [InlineData("10.5¢/bbl", 0.105, "bbl")]
    [InlineData("18.7¢/clean kg", 0.187, "cy kg")]
    [InlineData("8.6¢/kg on drained weight", 0.086, "kg drained")]
    [InlineData("22¢/kg on drained weght", 0.22, "kg drained")]
    [InlineData("5¢/kg on contents and container", 0.05, "kg gross")]
    [InlineData("0.2¢/kg, including weight of container", 0.002, "kg gross")]
    [InlineData("3.6606¢/kg of total sugars", 0.036606, "kg ttl sug")]
    [InlineData("1.7¢/kg on lead content", 0.017, "Pb kg")]
    [InlineData("$40/kg of anhydrous morphine content", 40, "kg amc")]
    [InlineData("86.1¢/m2of recording surface", 0.861, "m2 recording")]
    [InlineData("20¢/gross of immediate containers", 0.20, "gross containers")]
    public void Specific(string text, double amount, string unit)
    {
        var duty = Assert.IsType<SpecificDuty>(DutyExpression.Parse(text));
        Assert.Equal((decimal)amount, duty.Amount);
        Assert.Equal(unit, duty.Unit.Symbol);
    }

    [Fact]
    public void Compound_keeps_every_part_in_order()
    {
        var duty = Assert.IsType<CompoundDuty>(DutyExpression.Parse("5.1¢/kg + 3.4% + 1.9¢/article"));
        Assert.Equal<DutyExpression>(
            [new SpecificDuty(0.051m, DutyUnits.Kilogram), new AdValoremDuty(0.034m), new SpecificDuty(0.019m, DutyUnits.Piece)],
            duty.Parts.ToArray());
        Assert.Equal(CompoundDuty.Of(new SpecificDuty(0.154m, DutyUnits.Kilogram), new AdValoremDuty(0.4m)),
            DutyExpression.Parse("15.4¢/kg +40%"));
    }

    [Fact]
    public void Parts_of_a_watch_are_named()
    {
        var duty = Assert.IsType<CompoundDuty>(DutyExpression.Parse(
            "$1.53 each + 4.2% on the case + 2% on the strap, band or bracelet + 35% on thebattery"));
        Assert.Equal<DutyExpression>(
            [new SpecificDuty(1.53m, DutyUnits.Piece), new AdValoremOnPartDuty(0.042m, "case"),
             new AdValoremOnPartDuty(0.02m, "strap, band or bracelet"), new AdValoremOnPartDuty(0.35m, "battery")],
            duty.Parts.ToArray());
        Assert.Equal(new AdValoremOnPartDuty(0.025m, "lead content"), DutyExpression.Parse("2.5% on the value of the lead content"));
        Assert.Equal(new AdValoremOnPartDuty(0.015m, "fair retail value"), DutyExpression.Parse("1.5 percent of the fair retail value"));
    }

    [Fact]
    public void Mixed_fraction_percent()
    {
        var duty = Assert.IsType<AdValoremDuty>(DutyExpression.Parse("33 1/3%"));
        Assert.Equal(1m / 3m, duty.Rate);
        Assert.Equal("33 1/3%", duty.ToString());
    }

    [Fact]
    public void Graded_sugar_rate()
    {
        var duty = Assert.IsType<GradedSpecificDuty>(DutyExpression.Parse(
            "4.3817¢/kg less 0.0622005¢ /kg for each degree under 100 degrees (and fractions of a degree in proportion) but not less 2.831562¢ /kg"));
        Assert.Equal(new GradedSpecificDuty(0.043817m, 0.000622005m, 100m, 0.02831562m, DutyUnits.Kilogram), duty);
    }

    [Fact]
    public void Jewel_allowance()
    {
        Assert.Equal(new SpecificDuty(0.15m, DutyUnits.Find("jewel")!, Over: 7m),
            Assert.IsType<CompoundDuty>(DutyExpression.Parse("$2.25 each + 15¢/jewel over 7 + 60% on the case")).Parts[1]);
    }

    [Theory]
    [InlineData("The duty provided in the applicable subheading + 25%", "The duty provided in the applicable subheading", "25%", false)]
    [InlineData("The duty provided in the applicable subheading+ 25%.", "The duty provided in the applicable subheading", "25%", false)]
    [InlineData("The duty provided in the applicable subheading plus 10%", "The duty provided in the applicable subheading", "10%", false)]
    [InlineData("The duty provided in the applicable subheading + a duty of 25% upon the value of the steel content.",
        "The duty provided in the applicable subheading", "25% on the steel content", false)]
    [InlineData("The duty rate provided in such subheading minus 2.0%", "The duty rate provided in such subheading", "2%", true)]
    [InlineData("The rate applicable to each garment in the ensemble if separately entered",
        "The rate applicable to each garment in the ensemble if separately entered", null, false)]
    [InlineData("No change.", "No change", null, false)]
    [InlineData("See 9822.04.40", "See 9822.04.40", null, false)]
    public void References_keep_the_text_and_parse_the_addition(string text, string reference, string? additional, bool subtract)
    {
        var duty = Assert.IsType<ReferencedDuty>(DutyExpression.Parse(text));
        Assert.Equal(reference, duty.Reference);
        Assert.Equal(additional, duty.Additional?.ToString());
        Assert.Equal(subtract, duty.Subtract);
        Assert.Equal("reference", duty.Shape);
    }

    [Theory]
    [InlineData("Free, under bond, as prescribed in U.S. note 1 to this subchapter", "under bond, as prescribed in U.S. note 1 to this subchapter")]
    [InlineData("Free (See U.S. note 4 of this subchapter)", "See U.S. note 4 of this subchapter")]
    public void Conditional_free(string text, string condition) =>
        Assert.Equal(new ConditionalDuty(FreeDuty.Instance, condition), DutyExpression.Parse(text));

    [Theory]
    [InlineData(":", "expected a number")]
    [InlineData("6% + 0.2¢ for each other piece or part", "expected '/unit' or 'each'")]
    [InlineData("5¢/furlong", "unknown unit \"furlong\"")]
    [InlineData("5% +", "empty part")]
    [InlineData("12 apples", "expected '%', '¢' or '$'")]
    [InlineData("99999999999%", "out of range")]
    public void Unreadable_text_is_kept_with_a_reason(string text, string reason)
    {
        var duty = Assert.IsType<UnparsedDuty>(DutyExpression.Parse(text));
        Assert.Equal(text, duty.Text);
        Assert.Contains(reason, duty.Reason);
        Assert.False(duty.IsParsed);
    }

    [Theory]
    [InlineData("2.4¢/kg", "2.4¢/kg")]
    [InlineData("$1.50 each", "$1.5 each")]
    [InlineData("99.2¢/kg", "99.2¢/kg")]
    [InlineData("$1/1,000 pins + 35%", "$1/1000 + 35%")]
    [InlineData("25¢/kg +3.1%", "25¢/kg + 3.1%")]
    [InlineData("18.5¢/ liter + $1.32/pf. liter on ethyl alcohol content", "18.5¢/liter + $1.32/pf. liter")]
    [InlineData("$1.32/t, including weight of container", "$1.32/t, including weight of container")]
    public void Canonical_text(string text, string canonical) => Assert.Equal(canonical, DutyExpression.Parse(text)!.ToString());

    [Fact]
    public void Same_text_gives_the_same_instance()
    {
        // Load path: a revision repeats a few thousand distinct texts over ~100,000 cells.
        Assert.Same(DutyExpression.Parse("3.7¢/kg + 60%"), DutyExpression.Parse("3.7¢/kg + 60%"));
    }

    [Fact]
    public void Compound_equality_is_by_parts()
    {
        var a = CompoundDuty.Of(new AdValoremDuty(0.05m), new SpecificDuty(0.01m, DutyUnits.Kilogram));
        var b = new CompoundDuty(ImmutableArray.Create<DutyExpression>(new AdValoremDuty(0.050m), new SpecificDuty(0.010m, DutyUnits.Kilogram)));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, CompoundDuty.Of(new SpecificDuty(0.01m, DutyUnits.Kilogram), new AdValoremDuty(0.05m)));
    }

    [Fact]
    public void A_reference_ending_in_a_stray_full_stop_keeps_no_space_before_the_operator()
    {
        // Found by the mutation property test: "subheading .+ 25%" printed as "subheading  + 25%", which read back
        // as a different reference.
        var duty = Assert.IsType<ReferencedDuty>(DutyExpression.Parse("The duty provided in the applicable subheading .+ 25%"));
        Assert.Equal("The duty provided in the applicable subheading", duty.Reference);
        Assert.Equal(duty, DutyExpression.Parse(duty.ToString()));
    }
}
