using Spectre.Console.Cli;

namespace Tariffscope.Cli.Controls;

/// <summary>The `tariffscope controls …` commands: export-control screening.</summary>
public static class ControlsBranch
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("controls", b =>
        {
            b.SetDescription("Export-control screening: do I need a licence to ship this item to that destination on this date?");
            b.AddCommand<ControlCheckCommand>("check")
                .WithDescription("Screen one shipment: outcome, the rules and sources behind it, suspensions, and what would change the answer.")
                .WithExample("controls", "check", "--from", "CN", "--to", "US", "--hs", "8505.11", "--element", "Dy", "--date", "2025-05-01")
                .WithExample("controls", "check", "--from", "US", "--to", "CN", "--product", "H20", "--date", "2025-08-01", "--json")
                .WithExample("controls", "check", "--from", "VN", "--to", "US", "--hs", "8505.11", "--content", "CN-REE=0.5%", "--date", "2026-11-15", "--scenario", "controls-suspension-not-renewed");
            b.AddCommand<ControlTimelineCommand>("timeline")
                .WithDescription("Each date on which the answer for a shipment changes, and why.")
                .WithExample("controls", "timeline", "--from", "CN", "--to", "US", "--element", "Ga", "--from-date", "2024-11-01", "--to-date", "2027-01-01");
            b.AddCommand<ControlDeadlinesCommand>("deadlines")
                .WithDescription("Coming suspension ends, control starts and listings within a number of days.")
                .WithExample("controls", "deadlines", "--date", "2026-03-04", "--days", "365");
            b.AddCommand<ControlScreenCommand>("screen")
                .WithDescription("Screen a file of shipments (CSV or XLSX); every line is screened or rejected with its reason.")
                .WithExample("controls", "screen", "shipments.csv", "--out", "result.csv")
                .WithExample("controls", "screen", "shipments.xlsx", "--out", "result.csv", "--rejects", "bad-lines.csv", "--scenario", "controls-suspension-not-renewed");
        });
}
