using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli;

namespace Tariffscope.Tests.Controls;

/// <summary>The `controls` commands end to end: exit codes, JSON output, one-line errors, file screening.</summary>
[Collection("Console")]
public class ControlCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o);
        Console.SetError(e);
        var oldConsole = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(o), Interactive = InteractionSupport.No });
        try
        {
            var app = new CommandApp();
            app.Configure(CommandRegistry.Configure);
            return (app.Run(args), o.ToString(), e.ToString());
        }
        finally { Console.SetOut(oldOut); Console.SetError(oldErr); AnsiConsole.Console = oldConsole; }
    }

    [Fact]
    public void Check_prints_json_with_the_outcome_and_sources()
    {
        // Ga from China to the US on 2025-01-15: Ann. 46/2024 para. 2 → prohibited (worked in the golden tests).
        var (exit, output, _) = Run("controls", "check", "--from", "CN", "--to", "US", "--element", "Ga", "--date", "2025-01-15", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("prohibited", doc.RootElement.GetProperty("outcome").GetString());
        var rules = doc.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("controlId").GetString()).ToList();
        Assert.Contains("cn-ann46-p2-us-ga-ge-sb", rules);
        Assert.Contains("cn-ann23-gallium", rules);
        Assert.Equal("high", doc.RootElement.GetProperty("rules")[0].GetProperty("source").GetProperty("confidence").GetString());
    }

    [Fact]
    public void Check_under_a_scenario_changes_the_answer()
    {
        // Vietnamese magnet with 0.5 % Chinese REE on 2026-11-15: licence when Ann. 70 is not renewed, none when renewed to 2027.
        string[] q = ["controls", "check", "--from", "VN", "--to", "US", "--hs", "8505.11", "--content", "CN-REE=0.5%", "--content", "CN-REE-TECH=0", "--date", "2026-11-15", "--json", "--scenario"];
        using var notRenewed = JsonDocument.Parse(Run([.. q, "controls-suspension-not-renewed"]).Out);
        using var renewed = JsonDocument.Parse(Run([.. q, "controls-suspension-renewed-2027"]).Out);
        Assert.Equal("licenceRequired", notRenewed.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("noLicenceRequired", renewed.RootElement.GetProperty("outcome").GetString());
        // The renewal's last day suspended is 2027-11-09 (the rule applies again on 2027-11-10).
        var rule = renewed.RootElement.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("controlId").GetString() == "cn-ann61-foreign-content");
        Assert.Equal("2027-11-09", rule.GetProperty("suspendedThrough").GetString());
        Assert.False(rule.TryGetProperty("to", out _));
    }

    [Theory]
    [InlineData("--date", "2025-02-30", "--date")]
    [InlineData("--param", "tpp:4800", "--param")]
    [InlineData("--content", "CN-REE=150%", "--content")]
    [InlineData("--scenario", "no-such-scenario", "unknown scenario")]
    public void Bad_input_gives_one_line_and_a_non_zero_exit(string flag, string value, string expected)
    {
        var (exit, output, error) = Run("controls", "check", "--from", "CN", "--to", "US", "--element", "Dy", flag, value);
        Assert.NotEqual(0, exit);
        var message = error + output;
        Assert.Contains(expected, message);
        Assert.DoesNotContain("   at ", message); // no stack trace
    }

    [Fact]
    public void Timeline_and_deadlines_run()
    {
        var (exit, output, _) = Run("controls", "timeline", "--from", "CN", "--to", "DE", "--element", "Ho", "--from-date", "2025-11-01", "--to-date", "2026-12-31", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        // Ann. 57 from 2025-11-08; suspended 2025-11-10; back 2026-11-10.
        Assert.Equal(["2025-11-01", "2025-11-08", "2025-11-10", "2026-11-10"],
            doc.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("date").GetString()).ToList());

        var (exit2, output2, _) = Run("controls", "deadlines", "--date", "2026-11-01", "--days", "30", "--json");
        Assert.Equal(0, exit2);
        Assert.Contains("cn-ann70-suspension", output2);
    }

    [Fact]
    public void Screen_writes_results_and_rejects_and_reports_the_balance()
    {
        var dir = Directory.CreateTempSubdirectory("ts-cli-").FullName;
        try
        {
            var input = Path.Combine(dir, "shipments.csv");
            File.WriteAllText(input, "from,to,date,element\nCN,US,2025-01-15,Ga\nCN,US,2025-13-01,Ga\n");
            var (exit, output, _) = Run("controls", "screen", input, "--out", Path.Combine(dir, "result.csv"));
            Assert.Equal(0, exit);
            Assert.Contains("input 2 lines = 1 screened + 1 rejected", output);
            Assert.Equal(2, File.ReadAllLines(Path.Combine(dir, "result.csv")).Length);
            Assert.Contains("2025-13-01", File.ReadAllText(Path.Combine(dir, "result.rejects.csv")));

            var (exit2, _, error2) = Run("controls", "screen", Path.Combine(dir, "missing.csv"), "--out", Path.Combine(dir, "r.csv"));
            Assert.NotEqual(0, exit2);
            Assert.Contains("not found", error2);
        }
        finally { Directory.Delete(dir, true); }
    }
}
