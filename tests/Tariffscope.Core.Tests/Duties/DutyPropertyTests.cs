using CsCheck;
using Tariffscope.Duties;

namespace Tariffscope.Tests.Duties;

public class DutyPropertyTests
{
    /// <summary>Real texts of the schedule, one of each form, as seeds for mutation.</summary>
    private static readonly string[] Seeds =
    [
        "Free", "6.5%", "33 1/3%", "2.4¢/kg", "$1.035/kg", "37.5¢/liter", "$2.4/doz.", "1.1¢ each", "14.5¢/m2 + 0.4%",
        "$1.32/pf. liter", "18.9¢/pf.liter", "25¢/kg + 3.1%", "15.4¢/kg +40%", "$1/1,000 pins + 35%", "0.3¢/line/ gross + 4.6%",
        "5¢/kg on contents and container", "8.6¢/kg on drained weight", "3.6606¢/kg of total sugars",
        "8.8¢/kg on copper content + 3.3¢/kg on lead content + 3.7¢/kg on zinc content",
        "40¢ each + 6% on the case + 14% on the strap, band or bracelet + 5.3% on the battery",
        "43¢ each + 2.8¢/jewel over 7 + 3.7% on the case", "1.5 percent of the fair retail value",
        "3.6606¢/kg less 0.020668¢/kg for each degree under 100 degrees (and fractions of a degree in proportion) but not less than 3.143854¢/kg",
        "The duty provided in the applicable subheading + 25%", "The duty rate provided in such subheading minus 0.5%",
        "The duty provided in the applicable subheading + a duty of 25% upon the value of the steel content.",
        "Free, under bond, as prescribed in U.S. note 1 to this subchapter", "No change", "$2.48/m<sup>2</sup>", "10% <u></u>",
        "Free (A+,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)", "Free (BH,CL) 3.2% (KR) See 9823.04.01-9823.04.54 (S+)",
    ];

    private static readonly Gen<string> Mutations =
        Gen.Select(Gen.OneOf(Seeds), Gen.Int[0, 4], Gen.Int[0, 200], Gen.Int[1, 6], Gen.Char["0123456789.,%¢$/+ ()-kgeachlsFrNo²<>"])
            .Select((seed, op, at, length, c) => Mutate(seed, op, at, length, c));

    private static string Mutate(string s, int op, int at, int length, char c)
    {
        at = Math.Min(at, s.Length);
        length = Math.Min(length, s.Length - at);
        return op switch
        {
            0 => s.Remove(at, length),
            1 => s.Insert(at, c.ToString()),
            2 => s.Insert(at, new string(c, length)),
            3 => s[..at] + s[at..].Replace(' ', c),
            _ => s + s[..at],
        };
    }

    private static readonly Gen<DutyBasis> Bases =
        Gen.Select(Gen.Decimal[0m, 1_000_000m], Gen.Decimal[0m, 100_000m], Gen.OneOf(DutyUnits.All.Select(u => u.Symbol).ToArray()))
            .Select((value, amount, unit) => DutyBasis.Of(value, new Quantity(amount, unit), new Quantity(amount, "kg"))
                .WithPart("case", value / 3m));

    [Fact]
    public void Random_text_never_crashes_the_readers() =>
        Gen.String.Sample(text =>
        {
            var e = DutyExpression.Parse(text);
            Assert.True(e is null || e.ToString() is not null);
            _ = SpecialRates.Parse(text);
        }, iter: 5_000);

    [Fact]
    public void Mutated_real_text_never_crashes_and_what_parses_round_trips() =>
        Gen.Select(Mutations, Bases).Sample((text, basis) =>
        {
            foreach (var e in SpecialRates.Parse(text).Select(r => r.Rate).Append(DutyExpression.Parse(text)))
            {
                if (e is null || !e.IsParsed) continue;
                var back = DutyExpression.Parse(e.ToString());
                Assert.Equal(e, back);
                Assert.Equal(e.Evaluate(basis), back!.Evaluate(basis));
                Assert.True(e.Evaluate(basis).Amount >= 0m, $"{e} is negative on {basis}");
            }
        }, iter: 5_000);

    private static readonly Gen<decimal> Rates = Gen.Decimal[0m, 10m];

    private static readonly Gen<SpecificDuty> Specifics =
        Gen.Select(Gen.Decimal[0m, 10_000m], Gen.OneOf(DutyUnits.All.ToArray()))
            .Select((amount, unit) => new SpecificDuty(amount, unit));

    [Fact]
    public void Ad_valorem_round_trips_through_its_text() =>
        Rates.Sample(rate => Assert.Equal(new AdValoremDuty(rate), DutyExpression.Parse(new AdValoremDuty(rate).ToString())), iter: 5_000);

    [Fact]
    public void Specific_round_trips_through_its_text() =>
        Specifics.Sample(duty => Assert.Equal(duty, DutyExpression.Parse(duty.ToString())), iter: 5_000);

    [Fact]
    public void Compound_round_trips_through_its_text() =>
        Gen.Select(Specifics, Rates).Sample((specific, rate) =>
        {
            var compound = CompoundDuty.Of(specific, new AdValoremDuty(rate));
            Assert.Equal(compound, DutyExpression.Parse(compound.ToString()));
        });

    [Fact]
    public void Evaluation_is_never_negative() =>
        Gen.Select(Specifics, Rates, Bases).Sample((specific, rate, basis) =>
        {
            Assert.True(specific.Evaluate(basis).Amount >= 0m);
            Assert.True(new AdValoremDuty(rate).Evaluate(basis).Amount >= 0m);
            Assert.True(CompoundDuty.Of(specific, new AdValoremDuty(rate)).Evaluate(basis).Amount >= 0m);
        });

    [Fact]
    public void Ad_valorem_grows_with_value() =>
        Gen.Select(Rates, Gen.Decimal[0m, 1_000_000m], Gen.Decimal[0m, 1_000_000m]).Sample((rate, a, b) =>
        {
            var (low, high) = a <= b ? (a, b) : (b, a);
            var duty = new AdValoremDuty(rate);
            Assert.True(duty.Evaluate(DutyBasis.Of(low)).Amount <= duty.Evaluate(DutyBasis.Of(high)).Amount);
        });
}
