using Tariffscope.Engine.Batch;

namespace Tariffscope.Tests.Batch;

public class FieldParserTests
{
    [Theory]
    [InlineData("10000", "10000")]
    [InlineData("10,000.50", "10000.50")]     // comma groups, dot decimal
    [InlineData("10.000,50", "10000.50")]     // dot groups, comma decimal
    [InlineData("1,234,567", "1234567")]      // two comma groups: only a thousands separator reads so
    [InlineData("1.234.567", "1234567")]
    [InlineData("12,5", "12.5")]              // one comma and not three digits after it: a decimal comma
    [InlineData(" 0.35 ", "0.35")]
    public void Numbers_people_write_are_read(string text, string expected)
    {
        Assert.True(FieldParsers.TryParseDecimal(text, out var v, out var why), why);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), v);
    }

    [Theory]
    [InlineData("1,234", "ambiguous")]        // a thousand and a bit, or one point two three four?
    [InlineData("12,34,5", "not a number")]
    [InlineData("1.2.3", "not a number")]
    [InlineData("ten", "not a number")]
    [InlineData("", "empty")]
    public void Numbers_that_read_two_ways_or_none_are_refused(string text, string reason)
    {
        Assert.False(FieldParsers.TryParseDecimal(text, out _, out var why));
        Assert.Contains(reason, why);
    }

    [Theory]
    [InlineData("2025-08-13")]
    [InlineData("2025/08/13")]
    [InlineData("2025.08.13")]
    [InlineData("20250813")]
    [InlineData("13.08.2025")]            // 13 cannot be a month: day first
    [InlineData("08/13/2025")]            // 13 cannot be a month: month first
    [InlineData("13/08/2025")]
    [InlineData("13 Aug 2025")]
    [InlineData("Aug 13, 2025")]
    [InlineData("13-AUG-2025")]
    [InlineData("2025-08-13T00:00:00")]
    [InlineData("2025-08-13 14:30:00")]
    [InlineData("2025-08-13T23:59:59.5Z")]
    [InlineData("2025-08-13T08:00+02:00")]
    [InlineData("8/13/2025 2:30:00 PM")]
    [InlineData("08/13/2025 12:00 AM")]
    public void Iso_and_unambiguous_dates_are_read(string text)
    {
        Assert.True(FieldParsers.TryParseDate(text, out var d, out var why), why);
        Assert.Equal(new DateOnly(2025, 8, 13), d);
    }

    [Fact]
    public void A_day_and_month_that_are_equal_read_the_same_both_ways()
    {
        Assert.True(FieldParsers.TryParseDate("05/05/2025", out var d, out _));
        Assert.Equal(new DateOnly(2025, 5, 5), d);
    }

    [Theory]
    [InlineData("05/06/2025", "ambiguous")]
    [InlineData("06.05.2025", "ambiguous")]
    [InlineData("13/08/25", "four digits")]
    [InlineData("2025-02-30", "not a calendar date")]
    [InlineData("2025-13-01", "not a calendar date")]
    [InlineData("yesterday", "not a date")]
    [InlineData("", "empty")]
    [InlineData("2025-08-13 25:00", "time of day is not valid")]   // before: read as 2025-08-13
    [InlineData("2025-08-13T12:61:00", "time of day is not valid")]
    [InlineData("2025-08-13 1:2:3:4", "time of day is not valid")]
    [InlineData("8/13/2025 13:30 PM", "time of day is not valid")]
    public void Ambiguous_or_impossible_dates_are_refused_with_a_reason(string text, string reason)
    {
        Assert.False(FieldParsers.TryParseDate(text, out _, out var why));
        Assert.Contains(reason, why);
    }

    [Theory]
    [InlineData("0.6", "0.6")]
    [InlineData("60%", "0.6")]
    [InlineData("1", "1")]
    public void Shares_are_fractions_or_percentages(string text, string expected)
    {
        Assert.True(FieldParsers.TryParseShare(text, out var v, out _));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), v);
    }

    [Fact]
    public void A_share_above_one_is_refused() => Assert.False(FieldParsers.TryParseShare("1.5", out _, out _));

    [Theory]
    [InlineData("cn", true)]
    [InlineData("DE", true)]
    [InlineData("ZZ", false)]
    [InlineData("CHN", false)]
    [InlineData("", false)]
    public void Countries_are_iso_alpha2(string text, bool ok) => Assert.Equal(ok, FieldParsers.TryParseCountry(text, out _, out _));

    [Fact]
    public void The_country_list_has_every_assigned_code_plus_kosovo() => Assert.Equal(249 + 1, Countries.Count);
}
