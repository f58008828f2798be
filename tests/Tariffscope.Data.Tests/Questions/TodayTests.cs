using Tariffscope.Questions;

namespace Tariffscope.Tests;

/// <summary>"Today" is the US Eastern day, where entry dates live, whatever the machine's zone.</summary>
public class TodayTests
{
    private sealed class At(DateTimeOffset instant) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => instant;
    }

    [Theory]
    // 03:00 UTC on 2 March is 22:00 EST on 1 March (UTC−5 in winter).
    [InlineData("2026-03-02T03:00:00Z", "2026-03-01")]
    // 03:59 UTC on 2 July is 23:59 EDT on 1 July (UTC−4 in summer); 04:00 UTC is midnight of 2 July.
    [InlineData("2026-07-02T03:59:00Z", "2026-07-01")]
    [InlineData("2026-07-02T04:00:00Z", "2026-07-02")]
    // The Geneva suspension's first day: 12:01 a.m. EDT on 14 May 2025 is 04:01 UTC.
    [InlineData("2025-05-14T04:01:00Z", "2025-05-14")]
    public void The_day_is_the_us_eastern_day(string utc, string day) =>
        Assert.Equal(DateOnly.Parse(day), new Today(new At(DateTimeOffset.Parse(utc))).Date);
}
