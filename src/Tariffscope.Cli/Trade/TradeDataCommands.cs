using Spectre.Console.Cli;

namespace Tariffscope.Cli.Trade;

/// <summary>The trade commands of the <c>data</c> branch: importing flows and seeing what is held.</summary>
public static class TradeDataCommands
{
    public static void Configure(IConfigurator<CommandSettings> data)
    {
        data.AddCommand<ImportTradeCommand>("import-trade")
            .WithDescription("Import trade flows (the weights of indicators) into the data directory's DuckDB store: Census-style Parquet files or a folder of them, a CSV (importer,partner,hs10,year,value,duty), or a Census international trade API URL")
            .WithExample("data", "import-trade", "us-imports-2024-hs10/")
            .WithExample("data", "import-trade", "5700.parquet", "--year", "2024")
            .WithExample("data", "import-trade", "flows.csv", "--json")
            .WithExample("data", "import-trade", "https://api.census.gov/data/timeseries/intltrade/imports/hs?get=CTY_CODE,I_COMMODITY,CON_VAL_YR,CAL_DUT_YR&time=2024-12&COMM_LVL=HS10&CTY_CODE=5700");
        data.AddCommand<ImportClaimsCommand>("import-claims")
            .WithDescription("Import the shares of imports entered claiming a programme (USMCA: S), by HTS10, partner and month, so that indicators, impact and scenario diff rate duty as claimed")
            .WithExample("data", "import-claims", "usmca_product_shares_2026_03.csv", "--program", "S", "--month", "2026-03")
            .WithExample("data", "import-claims", "usmca_product_shares_2024.csv", "--program", "S", "--month", "2024");
        data.AddCommand<TradeStatusCommand>("trade-status")
            .WithDescription("What trade data the data directory holds: per importer, year and partner, rows, value and duty collected; and the imports made")
            .WithExample("data", "trade-status")
            .WithExample("data", "trade-status", "--json");
    }
}

/// <summary>The <c>indicators</c> branch: trade-weighted tariffs over time, and the check against collected duty.</summary>
public static class IndicatorCommands
{
    public static void Configure(IConfigurator<CommandSettings> b)
    {
        b.SetDescription("Trade-weighted average tariffs over time (additional and total duty, coverage by measure, unrated share, static revenue), and their check against the duty collected");
        b.SetDefaultCommand<IndicatorsCommand>();
        b.AddCommand<IndicatorsCommand>("series")
            .WithDescription("Import-weighted average tariffs of an importer on every date a rate changes")
            .WithExample("indicators", "series", "--partner", "CN", "--from", "2025-01-01", "--to", "2025-12-31")
            .WithExample("indicators", "series", "--by", "partner", "--on", "2025-05-14,2025-11-15")
            .WithExample("indicators", "series", "--partner", "CN", "--scenario", "actual,truce-lapses-aug-2025", "--chart", "cn.png")
            .WithExample("indicators", "series", "--by", "measure", "--csv", "series.csv")
            .WithExample("indicators", "series", "--on", "2025-05-14,2025-11-15", "--claim", "none")
            .WithExample("indicators", "series", "--on", "2025-05-14,2025-11-15", "--claim", "CA=S,MX=S");
        b.AddCommand<ValidateCommand>("validate")
            .WithDescription("Rate the base year with the rules of each of its days (a days-weighted mean over the spans of unchanged rules) and compare with the duty customs collected, per partner and HS chapter")
            .WithExample("indicators", "validate", "--year", "2024")
            .WithExample("indicators", "validate", "--year", "2024", "--partner", "CN", "--json")
            .WithExample("indicators", "validate", "--year", "2024", "--partner", "CN", "--date", "2024-07-01");
    }
}
