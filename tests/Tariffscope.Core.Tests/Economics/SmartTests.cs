using CsCheck;
using Tariffscope.Economics;

namespace Tariffscope.Tests.Economics;

public class SmartTests
{
    /// <summary>
    /// Worked by hand. Importer buys 100 from A and 36 from B, no duty before; A's goods get 25%.
    /// Em = -0.8, Es = 2, Ex = +∞ (world prices fixed).
    ///   TC_A = M*Em*dt/(1+t0) = 100*(-0.8)*0.25/1 = -20;  TC_B = 0.
    ///   Diversion: relative prices p_A = 1.25/1 = 1.25, p_B = 1; weights M*p^-Es: w_A = 100/1.5625 = 64, w_B = 36,
    ///   sum 100; total imports 136 kept: TD_A = 136*0.64 - 100 = -12.96, TD_B = 136*0.36 - 36 = +12.96 (sum 0).
    ///   Flows after: A = 100 - 20 - 12.96 = 67.04, B = 48.96.
    ///   Revenue 0 → 0.25*67.04 = 16.76.
    ///   CS_A = -dp*M - 0.5*dp*TC = -0.25*100 - 0.5*0.25*(-20) = -25 + 2.5 = -22.5;  CS_B = 0.
    ///   Welfare = CS + revenue change = -22.5 + 16.76 = -5.74.
    /// </summary>
    [Fact]
    public void Golden_case_with_fixed_world_prices()
    {
        var r = SmartModel.Solve(new SmartMarket("demo",
            [new SmartSource("A", 100, 0, 0.25), new SmartSource("B", 36, 0, 0)], ImportDemand: -0.8, Substitution: 2));

        var a = r.Sources[0];
        var b = r.Sources[1];
        Assert.Equal(-20, a.TradeCreation, 12);
        Assert.Equal(0, b.TradeCreation, 12);
        Assert.Equal(-12.96, a.TradeDiversion, 12);
        Assert.Equal(12.96, b.TradeDiversion, 12);
        Assert.Equal(0, r.TradeDiversion, 12);
        Assert.Equal(67.04, a.FlowAfter, 12);
        Assert.Equal(48.96, b.FlowAfter, 12);
        Assert.Equal(0, r.PriceEffect);
        Assert.Equal(0, r.RevenueBefore);
        Assert.Equal(16.76, r.RevenueAfter, 12);
        Assert.Equal(-22.5, r.ConsumerSurplus, 12);
        Assert.Equal(-5.74, r.Welfare, 12);
    }

    /// <summary>
    /// Finite export supply, worked by hand. One source, 100 at 25% → 50%; Em = -1, Ex = 4.
    ///   TC = M*Em*dt / ((1+t0)*(1 - Em/Ex)) = 100*(-1)*0.25 / (1.25*1.25) = -16.
    ///   World price change x = Em*tau/(Ex - Em) = (-1)*0.2/5 = -0.04 (so TC/M = Ex*x = -0.16).
    ///   Price effect = (100 - 16)*(-0.04) = -3.36; flow after 80.64.
    ///   Revenue 0.25*100 = 25 → 0.5*80.64 = 40.32.
    ///   Domestic price per unit 1.25 → 0.96*1.5 = 1.44, dp = 0.19; CS = -0.19*100 - 0.5*0.19*(-16) = -17.48.
    /// </summary>
    [Fact]
    public void Finite_export_supply_damps_creation_and_moves_the_world_price()
    {
        var r = SmartModel.Solve(new SmartMarket("x", [new SmartSource("A", 100, 0.25, 0.5)], -1, 2, ExportSupply: 4));
        var a = Assert.Single(r.Sources);
        Assert.Equal(-16, a.TradeCreation, 12);
        Assert.Equal(0, a.TradeDiversion, 12);
        Assert.Equal(-0.04, a.WorldPriceChange, 12);
        Assert.Equal(-3.36, a.PriceEffect, 12);
        Assert.Equal(80.64, a.FlowAfter, 12);
        Assert.Equal(25, r.RevenueBefore, 12);
        Assert.Equal(40.32, r.RevenueAfter, 12);
        Assert.Equal(-17.48, r.ConsumerSurplus, 12);
    }

    private static readonly Gen<SmartMarket> Markets =
        from n in Gen.Int[1, 8]
        from flows in Gen.Double[0, 1000].Array[n]
        from t0 in Gen.Double[0, 0.5].Array[n]
        from t1 in Gen.Double[0, 1.5].Array[n]
        from em in Gen.Double[-4, -0.1]
        from es in Gen.Double[0.1, 12]
        from ex in Gen.OneOf(Gen.Const(double.PositiveInfinity), Gen.Double[0.2, 20])
        select new SmartMarket("m", flows.Select((f, k) => new SmartSource("S" + k, f, t0[k], t1[k])).ToArray(), em, es, ex);

    [Fact]
    public void Diversion_sums_to_zero_and_never_takes_more_than_a_source_sold()
    {
        Markets.Sample(m =>
        {
            var r = SmartModel.Solve(m);
            var total = m.Sources.Sum(s => s.Flow);
            Assert.True(Math.Abs(r.TradeDiversion) <= 1e-9 * Math.Max(1, total), $"diversion sums to {r.TradeDiversion}");
            foreach (var s in r.Sources)
            {
                Assert.True(s.TradeDiversion >= -s.FlowBefore - 1e-9);
                Assert.True(double.IsFinite(s.FlowAfter) && double.IsFinite(s.ConsumerSurplus), "no NaN even out of range");
            }
        }, iter: 500);
    }

    [Fact]
    public void Shocks_beyond_the_linear_range_are_flagged_not_turned_into_NaN()
    {
        // Em*tau = -4*1.5 = -6: creation would remove six times the flow.
        var tooBig = SmartModel.Solve(new SmartMarket("m", [new SmartSource("A", 100, 0, 1.5), new SmartSource("B", 50, 0, 0)], -4, 5));
        Assert.True(tooBig.Sources[0].OutOfRange);
        Assert.False(tooBig.Sources[1].OutOfRange);
        Assert.True(tooBig.OutOfRange);
        // With Ex = 0.2 the world price change would be -4*1.5/4.2 < -100%: no relative price, no diversion.
        var collapsed = SmartModel.Solve(new SmartMarket("m", [new SmartSource("A", 100, 0, 1.5), new SmartSource("B", 50, 0, 0)], -4, 5, 0.2));
        Assert.True(collapsed.Sources[0].OutOfRange);
        Assert.All(collapsed.Sources, s => Assert.Equal(0.0, s.TradeDiversion));
        Assert.All(collapsed.Sources, s => Assert.True(double.IsFinite(s.FlowAfter)));
        // An ordinary shock is in range.
        Assert.False(SmartModel.Solve(new SmartMarket("m", [new SmartSource("A", 100, 0, 0.1)], -1.25, 5)).OutOfRange);
    }

    [Fact]
    public void No_rate_change_gives_zero_effects_and_a_uniform_change_diverts_nothing()
    {
        Markets.Sample(m =>
        {
            var still = SmartModel.Solve(m with { Sources = m.Sources.Select(s => s with { RateAfter = s.RateBefore }).ToArray() });
            Assert.Equal(0.0, still.TotalEffect);
            Assert.Equal(0.0, still.ConsumerSurplus);
            Assert.Equal(still.RevenueBefore, still.RevenueAfter);

            // The same proportional rise on every source leaves relative prices, hence shares, unchanged.
            var uniform = SmartModel.Solve(m with { Sources = m.Sources.Select(s => s with { RateAfter = (1 + s.RateBefore) * 1.2 - 1 }).ToArray() });
            foreach (var s in uniform.Sources) Assert.True(Math.Abs(s.TradeDiversion) <= 1e-9 * Math.Max(1, s.FlowBefore));
        }, iter: 300);
    }

    [Fact]
    public void Bad_elasticities_are_refused_by_name()
    {
        var src = new[] { new SmartSource("A", 1, 0, 0) };
        Assert.Equal("importDemandElasticity", Assert.Throws<ModelInputException>(() => SmartModel.Solve(new SmartMarket("m", src, 0.5, 2))).Field);
        Assert.Equal("substitutionElasticity", Assert.Throws<ModelInputException>(() => SmartModel.Solve(new SmartMarket("m", src, -1, 0))).Field);
        Assert.Equal("exportSupplyElasticity", Assert.Throws<ModelInputException>(() => SmartModel.Solve(new SmartMarket("m", src, -1, 2, -3))).Field);
    }

    [Fact]
    public void Many_markets_in_parallel_keep_their_order()
    {
        var markets = Markets.Array[50].Single();
        var results = SmartModel.SolveMany(markets);
        for (var k = 0; k < markets.Length; k++) Assert.Equal(SmartModel.Solve(markets[k]), results[k], new SmartEquality());
    }

    private sealed class SmartEquality : IEqualityComparer<SmartResult>
    {
        public bool Equals(SmartResult? x, SmartResult? y) => x!.TotalEffect.Equals(y!.TotalEffect) && x.ConsumerSurplus.Equals(y.ConsumerSurplus);
        public int GetHashCode(SmartResult obj) => 0;
    }
}
