using System.Text.Json;

namespace Tariffscope.Tests;

/// <summary>`schedule show|search|history` on the built-in record (an empty data directory).</summary>
public class ScheduleCommandTests : IDisposable
{
    private readonly TempDir _empty = new();
    public void Dispose() => _empty.Dispose();

    [Fact]
    public void Show_prints_the_path_rates_notes_and_which_schedule_answered()
    {
        var r = Cli.Run("schedule", "show", "7318.15.20.30", "--date", "2025-06-01", "--data-dir", _empty.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Threaded articles:", r.Output);                  // group heading on the path
        Assert.Contains("Structural bolts", r.Output);
        Assert.Contains("Rates printed on: 7318.15.20", r.Output);        // the suffix inherits
        Assert.Contains("3.5%", r.Output);                                // column 2, as printed on 7318.15.20
        Assert.Contains("Chapter 99: 9903.88.03, 9903.90.09", r.Output);
        // revision 15 takes effect on 2025-05-14 and 16 on 2025-06-06 (the revision list)
        Assert.Contains("USITC HTS 2025 Revision 15 (in force from 2025-05-14; built-in record", r.Output);
    }

    [Fact]
    public void Show_json_carries_the_read_rates_and_programmes()
    {
        var r = Cli.Run("schedule", "show", "2204.21.50", "--date", "2025-06-01", "--json", "--data-dir", _empty.Path);
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Output);
        var root = doc.RootElement;
        Assert.Equal("2204.21.50", root.GetProperty("code").GetString());
        Assert.Equal("6.3¢/liter", root.GetProperty("general").GetProperty("printed").GetString());
        var special = root.GetProperty("special");
        Assert.Equal("Free", special[0].GetProperty("readAs").GetString());
        Assert.Equal("JO", special[1].GetProperty("programs")[0].GetString());
        Assert.Equal("33¢/liter", root.GetProperty("other").GetProperty("printed").GetString());
        Assert.Equal(["9903.88.03"], root.GetProperty("chapter99Refs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("rev_15", root.GetProperty("revision").GetString());
    }

    [Fact]
    public void Show_of_a_code_not_in_the_schedule_fails_and_points_near()
    {
        var r = Cli.Process("schedule", "show", "8471.30.01", "--date", "2025-06-01", "--data-dir", _empty.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: 8471.30.01 is not a line of the USITC HTS", line);
        Assert.Contains("lines under it: 8471.30.01.00", line);
    }

    [Fact]
    public void A_date_before_the_first_revision_is_an_error()
    {
        var r = Cli.Run("schedule", "show", "8471.30.01.00", "--date", "2024-12-31", "--data-dir", _empty.Path);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void A_malformed_date_is_refused_before_anything_runs()
    {
        var r = Cli.Run("schedule", "show", "8471.30.01.00", "--date", "31/12/2025", "--data-dir", _empty.Path);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--date: expected a date written YYYY-MM-DD, found \"31/12/2025\"", r.Output);
    }

    [Fact]
    public void Search_ranks_by_description_words()
    {
        var r = Cli.Run("schedule", "search", "lithium-ion batteries", "--date", "2025-06-01", "--json", "--data-dir", _empty.Path);
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Output);
        var first = doc.RootElement.GetProperty("lines")[0];
        Assert.Equal("8507.60.00", first.GetProperty("code").GetString());
        Assert.Equal("3.4%", first.GetProperty("general").GetString());
    }

    [Fact]
    public void Search_ranks_a_word_in_the_line_itself_above_one_it_only_inherits()
    {
        // "bolts" is in the own text of 7318.15, 7318.15.20 and 7318.15.20.30 ("Structural bolts"); the other lines
        // under 7318.15 only inherit it from them.
        var r = Cli.Run("schedule", "search", "bolts", "--limit", "50", "--date", "2025-06-01", "--json", "--data-dir", _empty.Path);
        using var doc = JsonDocument.Parse(r.Output);
        var lines = doc.RootElement.GetProperty("lines").EnumerateArray()
            .Select(l => (Code: l.GetProperty("code").GetString()!, Own: l.GetProperty("description").GetString()!)).ToList();
        var own = lines.FindIndex(l => !l.Own.Contains("bolt", StringComparison.OrdinalIgnoreCase));
        if (own < 0) own = lines.Count;
        Assert.True(own >= 3, "fewer than three lines with their own 'bolts' came first");
        Assert.All(lines.Skip(own), l => Assert.DoesNotContain("bolt", l.Own, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(lines, l => l.Code == "7318.15.20.30");
    }

    [Fact]
    public void Search_shows_the_path_of_headings()
    {
        var r = Cli.Run("schedule", "search", "structural bolts", "--date", "2025-06-01", "--data-dir", _empty.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("7318 ", r.Output);
        Assert.Contains("› 7318.15", r.Output);
    }

    [Fact]
    public void History_runs_over_every_revision_of_the_record()
    {
        var r = Cli.Run("schedule", "history", "8471.30.01.00", "--json", "--data-dir", _empty.Path);
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Output);
        Assert.Equal(43, doc.RootElement.GetProperty("revisions").GetInt32());
    }
}
