using System.Text.Json.Nodes;

namespace Tariffscope.Server.Tests;

[Collection(ServerCollection.Name)]
public class CalendarAndTimelineApiTests(ServerFixture server)
{
    private static JsonNode? Step(JsonNode series, string date) => series["steps"]!.AsArray().FirstOrDefault(s => (string)s!["date"]! == date);

    /// <summary>
    /// 7326.90.86 from China, steel content 60% (see QuoteApiTests for the 81.9% worked out on 1 August 2025).
    /// Actual: EO 14334 extends the Geneva suspension on 12 August, so nothing changes that day; on 10 November
    /// EO 14357 halves the fentanyl duty, 20% → 10%: 81.9% − 10 points = 71.9%.
    /// Truce lapses: on 12 August the reciprocal duty on the non-steel 40% goes 10% → 34%: 81.9% + 0.24 × 40% = 91.5%;
    /// on 10 November the fentanyl cut applies there too: 91.5% − 10 points = 81.5%.
    /// </summary>
    [Fact]
    public async Task Timeline_shows_the_snap_back_only_in_the_scenario_where_the_truce_lapses()
    {
        var t = await server.GetJson("/api/v1/timeline?code=7326.90.86&origin=CN&from=2025-07-01&to=2025-12-31&metalShare=0.6&scenarios=actual&scenarios=truce-lapses-aug-2025");
        var series = t["series"]!.AsArray();
        Assert.Equal(["actual", "truce-lapses-aug-2025"], series.Select(s => (string)s!["scenario"]!));
        var (actual, lapsed) = (series[0]!, series[1]!);

        Assert.Equal(0.819m, (decimal)actual["steps"]![0]!["rateAfter"]!);
        Assert.Null(Step(actual, "2025-08-12"));
        Assert.Equal(0.719m, (decimal)Step(actual, "2025-11-10")!["rateAfter"]!);

        var snap = Step(lapsed, "2025-08-12")!;
        Assert.Equal(0.819m, (decimal)snap["rateBefore"]!);
        Assert.Equal(0.915m, (decimal)snap["rateAfter"]!);
        Assert.Equal(9150.00m, (decimal)snap["total"]!);
        Assert.Contains(snap["causes"]!.AsArray(), c => ((string)c!).Contains("Geneva"));
        Assert.Equal(0.815m, (decimal)Step(lapsed, "2025-11-10")!["rateAfter"]!);
        // each step carries the layers in force from that day
        Assert.Contains(snap["layers"]!.AsArray(), l => (string)l!["measure"]! == "us-ieepa-reciprocal-cn" && (string)l["rate"]! == "34%");
    }

    /// <summary>From 1 July 2025, 120 days: the Geneva suspension ends on 12 August (31 − 1 + 12 = 42 days on), and
    /// EO 14334's extension starts the same day, so the end is reported as taken over, not as a snap-back.</summary>
    [Fact]
    public async Task Deadlines_count_the_days_and_tell_an_extension_from_a_snap_back()
    {
        var d = await server.GetJson("/api/v1/deadlines?from=2025-07-01&days=120&origin=CN&importer=US");
        Assert.Equal("2025-10-28", (string)d["until"]!);
        var events = d["events"]!.AsArray();
        var end = events.Single(e => (string)e!["kind"]! == "suspensionEnds" && (string)e["date"]! == "2025-08-12")!;
        Assert.Equal(42, (int)end["daysAway"]!);
        Assert.Contains("extension takes over", (string)end["what"]!);
        Assert.Contains(events, e => (string)e!["kind"]! == "suspensionStarts" && (string)e["date"]! == "2025-08-12");
        Assert.All(events, e => Assert.Equal("US", (string)e!["importer"]!));
        Assert.All(events, e => Assert.InRange(DateOnly.Parse((string)e!["date"]!), new DateOnly(2025, 7, 1), new DateOnly(2025, 10, 28)));
    }

    [Fact]
    public async Task Deadlines_default_to_90_days_from_today()
    {
        var d = await server.GetJson("/api/v1/deadlines");
        Assert.Equal(ServerFixture.Today.ToString("yyyy-MM-dd"), (string)d["from"]!);
        Assert.Equal(90, (int)d["days"]!);
    }

    [Fact]
    public async Task In_the_truce_lapses_scenario_the_august_deadline_is_a_snap_back()
    {
        var d = await server.GetJson("/api/v1/deadlines?from=2025-08-01&days=30&origin=CN&importer=US&scenario=truce-lapses-aug-2025");
        var end = d["events"]!.AsArray().Single(e => (string)e!["kind"]! == "suspensionEnds")!;
        Assert.Equal("2025-08-12", (string)end["date"]!);
        Assert.Contains("unless extended", (string)end["what"]!);
    }

    /// <summary>EO 14357 cut the fentanyl duty on China from 20% to 10% from 10 November 2025.</summary>
    [Fact]
    public async Task Changes_list_what_took_effect_in_the_window()
    {
        var c = await server.GetJson("/api/v1/changes?since=2025-10-01&until=2025-12-31&importer=US&origin=CN");
        var cut = c["tookEffect"]!.AsArray().Single(e => (string)e!["measure"]! == "us-ieepa-fentanyl-cn")!;
        Assert.Equal("2025-11-10", (string)cut["date"]!);
        Assert.Contains("20% -> 10%", (string)cut["what"]!);
    }
}
