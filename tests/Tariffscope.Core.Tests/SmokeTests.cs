using Tariffscope.Nomenclature;

namespace Tariffscope.Tests;

public class HtsCodeTests
{
    [Theory]
    [InlineData("8471.30.01.00", "8471300100", "8471.30.01.00")]
    [InlineData("847130", "847130", "8471.30")]
    [InlineData(" 0101.21.00 ", "01012100", "0101.21.00")]
    public void Parses_and_prints_codes(string text, string digits, string printed)
    {
        var code = HtsCode.Parse(text);
        Assert.Equal(digits, code.Digits);
        Assert.Equal(printed, code.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("8")]
    [InlineData("84x1")]
    [InlineData("84713001001")]
    public void Refuses_what_is_not_a_code(string text) => Assert.Null(HtsCode.TryParse(text));
}
