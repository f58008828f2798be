namespace Tariffscope.Tests.Economics;

public class GameCommandTests
{
    [Fact]
    public void Only_US_and_China_are_modelled_and_a_date_is_required()
    {
        var eu = Cli.Run("game", "--players", "US,EU", "--date", "2025-12-01", "--cn-other", "1e9");
        Assert.NotEqual(0, eu.ExitCode);
        Assert.Contains("only US,CN is modelled", eu.Output);
        var noDate = Cli.Run("game", "--players", "US,CN", "--cn-other", "1e9");
        Assert.NotEqual(0, noDate.ExitCode);
        Assert.Contains("--date", noDate.Output);
        var form = Cli.Run("game", "--date", "2025-12-01", "--form", "quadratic");
        Assert.Contains("expected ces or linear", form.Output);
    }

    [Fact]
    public void The_game_needs_US_imports_and_says_how_to_load_them()
    {
        // the built-in data has no trade store: a clear message, not a stack trace
        var run = Cli.Process("game", "--players", "US,CN", "--date", "2025-12-01", "--cn-other", "1e9");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("import-trade", run.Stderr + run.Stdout);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public void Impact_refuses_a_form_given_as_the_model_file_and_points_to_form()
    {
        var run = Cli.Run("impact", "--model", "ces");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--form ces", run.Output);
        var by = Cli.Run("impact", "--scenario", "actual", "--date", "2025-12-01", "--by", "gtap");
        Assert.Contains("--crosswalk", by.Output);
    }
}
