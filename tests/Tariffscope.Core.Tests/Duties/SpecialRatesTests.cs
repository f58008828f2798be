using Tariffscope.Duties;

namespace Tariffscope.Tests.Duties;

public class SpecialRatesTests
{
    [Fact]
    public void One_clause_with_its_programmes()
    {
        var rates = SpecialRates.Parse("Free (A+,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)");
        var clause = Assert.Single(rates);
        Assert.Same(FreeDuty.Instance, clause.Rate);
        Assert.Equal<string>(["A+", "AU", "BH", "CL", "CO", "D", "E", "IL", "JO", "KR", "MA", "OM", "P", "PA", "PE", "S", "SG"], clause.Programs.ToArray());
        Assert.Equal("A", clause.BarePrograms()[0]);
    }

    [Fact]
    public void Several_clauses_each_with_its_rate()
    {
        var rates = SpecialRates.Parse("Free (A*,AU,BH) 3.2% (KR) 5.1¢/kg + 3.4% (PA) See 9823.04.01-9823.04.54 (S+)");
        Assert.Equal(4, rates.Length);
        Assert.Equal(new AdValoremDuty(0.032m), rates.For("KR")!.Rate);
        Assert.Equal(CompoundDuty.Of(new SpecificDuty(0.051m, DutyUnits.Kilogram), new AdValoremDuty(0.034m)), rates.For("PA")!.Rate);
        Assert.Equal(new ReferencedDuty("See 9823.04.01-9823.04.54"), rates.For("S+")!.Rate);
        Assert.Null(rates.For("JP"));
    }

    [Fact]
    public void Lookup_by_bare_programme_reports_the_marker()
    {
        var rates = SpecialRates.Parse("Free (A*,AU) 2.75% (JP)");
        var gsp = rates.For("A")!;
        Assert.Equal("A*", gsp.Program);
        Assert.Equal("A", gsp.Bare);
        Assert.Equal('*', gsp.Marker);
        Assert.Null(rates.For("AU")!.Marker);
        // The printed spelling wins over the bare one.
        var both = SpecialRates.Parse("Free (A+) 2% (A)");
        Assert.Equal(new AdValoremDuty(0.02m), both.For("A")!.Rate);
        Assert.Same(FreeDuty.Instance, both.For("A+")!.Rate);
    }

    [Theory]
    // Export misprints: missing comma, stray period, trailing comma, spaces, repeated list, line break.
    [InlineData("Free (A*,AU,BH,CL,CO,D,E IL,JO)", "IL")]
    [InlineData("Free (AU,BH,CL,CO,IL,JO,KR,MA,.OM,P,PA,PE,S,SG) ", "OM")]
    [InlineData("Free (CA,IL, MX)", "MX")]
    [InlineData("Free \n(A,B,C,)", "C")]
    public void Tolerates_misprinted_lists(string text, string programme)
    {
        var clause = Assert.Single(SpecialRates.Parse(text));
        Assert.Contains(programme, clause.Programs);
        Assert.Same(FreeDuty.Instance, clause.Rate);
    }

    [Fact]
    public void Repeated_list_joins_the_clause_before()
    {
        var rates = SpecialRates.Parse("7.5¢/kg (KR) See 9919.04.50, 9919.04.57 (PA (PA)");
        Assert.Equal(2, rates.Length);
        Assert.Equal<string>(["PA"], rates[1].Programs.ToArray());
    }

    [Fact]
    public void Parenthesised_notes_belong_to_the_rate()
    {
        var rates = SpecialRates.Parse(
            "Free (AU,BH) A duty upon the value of the repairs or alterations (see U.S. note 3 of this subchapter) (B,C,)");
        Assert.Equal(2, rates.Length);
        Assert.Equal(new ReferencedDuty("A duty upon the value of the repairs or alterations (see U.S. note 3 of this subchapter)"), rates[1].Rate);
        Assert.Equal<string>(["B", "C"], rates[1].Programs.ToArray());
        var note = Assert.Single(SpecialRates.Parse("Free (See U.S. note 4 of this subchapter)"));
        Assert.IsType<ConditionalDuty>(note.Rate);
        Assert.Empty(note.Programs);
    }

    [Fact]
    public void Text_without_programmes_is_one_clause_for_no_programme()
    {
        var clause = Assert.Single(SpecialRates.Parse("The duty provided in the applicable subheading + 25%"));
        Assert.IsType<ReferencedDuty>(clause.Rate);
        Assert.Empty(clause.Programs);
        Assert.Empty(SpecialRates.Parse(""));
        Assert.Empty(SpecialRates.Parse(null));
    }

    [Fact]
    public void Unreadable_clause_keeps_its_programmes()
    {
        var rates = SpecialRates.Parse("Free (AU) 5 bananas (KR)");
        Assert.IsType<UnparsedDuty>(rates.For("KR")!.Rate);
        Assert.Same(FreeDuty.Instance, rates.For("AU")!.Rate);
    }

    [Fact]
    public void Format_reads_back()
    {
        const string text = "Free (A+,AU,BH) 1.5¢/pf. liter (CO) 10.5¢/pf.liter (JO)";
        var rates = SpecialRates.Parse(text);
        var again = SpecialRates.Parse(SpecialRates.Format(rates));
        Assert.Equal(rates.Select(r => (r.Rate, string.Join(",", r.Programs))), again.Select(r => (r.Rate, string.Join(",", r.Programs))));
        Assert.Equal("Free (A+,AU,BH) 1.5¢/pf. liter (CO) 10.5¢/pf. liter (JO)", SpecialRates.Format(rates));
    }
}
