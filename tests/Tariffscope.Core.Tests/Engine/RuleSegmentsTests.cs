using System.Collections.Immutable;
using Tariffscope.Duties;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Tests.Engine;

/// <summary>
/// Rule segments on a tiny hand-written policy: every expected boundary below is read off the dates written in
/// <see cref="Policy"/> and <see cref="Schedules"/> by hand (a span "A to B" contributes A and the day after B).
/// </summary>
public class RuleSegmentsTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static Measure M(string id, string[] origins, OriginException[] except, ProductTerm[] include, DateOnly? through,
        params (string From, string Rate)[] rates) => new()
    {
        Id = id, Title = id, Family = "f", Importer = "US",
        Origins = new OriginScope([.. origins], [.. except]),
        Products = new ProductScope([.. include], []),
        Rates = [.. rates.Select(r => new RatePeriod(D(r.From), DutyExpression.Parse(r.Rate)!))],
        Through = through,
        Source = new Provenance("test instrument"),
    };

    // reciprocal: CN and the group XG (JP, KR); KR left out for June 2025 only. 10% from 2025-04-05, 34% from
    // 2025-04-10, 24 points suspended 2025-05-14 to 2025-08-12.
    // de-only: DE, 2025-03-01 to 2025-09-30, on 8481 only from 2025-07-01.
    // all-but-vn: every origin except VN for good, 5% from 2025-02-01.
    private static readonly PolicySet Policy = new()
    {
        Name = "test",
        Horizon = D("2025-12-31"),
        Families = ImmutableDictionary<string, MeasureFamily>.Empty.Add("f", new("f", "Family", 10, CombineRule.Sum, [])),
        Groups = ImmutableDictionary<string, CountryGroup>.Empty.Add("XG", new("XG", "a test group", ["JP", "KR"], new Provenance("test"))),
        Measures =
        [
            M("reciprocal", ["CN", "group:XG"], [new("KR", new Validity(D("2025-06-01"), D("2025-06-30")))], [ProductTerm.All], null,
                ("2025-04-05", "10%"), ("2025-04-10", "34%")),
            M("de-only", ["DE"], [], [new ProductTerm("8481", null, new Validity(D("2025-07-01"), null))], D("2025-09-30"), ("2025-03-01", "25%")),
            M("all-but-vn", [OriginScope.AllOrigins], [new("VN")], [ProductTerm.All], null, ("2025-02-01", "5%")),
        ],
        Suspensions =
        [
            new Suspension { Id = "truce", MeasureId = "reciprocal", Points = 0.24m, Validity = new(D("2025-05-14"), D("2025-08-12")), Source = new Provenance("test") },
        ],
    };

    // two revisions: 2025-01-01 and 2025-09-03
    private static readonly IReadOnlyDictionary<string, Schedule> Schedules = new Dictionary<string, Schedule>
    {
        ["US"] = new([Revision("2025-01-01"), Revision("2025-09-03")]),
    };

    private static ScheduleRevision Revision(string date) =>
        new("rev " + date, D(date), "hand-written", [new TariffLine { Code = HtsCode.Parse("8481.80.50"), Indent = 1, Description = "valves", GeneralText = "3%", General = DutyExpression.Parse("3%") }]);

    private static readonly RuleSegments Segments = new(Policy, Schedules);
    private static int Seg(string origin, string date) => Segments.SegmentOf("US", origin, D(date));

    [Fact]
    public void Boundaries_of_China_are_the_revisions_the_horizon_and_the_dates_of_the_measures_that_reach_it()
    {
        // revisions 01-01 and 09-03; all-but-vn 02-01; reciprocal 04-05 and 04-10; truce 05-14 and the day after
        // 08-12 = 08-13; the day after the horizon 2025-12-31 = 2026-01-01. Nothing from de-only.
        string[] expected = ["2025-01-01", "2025-02-01", "2025-04-05", "2025-04-10", "2025-05-14", "2025-08-13", "2025-09-03", "2026-01-01"];
        Assert.Equal(expected.Select(D), Segments.Boundaries("US", "CN"));
    }

    [Fact]
    public void A_suspension_starts_and_ends_a_segment()
    {
        Assert.NotEqual(Seg("CN", "2025-05-13"), Seg("CN", "2025-05-14"));   // the truce starts on 05-14
        Assert.Equal(Seg("CN", "2025-06-01"), Seg("CN", "2025-08-01"));      // both inside the truce
        Assert.Equal(Seg("CN", "2025-05-14"), Seg("CN", "2025-08-12"));      // its first and last day
        Assert.NotEqual(Seg("CN", "2025-08-12"), Seg("CN", "2025-08-13"));   // the rate snaps back on 08-13
    }

    [Fact]
    public void Segments_count_the_boundaries_on_or_before_the_date()
    {
        Assert.Equal(0, Seg("CN", "2024-12-31"));   // before the first revision
        Assert.Equal(1, Seg("CN", "2025-01-01"));
        Assert.Equal(1, Seg("CN", "2025-01-31"));
        Assert.Equal(2, Seg("CN", "2025-02-01"));
        Assert.Equal(8, Seg("CN", "2026-06-30"));   // past the horizon: the last segment
    }

    [Fact]
    public void An_origin_a_measure_does_not_cover_gets_no_boundary_from_it()
    {
        // DE: revisions 01-01, 09-03; all-but-vn 02-01; de-only 03-01, the day after 09-30 = 10-01, its product term
        // from 07-01; horizon 2026-01-01. None of the reciprocal's or the truce's dates.
        string[] de = ["2025-01-01", "2025-02-01", "2025-03-01", "2025-07-01", "2025-09-03", "2025-10-01", "2026-01-01"];
        Assert.Equal(de.Select(D), Segments.Boundaries("US", "DE"));
        Assert.Equal(Seg("DE", "2025-05-13"), Seg("DE", "2025-05-14"));   // the truce's days are China's, not Germany's
        Assert.Equal(Seg("DE", "2025-08-12"), Seg("DE", "2025-08-13"));
        // VN is excepted for good from all-but-vn and listed nowhere else: only the revisions and the horizon.
        Assert.Equal(new[] { "2025-01-01", "2025-09-03", "2026-01-01" }.Select(D), Segments.Boundaries("US", "VN"));
    }

    [Fact]
    public void A_dated_origin_exception_adds_boundaries_for_that_origin_only()
    {
        // KR is left out of the reciprocal 2025-06-01 to 2025-06-30: boundaries 06-01 and 07-01 for KR, not for JP,
        // which reaches the same measure through the same group.
        Assert.NotEqual(Seg("KR", "2025-05-31"), Seg("KR", "2025-06-01"));
        Assert.NotEqual(Seg("KR", "2025-06-30"), Seg("KR", "2025-07-01"));
        Assert.Equal(Seg("JP", "2025-05-31"), Seg("JP", "2025-07-01"));
        Assert.Contains(D("2025-06-01"), Segments.Boundaries("US", "KR"));
        Assert.DoesNotContain(D("2025-06-01"), Segments.Boundaries("US", "JP"));
        Assert.DoesNotContain(D("2025-06-01"), Segments.Boundaries("US", "CN"));
    }

    [Fact]
    public void An_importer_without_a_schedule_still_gets_the_policy_boundaries()
    {
        // no measure has importer CN: only the day after the horizon
        Assert.Equal([D("2026-01-01")], Segments.Boundaries("CN", "US"));
    }
}
