using Spectre.Console.Cli;

namespace Tariffscope.Cli;

/// <summary>Every command of `tariffscope`, in one place. Each capability registers its own branch.</summary>
public static class CommandRegistry
{
    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("tariffscope");
        config.ValidateExamples();
        // capability registrations (one line each)
        config.AddBranch("schedule", Tariffscope.Cli.Schedule.ScheduleCommands.Configure);
        config.AddBranch("data", Tariffscope.Cli.DataDir.DataCommands.Configure);
        config.AddCommand<Tariffscope.Cli.Quotes.QuoteCommand>("quote")
            .WithDescription("The duty owed on one import line on a date, layer by layer, with the legal basis of each")
            .WithExample("quote", "9403.60.80.93", "--origin", "CN", "--date", "2025-08-13", "--value", "10000")
            .WithExample("quote", "7326.90.86.88", "--origin", "CN", "--date", "2025-08-01", "--metal-share", "0.6")
            .WithExample("quote", "2204.21.50.05", "--origin", "IT", "--date", "2025-09-01", "--value", "1000", "--qty", "500", "--unit", "liters")
            .WithExample("quote", "1201.90", "--importer", "CN", "--origin", "US", "--date", "2025-04-15")
            .WithExample("quote", "9403.60.80.93", "--origin", "CN", "--date", "2025-08-20", "--scenario", "truce-lapses-aug-2025");
        Tariffscope.Cli.Batch.RateCommands.Configure(config);
    }
}
