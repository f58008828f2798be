using Spectre.Console.Cli;

namespace Tariffscope.Cli.DataDir;

/// <summary>The <c>data</c> branch: what is in the data directory, importing official files into it, checking them.</summary>
public static class DataCommands
{
    public static void Configure(IConfigurator<CommandSettings> data)
    {
        data.SetDescription("The data directory: import official schedules, see what is there, check a file");
        data.AddCommand<ImportHtsCommand>("import-hts")
            .WithDescription("Copy or download USITC HTS JSON exports (plain or .gz; files, folders or URLs) into the data directory, where they replace or extend the built-in record; each revision and its date come from the options, or from the file name and a revisions list")
            .WithExample("data", "import-hts", "hts_2025_rev_17.json.gz", "--revision-dates", "revision_dates.csv")
            .WithExample("data", "import-hts", "exports/")
            .WithExample("data", "import-hts", "https://example.org/hts.json", "--revision", "2026_rev_3", "--effective", "2026-02-12");
        data.AddCommand<UpdateCommand>("update")
            .WithDescription("Add the USITC revisions newer than the built-in record (those it knows were published but does not hold, and later ones) from a folder, files or URLs")
            .WithExample("data", "update", "exports/");
        data.AddCommand<DataStatusCommand>("status")
            .WithDescription("What the data directory holds: imported revisions, their dates and rows, and which schedule answers queries")
            .WithExample("data", "status")
            .WithExample("data", "status", "--json");
        data.AddCommand<CheckHtsCommand>("check-hts")
            .WithDescription("Read a USITC HTS JSON export and report its rows and lines, and how its rate texts parse, by shape, listing those that do not")
            .WithExample("data", "check-hts", "hts_2026_basic.json.gz")
            .WithExample("data", "check-hts", "hts_2026_basic.json.gz", "--json");
        data.AddCommand<Tariffscope.Cli.PolicyData.ImportListCommand>("import-list")
            .WithDescription("Store an official product list (Annex II, a Section 232 annex, …) under a name; a built-in list's name replaces it; --from/--through date it, --column splits a file by category")
            .WithExample("data", "import-list", "annex-ii", "annex-ii.csv", "--source", "EO 14257 Annex II as amended");
        data.AddCommand<CompileRecordCommand>("compile")
            .WithDescription("Compile the official sources (every USITC revision, the product lists, the claim shares) into one record, the built-in data's format; written into the data directory it answers instead of the built-in record")
            .WithExample("data", "compile", "shared/data", "--out", "data/compiled/us-record.bin");
        Tariffscope.Cli.Trade.TradeDataCommands.Configure(data);
    }
}
