using System.Globalization;
using CsCheck;
using Tariffscope.Data.Entries;

namespace Tariffscope.Tests.Entries;

/// <summary>Amounts and rates carried as integers print byte for byte as the decimal format strings the result files
/// used before ("0.00" for money, "0.######" for a rate).</summary>
public class ScaledTextTests
{
    private static string Text(long value, int decimals, bool trim) => new(ScaledText.Format(value, decimals, trim, stackalloc char[24]));

    [Fact]
    public void Cents_print_as_the_money_format() =>
        Gen.OneOf(Gen.Long[-100_000, 100_000], Gen.Long[-100_000_000_000_000_000, 100_000_000_000_000_000]).Sample(c =>
            Assert.Equal((c / 100m).ToString("0.00", CultureInfo.InvariantCulture), Text(c, 2, trim: false)));

    [Fact]
    public void Millionths_print_as_the_rate_format() =>
        Gen.OneOf(Gen.Long[0, 2_000_000], Gen.Long[-10_000_000_000, 10_000_000_000], Gen.Int[0, 300].Select(p => p * 10_000L)).Sample(m =>
            Assert.Equal((m / 1_000_000m).ToString("0.######", CultureInfo.InvariantCulture), Text(m, 6, trim: true)));

    [Theory]
    [InlineData(0L, 2, false, "0.00")]
    [InlineData(5L, 2, false, "0.05")]
    [InlineData(-1250L, 2, false, "-12.50")]
    [InlineData(240_000L, 6, true, "0.24")]
    [InlineData(1_000_000L, 6, true, "1")]
    [InlineData(0L, 6, true, "0")]
    public void Examples(long value, int decimals, bool trim, string expected) => Assert.Equal(expected, Text(value, decimals, trim));
}
