using Spectre.Console.Cli;

namespace Tariffscope.Cli.Batch;

/// <summary>Registers `tariffscope rate`.</summary>
public static class RateCommands
{
    public static void Configure(IConfigurator config) =>
        config.AddCommand<RateCommand>("rate")
            .WithDescription("Rate every line of an entry file (CSV, XLSX, Parquet) under one or more scenarios; every line is rated or rejected with its reason")
            .WithExample("rate", "entries.csv", "--out", "rated.csv")
            .WithExample("rate", "entries.csv", "--out", "rated.parquet", "--scenario", "actual,truce-lapses-aug-2025", "--report", "report.html")
            .WithExample("rate", "plan.xlsx", "--out", "plan-rated.xlsx", "--date", "2025-09-01", "--map", "Tariff No=code,Ctry=origin")
            .WithExample("rate", "entries.txt", "--out", "rated.csv", "--delimiter", "tab", "--json");
}
