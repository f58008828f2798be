using Spectre.Console.Cli;

namespace Tariffscope.Cli.Impact;

/// <summary>Registers `tariffscope impact`.</summary>
public static class ImpactCommands
{
    public static void Register(IConfigurator config) =>
        config.AddCommand<ImpactCommand>("impact")
            .WithDescription("Economic impact of a tariff shock: solve a GSIM partial-equilibrium model file (prices, trade flows, surplus, revenue, welfare by region).")
            .WithExample("impact", "--model", "model.json")
            .WithExample("impact", "--model", "model.json", "--json")
            .WithExample("impact", "--model", "model.json", "--chart", "impact.png")
            .WithExample("impact", "--scenario", "truce-lapses-aug-2025", "--baseline", "actual", "--date", "2025-08-20", "--level", "hs6");
}
