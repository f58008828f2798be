using Tariffscope.Economics;

namespace Tariffscope.Tests.Economics;

public class TariffGameTests
{
    /// <summary>Two symmetric countries, each importing 100 from the other only, free trade at the base.</summary>
    private static (GamePlayer A, GamePlayer B) Symmetric(double importDemand, double exportSupply, double baseLevel = 0)
    {
        GameMarket Imports(string importer, string exporter) => new(new GsimMarket([importer, exporter],
            flows: new double[,] { { 0, 0 }, { 100, 0 } },
            powerOfTariffBefore: new double[,] { { 1, 1 }, { 1 + baseLevel, 1 } },
            powerOfTariffAfter: new double[,] { { 1, 1 }, { 1 + baseLevel, 1 } },
            new Elasticities(importDemand, 3, exportSupply), importer), Importer: 0, Rival: 1, Coverage: 1);
        GameMove[] moves = [new(GameMoves.KeepTruce, baseLevel, "test"), new(GameMoves.SnapBack, 0.34, "test"), new(GameMoves.Escalate, 1.25, "test")];
        return (new GamePlayer("A", "tariff", baseLevel, moves, [Imports("A", "B")]),
                new GamePlayer("B", "tariff", baseLevel, moves, [Imports("B", "A")]));
    }

    /// <summary>
    /// With constant-elasticity foreign export supply Ex, the importer's optimal tariff is exactly 1/Ex (maximise
    /// U(M) − p(M)·M: U'(M) = p·(1 + 1/Ex), and U'(M) = p·(1 + t)). Each country's tariff moves only its own import
    /// market, so the best response is the same whatever the rival does and the Nash equilibrium is (1/Ex, 1/Ex).
    /// </summary>
    [Theory]
    [InlineData(-1.25, 2.0)]
    [InlineData(-1.0, 1.0)]
    [InlineData(-2.5, 1.5)]
    [InlineData(-0.8, 4.0)]
    public void The_symmetric_Nash_tariff_is_the_inverse_export_supply_elasticity(double em, double ex)
    {
        var (a, b) = Symmetric(em, ex);
        var s = new TariffGame(a, b, GsimForm.Ces).Solve();
        Assert.Equal(1 / ex, s.Nash.LevelA, 4);
        Assert.Equal(1 / ex, s.Nash.LevelB, 4);
        Assert.All(s.BestResponseA.Responses, r => Assert.Equal(1 / ex, r, 4));
        Assert.All(s.BestResponseB.Responses, r => Assert.Equal(1 / ex, r, 4));
    }

    /// <summary>
    /// Em = −1, Ex = 1, flows 100 each way, free trade at the base. Worked by hand: with one source, clearing
    /// 100·(p·τ)^(−1) = 100·p gives p = τ^(−1/2) and P = τ^(1/2), τ = 1 + t. Then
    ///   own(t)   = CS + revenue = −100·ln P + t·p·q = −50·ln(1+t) + 100·t/(1+t)        (p·q = 100·p² = 100/(1+t))
    ///   rival PS = 100·(p² − 1)/2 = −50·t/(1+t)
    /// Nash t = 1: own = −50·ln 2 + 50 = 15.342641; rival's producers lose 25; each ends at −9.657359.
    /// Joint: −50·ln(1+t) + 50·t/(1+t) falls for every t > 0, so the cooperative point is free trade (0, 0).
    /// Truce at (0, 0): defecting gains 15.342641, the rival's defection costs 25, the truce beats Nash by 9.657359,
    /// δ* = 15.342641 / (15.342641 + 9.657359) = 0.613706. Snap-back to 34%: −50·0.34/1.34 = −12.686567.
    /// </summary>
    [Fact]
    public void Hand_worked_symmetric_game_with_unit_elasticities()
    {
        var (a, b) = Symmetric(-1, 1);
        var s = new TariffGame(a, b, GsimForm.Ces).Solve();
        var own = -50 * Math.Log(2) + 50;
        Assert.Equal(1, s.Nash.LevelA, 5);
        Assert.Equal(own - 25, s.Nash.WelfareA, 5);
        Assert.Equal(own - 25, s.Nash.WelfareB, 5);
        Assert.Equal(0, s.Cooperative.LevelA, 6);
        Assert.Equal(0, s.Cooperative.LevelB, 6);
        Assert.Equal(0, s.Truce.WelfareA, 9);
        Assert.Equal(own, s.TruceA.GainFromDefecting, 5);
        Assert.Equal(-25, s.TruceA.LossIfRivalDefects, 5);
        Assert.Equal(25 - own, s.TruceA.TruceOverNash, 5);
        Assert.Equal(own / 25, s.TruceA.CriticalDiscountFactor!.Value, 5);
        Assert.Equal(-50 * 0.34 / 1.34, s.TruceB.LossIfRivalSnapsBack!.Value, 6);
        // The discrete moves: 0, 34%, 125%; own(t) rises up to t = 1, so 125% is closer to the optimum than 34%?
        // own(0.34) = −50·ln 1.34 + 100·0.34/1.34 = 10.739…, own(1.25) = −50·ln 2.25 + 100·1.25/2.25 = 15.009…:
        // escalating is each side's dominant move, and (escalate, escalate) the only pure equilibrium.
        Assert.Equal([(2, 2)], s.Discrete.Equilibria);
    }

    [Fact]
    public void The_politically_weighted_objective_leaves_best_responses_and_scales_the_rival_harm()
    {
        var (a, b) = Symmetric(-1, 1);
        var plain = new TariffGame(a, b, GsimForm.Ces).Solve();
        var weighted = new TariffGame(a, b, GsimForm.Ces, producerWeight: 2).Solve();
        Assert.Equal(plain.Nash.LevelA, weighted.Nash.LevelA, 6);
        Assert.Equal(2 * plain.TruceA.LossIfRivalDefects, weighted.TruceA.LossIfRivalDefects, 6);
    }
}
