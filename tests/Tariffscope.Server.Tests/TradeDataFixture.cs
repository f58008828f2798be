using Tariffscope.Data;
using Tariffscope.Data.Trade;
using Tariffscope.Nomenclature;
using Tariffscope.Trade;

namespace Tariffscope.Server.Tests;

/// <summary>
/// A data directory in a temporary folder holding a hand-made trade store of three US import flows (2024 values):
/// valves 8481.80.50.90 from China $1,000,000 and from Vietnam $400,000; laptops 8471.30.01.00 from China $500,000.
/// No HTS is imported, so the built-in sample schedule rates them (both codes are in it).
/// </summary>
public static class TradeDataDir
{
    public const decimal ValvesCn = 1_000_000m, LaptopsCn = 500_000m, ValvesVn = 400_000m;

    public static DataDirectory Create()
    {
        var dir = new DataDirectory(Directory.CreateTempSubdirectory("tariffscope-server-trade-").FullName, "test");
        using var store = TradeStore.Open(dir, create: true);
        store.Replace([
            new TradeFlow("US", "CN", HtsCode.Parse("8481805090"), 2024, ValvesCn, null, "hand-made"),
            new TradeFlow("US", "CN", HtsCode.Parse("8471300100"), 2024, LaptopsCn, null, "hand-made"),
            new TradeFlow("US", "VN", HtsCode.Parse("8481805090"), 2024, ValvesVn, null, "hand-made"),
        ], "hand-made test flows", "csv");
        return dir;
    }

    public static void Delete(DataDirectory dir)
    {
        try { Directory.Delete(dir.Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The server over <see cref="TradeDataDir"/>.</summary>
public sealed class TradeDataFixture : ServerFixture
{
    private readonly DataDirectory _dir = TradeDataDir.Create();

    protected override ServerOptions Options(ServerOptions defaults) => defaults with { Workspace = Workspace.Load(_dir) };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        TradeDataDir.Delete(_dir);
    }
}

/// <summary>The browser over the server over <see cref="TradeDataDir"/>.</summary>
public sealed class TradeBrowserFixture : BrowserFixture
{
    private readonly DataDirectory _dir = TradeDataDir.Create();

    protected override ServerOptions Options(ServerOptions defaults) => defaults with { Workspace = Workspace.Load(_dir) };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        TradeDataDir.Delete(_dir);
    }
}
