using Spectre.Console.Cli;

namespace Tariffscope.Cli.Economics;

/// <summary>Registers `tariffscope game`.</summary>
public static class GameCommands
{
    public static void Register(IConfigurator config) =>
        config.AddCommand<GameCommand>("game")
            .WithDescription("The US–China tariff game on the GSIM model: best responses, Nash and cooperative levels, the value of the truce to each side")
            .WithExample("game", "--players", "US,CN", "--date", "2025-12-01", "--cn-imports", "lists/china/", "--cn-other", "121.6e9")
            .WithExample("game", "--players", "US,CN", "--date", "2025-12-01", "--cn-imports", "lists/china/", "--json", "--chart", "game.png");
}
