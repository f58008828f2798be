using Tariffscope.Nomenclature;

namespace Tariffscope.Tests.Nomenclature;

/// <summary>Each revision is in force from its effective date until the day before the next one's.</summary>
public class ScheduleOnTests
{
    private static ScheduleRevision Rev(string name, int y, int m, int d) => new(name, new DateOnly(y, m, d), "test", []);

    [Fact]
    public void The_revision_in_force_is_the_last_one_that_took_effect()
    {
        // given out of order on purpose: the schedule orders them by effective date
        var schedule = new Schedule([Rev("rev_2", 2025, 3, 5), Rev("basic", 2025, 1, 1), Rev("rev_3", 2025, 6, 6), Rev("rev_4", 2025, 6, 7)]);
        Assert.Null(schedule.On(new DateOnly(2024, 12, 31)));
        Assert.Equal("basic", schedule.On(new DateOnly(2025, 1, 1))!.Name);
        Assert.Equal("basic", schedule.On(new DateOnly(2025, 3, 4))!.Name);
        Assert.Equal("rev_2", schedule.On(new DateOnly(2025, 3, 5))!.Name);
        Assert.Equal("rev_2", schedule.On(new DateOnly(2025, 6, 5))!.Name);
        Assert.Equal("rev_3", schedule.On(new DateOnly(2025, 6, 6))!.Name);
        Assert.Equal("rev_4", schedule.On(new DateOnly(2025, 6, 7))!.Name);
        Assert.Equal("rev_4", schedule.On(new DateOnly(2030, 1, 1))!.Name);
    }

    [Fact]
    public void A_single_revision_answers_from_its_date_on()
    {
        var schedule = new Schedule([Rev("sample", 2025, 1, 1)]);
        Assert.Null(schedule.On(new DateOnly(2024, 12, 31)));
        Assert.Equal("sample", schedule.On(new DateOnly(2025, 1, 1))!.Name);
    }
}
