using System.Text;
using System.Text.Json;

namespace Tariffscope.Tests;

/// <summary>`deadlines --ics` and `watchlist` on the built-in data.</summary>
public class FeedCommandTests
{
    /// <summary>The calendar file holds the same events as the JSON answer, one all-day VEVENT each, in CRLF lines of
    /// at most 75 octets. EO 14357 lowered the fentanyl duty on China from 20% to 10% from 10 November 2025.</summary>
    [Fact]
    public void Deadlines_writes_the_events_it_lists_as_a_calendar()
    {
        using var dir = new TempDir();
        var ics = Path.Combine(dir.Path, "deadlines.ics");
        var r = Cli.Run("deadlines", "--from", "2025-11-01", "--days", "15", "--origin", "CN", "--importer", "US", "--hs", "8471", "--ics", ics, "--json");
        Assert.Equal(0, r.ExitCode);
        var events = JsonDocument.Parse(r.Output).RootElement.GetProperty("events");
        var text = File.ReadAllText(ics, Encoding.UTF8);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        Assert.EndsWith("END:VCALENDAR\r\n", text);
        Assert.All(text.Split("\r\n"), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Equal(events.GetArrayLength(), text.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("DTSTART;VALUE=DATE:20251110\r\n", text);
        Assert.Contains("SUMMARY:US: IEEPA fentanyl duty on China — rate changes\r\n", text);
    }

    /// <summary>Hand-worked (EO 14357): a $100,000 laptop (8471.30.01.00) from China owes 20% fentanyl duty on 9 November
    /// 2025 and 10% from 10 November: $20,000 then $10,000.</summary>
    [Fact]
    public void Watchlist_prices_a_coming_event_on_the_plan()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "laptops.json");
        File.WriteAllText(file, """{"name": "laptops", "lines": [{"code": "8471.30.01.00", "value": 100000}], "origins": ["CN"]}""");
        var r = Cli.Run("watchlist", file, "--from", "2025-11-01", "--days", "15", "--json");
        Assert.Equal(0, r.ExitCode);
        var fentanyl = JsonDocument.Parse(r.Output).RootElement.GetProperty("events").EnumerateArray()
            .Single(e => e.GetProperty("event").GetProperty("measureId").GetString() == "us-ieepa-fentanyl-cn");
        Assert.Equal(20000m, fentanyl.GetProperty("dutyBefore").GetDecimal());
        Assert.Equal(10000m, fentanyl.GetProperty("dutyAfter").GetDecimal());

        File.WriteAllText(file, """{"name": "bad", "lines": [{"code": "84x"}], "origins": ["CN"]}""");
        var bad = Cli.Process("watchlist", file);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("lines[0].code", bad.Stderr);
    }
}
