using Tariffscope.Questions.Economics;
using Tariffscope.Data;
using Tariffscope.Data.Economics;
using Tariffscope.Data.Trade;
using Tariffscope.Economics;

namespace Tariffscope.Tests.Economics;

public sealed class TariffGameSetupTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tariffscope-game-" + Guid.NewGuid().ToString("N"));

    public TariffGameSetupTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    /// <summary>
    /// The levels come from the record. On 2025-12-01 the US reciprocal duty on China is 34% with 24 points suspended
    /// (EO 14298, extended by EO 14358 to 10 November 2026): 10%; its peak was 125% (EO 14266). China's duty on all
    /// US goods is likewise 34% less 24 suspended points (TC announcement of 5 November 2025), peak 125% (TC No. 6).
    /// On 2025-04-20, before Geneva, nothing is suspended: the US level is 125%.
    /// </summary>
    [Fact]
    public void Instrument_levels_and_moves_come_from_the_policy_record()
    {
        var policy = Workspace.Load(new DataDirectory(Path.Combine(_root, "data"), "test")).Scenarios.Resolve("actual");
        var (us, usMoves) = GameInstruments.LevelsOn(policy, GameInstruments.Find("US", "reciprocal"), new DateOnly(2025, 12, 1));
        var (cn, cnMoves) = GameInstruments.LevelsOn(policy, GameInstruments.Find("CN", "reciprocal"), new DateOnly(2025, 12, 1));
        Assert.Equal(0.10, us, 12);
        Assert.Equal([0.10, 0.34, 1.25], usMoves.Select(m => m.Level).ToArray());
        Assert.Equal(0.10, cn, 12);
        Assert.Equal([0.10, 0.34, 1.25], cnMoves.Select(m => m.Level).ToArray());
        var (april, _) = GameInstruments.LevelsOn(policy, GameInstruments.Find("US", "reciprocal"), new DateOnly(2025, 4, 20));
        Assert.Equal(1.25, april, 12);
        // after the court ruling the US measure is no longer in force: a clear refusal, not a zero
        var e = Assert.Throws<ArgumentException>(() => GameInstruments.LevelsOn(policy, GameInstruments.Find("US", "reciprocal"), new DateOnly(2026, 6, 1)));
        Assert.Contains("not in force on 2026-06-01", e.Message);
    }

    [Fact]
    public void A_flow_file_is_read_in_the_lists_format_and_bad_rows_are_named()
    {
        var good = Path.Combine(_root, "flows.csv");
        File.WriteAllText(good, "exports,description,hs-code,tariff\n1000.5,\"MEAT, BOVINE\",020130,10.0\n0, ,020210,15\n");
        Assert.Equal([("020130", 1000.5, 0.10), ("020210", 0.0, 0.15)], GameQuestion.ReadFlows(good).ToArray());
        var bad = Path.Combine(_root, "bad.csv");
        File.WriteAllText(bad, "hs6,value\n020130,12\n020210,-5\n");
        var e = Assert.Throws<InputFileException>(() => GameQuestion.ReadFlows(bad).ToArray());
        Assert.Equal(3, e.Line);
        Assert.Equal("exports", e.Field);
        var noHeader = Path.Combine(_root, "nohs.csv");
        File.WriteAllText(noHeader, "code,value\n020130,12\n");
        Assert.Contains("hs-code", Assert.Throws<InputFileException>(() => GameQuestion.ReadFlows(noHeader).ToArray()).Message);
    }

    /// <summary>
    /// The game on the real 2024 imports from China and China's retaliation lists. China's markets have the US as
    /// their only source, so China's optimal tariff is exactly 1/Ex = 1/1.5 (the default export supply elasticity),
    /// whatever the US does; the truce point is the base (no change); the snap-back move is 34%.
    /// </summary>
    [SkippableFact]
    public async Task The_game_on_real_data_gives_China_the_inverse_elasticity_tariff()
    {
        var parquet = SharedData.Require("trade/us-imports-2024-hs10/5700.parquet");
        var lists = SharedData.Require("lists/china");
        var dir = new DataDirectory(Path.Combine(_root, "data"), "test");
        await TradeImporter.ImportAsync(dir, new TradeImportRequest(parquet));
        var setup = GameQuestion.Build(Workspace.Load(dir).Rules(), new DateOnly(2025, 12, 1), "reciprocal", [lists]);
        Assert.True(setup.UsImports.Value > 400e9 && setup.UsImports.CoveredValue < setup.UsImports.Value && setup.UsImports.CoveredValue > 0);
        Assert.Equal(2, Directory.GetFiles(lists, "*.csv").Length);
        var s = setup.Game.Solve(curvePoints: 5);
        Assert.Equal(1 / 1.5, s.Nash.LevelB, 4);
        Assert.All(s.BestResponseB.Responses, r => Assert.Equal(1 / 1.5, r, 4));
        Assert.Equal(0, s.Truce.WelfareA, 6);
        Assert.Equal(0, s.Truce.WelfareB, 6);
        Assert.True(s.TruceA.GainFromDefecting > 0 && s.TruceB.GainFromDefecting > 0, "each side gains by defecting alone");
        Assert.True(s.TruceA.LossIfRivalDefects < 0 && s.TruceB.LossIfRivalDefects < 0, "each side loses when the other defects");
        Assert.Equal(0.34, s.Discrete.MovesB[1].Level, 12);
    }
}

public sealed class GtapCrosswalkTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tariffscope-gtap-" + Guid.NewGuid().ToString("N"));

    public GtapCrosswalkTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void The_sector_of_most_lines_wins_and_codes_are_upper_cased()
    {
        var path = Path.Combine(_root, "x.csv");
        File.WriteAllText(path, "hs10,hs6_code,gtap_code,description\n0101210010,010121,CTL,\"Horses, pure-bred\"\n0101290000,010121,oap,x\n0101300000,010121,ctl,x\n2709000000,270900,OIL,x\n");
        var map = GtapCrosswalk.Read(path);
        Assert.Equal("CTL", map["010121"]);
        Assert.Equal("OIL", map["270900"]);
        File.WriteAllText(path, "hs10,hs6_code,gtap_code\n0101210010,0101,CTL\n");
        var e = Assert.Throws<InputFileException>(() => GtapCrosswalk.Read(path));
        Assert.Equal(2, e.Line);
        Assert.Equal("hs6_code", e.Field);
    }

    [SkippableFact]
    public void The_shared_crosswalk_maps_known_lines()
    {
        var map = GtapCrosswalk.Read(SharedData.Require("lists/us/yale-hs10_gtap_crosswalk.csv"));
        Assert.True(map.Count > 5000);
        Assert.Equal("OIL", map["270900"]); // crude petroleum: GTAP oil
        Assert.Equal("MVH", map["870323"]); // passenger cars: GTAP motor vehicles and parts
    }
}
