using CsCheck;
using Tariffscope.Engine;

namespace Tariffscope.Tests.Engine;

/// <summary>Whole cents carry exactly what the engine's decimals do: the integer product of a value and a rate,
/// rounded half away from zero, is the decimal product rounded to the cent.</summary>
public class MoneyTests
{
    private static readonly Gen<long> Cents = Gen.OneOf(Gen.Long[0, 10_000], Gen.Long[0, 100_000_000_000_000]);
    // rates as the policy writes them: whole percents, halves, tenths of a percent, and long fractions
    private static readonly Gen<decimal> Rate = Gen.OneOf(Gen.Int[0, 200].Select(p => p / 100m), Gen.Int[0, 2000].Select(p => p / 1000m),
        Gen.Long[0, 999_999_999].Select(p => p / 1_000_000_000m));

    [Fact]
    public void Value_times_rate_in_cents_equals_the_decimal_product_rounded_to_the_cent() =>
        Gen.Select(Cents, Rate).Sample((cents, rate) =>
        {
            var value = Money.FromCents(cents);
            Assert.True(Money.TryWholeCents(value, out var back) && back == cents);
            Assert.True(Money.TryScaled(rate, out var m, out var s));
            var expected = Math.Round(value * rate, 2, MidpointRounding.AwayFromZero);
            Assert.Equal(Money.ToCents(expected), Money.TimesRate(cents, m, s));
        });

    [Theory]
    // worked by hand: $0.50 at 1% is half a cent, which rounds away from zero to 1 cent; $0.49 at 1% is 0.49 cent → 0
    [InlineData(50, "0.01", 1)]
    [InlineData(49, "0.01", 0)]
    [InlineData(100_000, "0.25", 25_000)]   // $1,000 at 25% = $250.00
    [InlineData(4_800_457, "0.2", 960_091)] // $48,004.57 at 20% = $9,600.914 → $9,600.91
    public void Worked_examples(long cents, string rate, long expected)
    {
        Assert.True(Money.TryScaled(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), out var m, out var s));
        Assert.Equal(expected, Money.TimesRate(cents, m, s));
    }

    [Fact]
    public void A_value_with_a_fraction_of_a_cent_is_not_whole_cents_and_an_amount_with_one_is_refused()
    {
        Assert.False(Money.TryWholeCents(10.005m, out _));
        Assert.True(Money.TryWholeCents(10.5m, out var c) && c == 1050);
        Assert.Throws<InvalidOperationException>(() => Money.ToCents(0.001m));
    }

    [Fact]
    public void The_effective_rate_in_millionths_is_the_rounded_quotient() =>
        Gen.Select(Cents, Gen.Long[1, 100_000_000_000]).Sample((duty, valueCents) =>
        {
            var value = Money.FromCents(valueCents);
            var expected = Math.Round(Money.FromCents(duty) / value, 6, MidpointRounding.AwayFromZero);
            Assert.Equal(expected, Money.RateMillionths(duty, value) / 1_000_000m);
        });
}
