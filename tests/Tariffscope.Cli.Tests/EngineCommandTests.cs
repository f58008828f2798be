using System.Text.Json;

namespace Tariffscope.Tests;

/// <summary>quote, timeline, deadlines, changes, scenario and policy commands on the built-in data.</summary>
public class EngineCommandTests
{
    private static JsonElement Json(string output) => JsonDocument.Parse(output).RootElement;

    [Fact]
    public void Quote_json_gives_every_layer_with_its_source()
    {
        // 7326.90.86 (MFN 2.9%, List 3) from China on 2025-08-01, 60% steel: 290 + 2,500 + 2,000 + 3,000 + 400 = 8,190
        // (worked in the golden engine tests; here through the command line on the built-in record, HTS 2025 revision 17).
        var r = Cli.Run("quote", "7326.90.86", "--origin", "CN", "--date", "2025-08-01", "--metal-share", "0.6", "--json");
        Assert.Equal(0, r.ExitCode);
        var q = Json(r.Output);
        Assert.Equal(8190m, q.GetProperty("totalDuty").GetDecimal());
        var layers = q.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal("9903.88.03", layers[0].GetProperty("heading").GetString());
        Assert.All(layers, l => Assert.False(string.IsNullOrEmpty(l.GetProperty("source").GetProperty("instrument").GetString())));
        Assert.Contains("2025 Revision 17", q.GetProperty("schedule").GetString());
    }

    [Fact]
    public void Quote_for_people_shows_the_layer_table_and_what_was_left_out()
    {
        var r = Cli.Run("quote", "8471.30.01.00", "--origin", "CN", "--date", "2025-05-20");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("IEEPA fentanyl", r.Output);
        Assert.Contains("Left out", r.Output);
        Assert.Contains("electronics", r.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("quote", "84x1", "--origin", "CN")]
    [InlineData("quote", "8471.30.01.00", "--origin", "CHN")]
    [InlineData("quote", "8471.30.01.00", "--origin", "CN", "--date", "2025/05/20")]
    [InlineData("quote", "8471.30.01.00", "--origin", "CN", "--scenario", "no-such-scenario")]
    [InlineData("quote", "0000.00.00", "--origin", "CN", "--date", "2025-05-20")]
    public void Bad_input_is_refused_with_a_non_zero_exit(params string[] args)
    {
        var r = Cli.Process(args);
        Assert.NotEqual(0, r.ExitCode);
        Assert.DoesNotContain("   at ", r.Stderr + r.Stdout); // a message, never a stack trace
        Assert.False(string.IsNullOrWhiteSpace(r.Stderr + r.Stdout));
    }

    [Fact]
    public void Timeline_json_lists_the_truce_snap_back_under_the_lapse_scenario()
    {
        var r = Cli.Run("timeline", "8481.80.50", "--origin", "CN", "--scenario", "actual,truce-lapses-aug-2025", "--json");
        Assert.Equal(0, r.ExitCode);
        var runs = Json(r.Output).GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(2, runs.Count);
        var lapse = runs.Single(t => t.GetProperty("scenario").GetString() == "truce-lapses-aug-2025");
        // 8481.80.50: MFN 3% + List 3 25% + fentanyl 20% + reciprocal 10% = 58% until the snap-back, then 34%: 82%.
        var snap = lapse.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("date").GetString() == "2025-08-12");
        Assert.Equal(0.58m, snap.GetProperty("rateBefore").GetDecimal());
        Assert.Equal(0.82m, snap.GetProperty("rateAfter").GetDecimal());
    }

    [Fact]
    public void Timeline_chart_is_written()
    {
        using var dir = new TempDir();
        var r = Cli.Run("timeline", "8481.80.50", "--origin", "CN", "--chart", dir.File("t.svg"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("<svg", File.ReadAllText(dir.File("t.svg")));
    }

    [Fact]
    public void Deadlines_as_known_at_Stockholm_show_the_12_August_expiry()
    {
        var r = Cli.Run("deadlines", "--from", "2025-07-29", "--days", "30", "--as-known-on", "2025-07-29", "--json");
        Assert.Equal(0, r.ExitCode);
        var events = Json(r.Output).GetProperty("events").EnumerateArray().ToList();
        static string? Suspension(JsonElement e) => e.TryGetProperty("suspension", out var s) ? s.GetString() : null;
        Assert.Contains(events, e => Suspension(e) == "us-geneva-suspension" && e.GetProperty("date").GetString() == "2025-08-12" && e.GetProperty("daysAway").GetInt32() == 14);
        Assert.Contains(events, e => Suspension(e) == "cn-geneva-suspension");
        // Canada's rise to 35% on 1 August (EO 14325 of 31 July) was not yet published on 29 July.
        Assert.DoesNotContain(events, e => e.GetProperty("measure").GetString() == "us-ieepa-ca" && e.GetProperty("what").GetString()!.Contains("35%"));
    }

    [Fact]
    public void Changes_in_November_2025_include_the_fentanyl_cut()
    {
        var r = Cli.Run("changes", "--since", "2025-11-01", "--until", "2025-11-30", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(Json(r.Output).GetProperty("tookEffect").EnumerateArray(),
            e => e.GetProperty("measure").GetString() == "us-ieepa-fentanyl-cn" && e.GetProperty("what").GetString()!.Contains("20% -> 10%"));
    }

    [Fact]
    public void Scenario_diff_shows_the_24_points_by_measure()
    {
        var r = Cli.Run("scenario", "diff", "actual", "truce-lapses-aug-2025", "--date", "2025-08-20", "--origin", "CN", "--json");
        Assert.Equal(0, r.ExitCode);
        var m = Json(r.Output).GetProperty("byMeasure").EnumerateArray().Single();
        Assert.Equal("us-ieepa-reciprocal-cn", m.GetProperty("measure").GetString());
        Assert.Equal(0.24m, m.GetProperty("averageDifference").GetDecimal());
    }

    [Fact]
    public void Scenario_list_and_show_name_the_shipped_scenarios()
    {
        var list = Cli.Run("scenario", "list", "--json");
        Assert.Contains("truce-lapses-aug-2025", list.Output);
        var show = Cli.Run("scenario", "show", "truce-lapses-aug-2025");
        Assert.Contains("removes suspension us-stockholm-extension", show.Output);
    }

    [Fact]
    public void Policy_lint_finds_no_errors_in_the_shipped_data()
    {
        var r = Cli.Run("policy", "lint", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain(Json(r.Output).EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public void Policy_lint_with_today_flags_horizons_in_the_past()
    {
        // Every shipped file was checked to 2026-09-15: on 2026-12-03 each horizon is in the past (a warning, not an
        // error, so lint still succeeds); on 2026-09-15 none is.
        var late = Cli.Run("policy", "lint", "--today", "2026-12-03", "--json");
        Assert.Equal(0, late.ExitCode);
        Assert.Contains(Json(late.Output).EnumerateArray(), f => f.GetProperty("message").GetString()!.Contains("is in the past (today is 2026-12-03)"));
        var onTime = Cli.Run("policy", "lint", "--today", "2026-09-15", "--json");
        Assert.DoesNotContain(Json(onTime.Output).EnumerateArray(), f => f.GetProperty("message").GetString()!.Contains("is in the past"));
    }

    [Fact]
    public void Deadlines_after_October_2026_name_the_November_expiries_and_what_is_unknown()
    {
        var r = Cli.Run("deadlines", "--from", "2026-10-01", "--days", "120", "--json");
        Assert.Equal(0, r.ExitCode);
        var events = Json(r.Output).GetProperty("events").EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("date").GetString() == "2026-11-10" && e.GetProperty("measure").GetString() == "us-s301-list3"
                                     && e.GetProperty("what").GetString()!.Contains("what follows is not known"));
        Assert.Contains(events, e => e.TryGetProperty("suspension", out var x) && x.GetString() == "cn-kuala-lumpur-extension"
                                     && e.GetProperty("what").GetString()!.Contains("not confirmed after 2026-11-09"));
    }

    [Fact]
    public void A_quote_past_what_the_record_confirms_warns_in_text_and_json()
    {
        // 9403.60.80 from China on 2026-12-03: List 3 and the forced-labour 301 are confirmed through 2026-09-15.
        var json = Cli.Run("quote", "9403.60.80", "--origin", "CN", "--date", "2026-12-03", "--json");
        Assert.Equal(0, json.ExitCode);
        Assert.Contains("Section 301 List 3: not confirmed after 2026-09-15", json.Output);
        var text = Cli.Run("quote", "9403.60.80", "--origin", "CN", "--date", "2026-12-03");
        Assert.Contains("not confirmed", text.Output);
    }

    [Fact]
    public void An_imported_list_replaces_the_built_in_list()
    {
        // 8517.13.00.00 (smartphones) is on the electronics list; import an Annex II that contains it as well, and the
        // reciprocal layer's omission names the imported list.
        using var dir = new TempDir();
        File.WriteAllText(dir.File("annex.csv"), "HTSUS\n8517130000\n");
        var imp = Cli.Run("data", "import-list", "annex-ii", dir.File("annex.csv"), "--data-dir", dir.Path, "--source", "test list");
        Assert.Equal(0, imp.ExitCode);
        Assert.Contains("replaces the built-in list of that name", imp.Output);
        var q = Cli.Run("quote", "8517.13.00.00", "--origin", "VN", "--date", "2025-05-20", "--data-dir", dir.Path, "--json");
        Assert.Contains(Json(q.Output).GetProperty("omitted").EnumerateArray(), o => o.GetProperty("reason").GetString()!.Contains("annex-ii (imported)"));
    }

    [Fact]
    public void With_trade_loaded_deadlines_and_diffs_say_how_much_trade_is_at_stake()
    {
        // Two lines from China: valves (8481.80.50, reached by the reciprocal duty) for $1,000,000 and a laptop
        // (8471.30.01.00, excepted from it by the April electronics memorandum) for $500,000. The Geneva suspension's
        // end on 2025-08-12 touches only the valves: 1 line, $1,000,000; at 24 points the duty at stake is $240,000.
        using var dir = new TempDir();
        File.WriteAllText(dir.File("flows.csv"), "importer,partner,hs10,year,value,duty\nUS,CN,8481805090,2024,1000000,0\nUS,CN,8471300100,2024,500000,0\n");
        Assert.Equal(0, Cli.Run("data", "import-trade", dir.File("flows.csv"), "--data-dir", dir.Path).ExitCode);
        var d = Cli.Run("deadlines", "--from", "2025-07-29", "--days", "30", "--as-known-on", "2025-07-29", "--data-dir", dir.Path, "--json");
        var end = Json(d.Output).GetProperty("events").EnumerateArray()
            .Single(e => e.TryGetProperty("suspension", out var x) && x.GetString() == "us-geneva-suspension" && e.GetProperty("kind").GetString() == "suspensionEnds");
        Assert.Equal(1, end.GetProperty("trade").GetProperty("products").GetInt32());
        Assert.Equal(1_000_000m, end.GetProperty("trade").GetProperty("value").GetDecimal());
        var diff = Cli.Run("scenario", "diff", "actual", "truce-lapses-aug-2025", "--date", "2025-08-20", "--origin", "CN", "--data-dir", dir.Path, "--json");
        var m = Json(diff.Output).GetProperty("byMeasure").EnumerateArray().Single();
        Assert.Equal(240_000m, m.GetProperty("dutyAtStake").GetDecimal());
    }
}
