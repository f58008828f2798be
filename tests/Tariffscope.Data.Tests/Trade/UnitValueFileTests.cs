using Tariffscope.Data.Trade;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;

namespace Tariffscope.Tests.Trade;

/// <summary>The unit value CSV: the shipped crude oil prices, and rows refused with file, line and field.</summary>
public class UnitValueFileTests
{
    private const string Header = "code,year,price,unit,source\n";

    [Fact]
    public void The_built_in_file_prices_heavy_and_light_crude_of_2024()
    {
        var values = UnitValueFile.BuiltIn();
        var heavy = values.For(HtsCode.Parse("2709.00.10.00"), 2024)!;
        var light = values.For(HtsCode.Parse("2709.00.20.90"), 2024)!;
        Assert.Equal((60.99m, "bbl"), (heavy.Price, heavy.Unit));
        Assert.Equal((75.72m, "bbl"), (light.Price, light.Unit));
        Assert.Contains("Alberta Energy Regulator", heavy.Source.Instrument, StringComparison.Ordinal);
        Assert.Null(values.For(HtsCode.Parse("2709.00.10.00"), 2025));
        Assert.Null(values.For(HtsCode.Parse("2710.19.11.02"), 2024));
        // Hand-worked: $6,099,000 of heavy crude at US$60.99 is 100,000 barrels, × 5.25¢ = $5,250.
        var owed = DutyExpression.Parse("5.25¢/bbl").Evaluate(new DutyBasis(6_099_000m, [heavy.QuantityPerValue with { Amount = heavy.QuantityPerValue.Amount * 6_099_000m }]));
        Assert.Equal(5_250m, Math.Round(owed.Amount, 2));
    }

    [Theory]
    [InlineData("2709.00.10,2024,-1,bbl,EIA\n", "line 2, field price")]
    [InlineData("2709.00.10,2024,60,barrelz,EIA\n", "line 2, field unit")]
    [InlineData("27x9,2024,60,bbl,EIA\n", "line 2, field code")]
    [InlineData("2709.00.10,24,60,bbl,EIA\n", "line 2, field year")]
    [InlineData("2709.00.10,2024,60,bbl,\n", "line 2, field source")]
    public void A_bad_row_is_named(string row, string where)
    {
        var e = Assert.Throws<TradeDataException>(() => UnitValueFile.Parse(Header + row, "prices.csv"));
        Assert.Contains("prices.csv, " + where, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_option_names_the_estimate_or_the_lower_bound()
    {
        Assert.False(UnitValueFile.ForOption("estimate").IsEmpty);
        Assert.True(UnitValueFile.ForOption("none").IsEmpty);
        Assert.Throws<FormatException>(() => UnitValueFile.ForOption("guess"));
    }
}
