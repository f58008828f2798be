using Tariffscope.Economics;

namespace Tariffscope.Tests.Economics;

public class GsimHandWorkedTests
{
    /// <summary>
    /// Two regions A and B, each shipping 100 to itself (own shipments on the diagonal) and 100 to the other, no tariffs
    /// before; B puts a 10% tariff on A's goods (T1[A][B] = 1.1). Em = -1, Es = 3, Ex = 1 everywhere.
    /// Worked by hand from the GSIM steps:
    ///   R0_A = R0_B = 200; theta = 0.5 on every route; phi = 0.5 on every route.
    ///   N = theta*Em - (1-theta)*Es = -0.5 - 1.5 = -2;   C = theta*(Em+Es) = 0.5*2 = 1.
    ///   dT[A][B] = 0.1, the rest 0.
    ///   m_AA = -2x_A + x_B          m_AB = -2(x_A+0.1) + x_B
    ///   m_BA = x_A - 2x_B           m_BB = (x_A+0.1) - 2x_B
    ///   clearing A: 0.5 m_AA + 0.5 m_AB = x_A  →  -3x_A +  x_B =  0.1
    ///   clearing B: 0.5 m_BA + 0.5 m_BB = x_B  →    x_A - 3x_B = -0.05
    ///   → x_A = -0.25/8 = -0.03125,  x_B = 0.1 + 3x_A = 0.00625.
    ///   m_AA = 0.06875, m_AB = -0.13125, m_BA = -0.04375, m_BB = 0.05625.
    ///   M1 = M(1+m)(1+x): AA 100*1.06875*0.96875 = 103.53515625, AB 100*0.86875*0.96875 = 84.16015625,
    ///                     BA 100*0.95625*1.00625 = 96.22265625,  BB 100*1.05625*1.00625 = 106.28515625.
    ///   dP_A = 0.5*(-0.03125) + 0.5*(0.00625) = -0.0125
    ///   dP_B = 0.5*(0.96875*1.1 - 1) + 0.5*0.00625 = 0.0328125 + 0.003125 = 0.0359375
    ///   CS = -R0*dP - 0.5*Em*R0*dP^2 (area under the demand curve):
    ///   CS_A = -200*(-0.0125) - 0.5*(-1)*200*0.0125^2 = 2.5 + 0.015625 = 2.515625
    ///   CS_B = -200*0.0359375 - 0.5*(-1)*200*0.0359375^2 = -7.1875 + 0.129150390625 = -7.058349609375
    ///   PS_A = -0.03125*200*(1 - 0.5*0.03125) = -6.25*0.984375 = -6.15234375
    ///   PS_B = 0.00625*200*(1 + 0.5*0.00625) = 1.25*1.003125 = 1.25390625
    ///   Rev_A = 0; Rev_B = 84.16015625*0.1 = 8.416015625
    ///   W_A = 2.515625 - 6.15234375 = -3.63671875;  W_B = -7.058349609375 + 1.25390625 + 8.416015625 = 2.611572265625
    /// </summary>
    [Fact]
    public void Two_regions_with_a_ten_percent_tariff_match_the_hand_calculation()
    {
        var market = new GsimMarket(["A", "B"],
            flows: new double[,] { { 100, 100 }, { 100, 100 } },
            powerOfTariffBefore: new double[,] { { 1, 1 }, { 1, 1 } },
            powerOfTariffAfter: new double[,] { { 1, 1.1 }, { 1, 1 } },
            new Elasticities(ImportDemand: -1, Substitution: 3, ExportSupply: 1));

        var r = GsimModel.Solve(market);

        const int p = 12;
        Assert.Equal(-0.03125, r.WorldPriceChange(0), p);
        Assert.Equal(0.00625, r.WorldPriceChange(1), p);
        Assert.Equal(103.53515625, r.FlowAfter(0, 0), p);
        Assert.Equal(84.16015625, r.FlowAfter(0, 1), p);
        Assert.Equal(96.22265625, r.FlowAfter(1, 0), p);
        Assert.Equal(106.28515625, r.FlowAfter(1, 1), p);
        Assert.Equal(-0.0125, r.DomesticPriceChange(0), p);
        Assert.Equal(0.0359375, r.DomesticPriceChange(1), p);
        Assert.Equal(2.515625, r.ConsumerSurplus(0), p);
        Assert.Equal(-7.058349609375, r.ConsumerSurplus(1), p);
        Assert.Equal(-6.15234375, r.ProducerSurplus(0), p);
        Assert.Equal(1.25390625, r.ProducerSurplus(1), p);
        Assert.Equal(0.0, r.TariffRevenue(0), p);
        Assert.Equal(8.416015625, r.TariffRevenue(1), p);
        Assert.Equal(-3.63671875, r.Welfare(0), p);
        Assert.Equal(2.611572265625, r.Welfare(1), p);
        Assert.Equal(-3.63671875 + 2.611572265625, r.Totals.Welfare, p);
        Assert.Empty(r.OutOfRange);
    }

    /// <summary>
    /// One region trading with itself is a single market: demand elasticity Em on the domestic price, supply Ex on the
    /// world price. A tariff raising the domestic price by dT at a fixed world price meets supply where
    /// Em*(x + dT) = Ex*x, so x = Em*dT/(Ex - Em). With Em = -2, Ex = 3, T 1 → 1.2: x = -0.4/5 = -0.08,
    /// quantity change Ex*x = -0.24, flow 100*(1-0.24)*(1-0.08) = 69.92, dP = 0.92*1.2 - 1 = 0.104,
    /// CS = -R0*dP - 0.5*Em*R0*dP^2 = -10.4 + 1.0816 = -9.3184,
    /// PS = -0.08*100*(1 - 0.12) = -7.04,
    /// revenue = 69.92*0.2 = 13.984.
    /// </summary>
    [Fact]
    public void One_region_is_a_single_market_demand_and_supply_curve()
    {
        var market = new GsimMarket(["X"], new double[,] { { 100 } }, new double[,] { { 1 } }, new double[,] { { 1.2 } },
            new Elasticities(-2, 5, 3));
        var r = GsimModel.Solve(market);
        Assert.Equal(-0.08, r.WorldPriceChange(0), 12);
        Assert.Equal(69.92, r.FlowAfter(0, 0), 12);
        Assert.Equal(0.104, r.DomesticPriceChange(0), 12);
        Assert.Equal(-9.3184, r.ConsumerSurplus(0), 12);
        Assert.Equal(-7.04, r.ProducerSurplus(0), 12);
        Assert.Equal(13.984, r.TariffRevenue(0), 12);
    }

    [Fact]
    public void A_region_that_exports_nothing_keeps_its_world_price()
    {
        // C only imports: no market-clearing equation prices its (absent) exports, so x_C = 0 and nothing is NaN.
        var market = new GsimMarket(["A", "B", "C"],
            new double[,] { { 0, 50, 80 }, { 40, 0, 20 }, { 0, 0, 0 } },
            new double[,] { { 1, 1, 1 }, { 1, 1, 1 }, { 1, 1, 1 } },
            new double[,] { { 1, 1, 1.25 }, { 1, 1, 1 }, { 1, 1, 1 } },
            Elasticities.GsimDefaults);
        var r = GsimModel.Solve(market);
        Assert.Equal(0.0, r.WorldPriceChange(2));
        Assert.Equal(0.0, r.ProducerSurplus(2));
        Assert.All(r.Regions, g => Assert.True(double.IsFinite(g.Welfare)));
        Assert.True(r.FlowAfter(0, 2) < 80, "the tariffed route A→C shrinks");
        Assert.True(r.FlowAfter(1, 2) > 20, "the competing route B→C grows");
    }

    [Fact]
    public void A_shock_too_large_for_the_linear_model_is_flagged()
    {
        // A 200% tariff on one of two sources with Es = 5: the linear demand change is far below -100%.
        var market = new GsimMarket(["A", "B", "C"],
            new double[,] { { 0, 0, 100 }, { 0, 0, 100 }, { 0, 0, 0 } },
            new double[,] { { 1, 1, 1 }, { 1, 1, 1 }, { 1, 1, 1 } },
            new double[,] { { 1, 1, 3 }, { 1, 1, 1 }, { 1, 1, 1 } },
            Elasticities.GsimDefaults);
        var r = GsimModel.Solve(market);
        var w = Assert.Single(r.OutOfRange);
        Assert.Equal((0, 2), (w.Exporter, w.Importer));
        Assert.True(w.DemandChange < -1);
    }
}
