using Spectre.Console.Cli;

namespace Tariffscope.Cli;

/// <summary>Every command of `tariffscope`, in one place. Each capability registers its own branch.</summary>
public static class CommandRegistry
{
    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("tariffscope");
        config.SetApplicationVersion(Common.VersionText.Current);
        config.ValidateExamples();
        // an option no command knows is an error, not silently dropped (serve --log-level once ran on at Information)
        config.UseStrictParsing();
        // capability registrations (one line each)
        config.AddBranch("schedule", Tariffscope.Cli.Schedule.ScheduleCommands.Configure);
        config.AddBranch("data", Tariffscope.Cli.DataDir.DataCommands.Configure);
        Tariffscope.Cli.Serve.ServeCommand.Configure(config);
        config.AddBranch("indicators", Tariffscope.Cli.Trade.IndicatorCommands.Configure);
        config.AddCommand<Tariffscope.Cli.Quotes.QuoteCommand>("quote")
            .WithDescription("The duty owed on one import line on a date, layer by layer, with the legal basis of each")
            .WithExample("quote", "8481.80.50", "--origin", "CN", "--date", "2025-08-13", "--value", "10000")
            .WithExample("quote", "7326.90.86", "--origin", "CN", "--date", "2025-08-01", "--metal-share", "0.6")
            .WithExample("quote", "2204.21.50.05", "--origin", "IT", "--date", "2025-09-01", "--value", "1000", "--qty", "500", "--unit", "liters")
            .WithExample("quote", "1201.90", "--importer", "CN", "--origin", "US", "--date", "2025-04-15")
            .WithExample("quote", "8481.80.50", "--origin", "CN", "--date", "2025-08-20", "--scenario", "truce-lapses-aug-2025");
        config.AddCommand<Tariffscope.Cli.Time.TimelineCommand>("timeline")
            .WithDescription("Every date the duty on a line changes, why, and under which scenarios; --chart draws it")
            .WithExample("timeline", "7326.90.86", "--origin", "CN", "--scenario", "actual,truce-lapses-aug-2025", "--chart", "timeline.png");
        config.AddCommand<Tariffscope.Cli.Time.DeadlinesCommand>("deadlines")
            .WithDescription("Coming changes already written into the rules: truces that end, measures that start or lapse")
            .WithExample("deadlines", "--from", "2025-07-29", "--days", "90", "--as-known-on", "2025-07-29");
        config.AddCommand<Tariffscope.Cli.Time.ChangesCommand>("changes")
            .WithDescription("What changed in the rules between two dates")
            .WithExample("changes", "--since", "2025-10-01", "--until", "2025-11-30");
        config.AddCommand<Tariffscope.Cli.Time.WatchlistCommand>("watchlist")
            .WithDescription("What each coming event does to the duty on a watchlist's planned imports (JSON file of lines, values and origins)")
            .WithExample("watchlist", "laptops.json", "--from", "2025-11-01", "--days", "30");
        config.AddBranch("scenario", Tariffscope.Cli.Scenarios.ScenarioCommands.Configure);
        config.AddBranch("policy", Tariffscope.Cli.PolicyData.PolicyCommands.Configure);
        Impact.ImpactCommands.Register(config);
        Tariffscope.Cli.Economics.GameCommands.Register(config);
        Controls.ControlsBranch.Register(config);
        Tariffscope.Cli.Batch.RateCommands.Configure(config);
        Tariffscope.Cli.Replay.ReplayCommands.Configure(config);
        config.AddBranch("panel", Tariffscope.Cli.Panel.PanelCommands.Configure);
    }
}
