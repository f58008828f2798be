using CsCheck;
using Tariffscope.Economics;

namespace Tariffscope.Tests.Economics;

public class GsimPropertyTests
{
    [Fact]
    public void No_tariff_change_gives_exactly_zero_everywhere()
    {
        RandomMarkets.Markets().Sample(spec =>
        {
            var market = spec.Build(shocked: false);
            var r = GsimModel.Solve(market);
            for (var i = 0; i < spec.N; i++)
            {
                Assert.Equal(0.0, r.WorldPriceChange(i));
                Assert.Equal(0.0, r.DomesticPriceChange(i));
                Assert.Equal(0.0, r.ConsumerSurplus(i));
                Assert.Equal(0.0, r.ProducerSurplus(i));
                Assert.Equal(0.0, r.TariffRevenue(i));
                Assert.Equal(0.0, r.Welfare(i));
                for (var j = 0; j < spec.N; j++) Assert.Equal(market.Flow(i, j), r.FlowAfter(i, j));
            }
        }, iter: 300);
    }

    [Fact]
    public void The_solution_clears_every_exporters_market_and_follows_the_reference_demand_equation()
    {
        RandomMarkets.Markets().Sample(spec =>
        {
            var mk = spec.Build();
            var r = GsimModel.Solve(mk);
            var n = spec.N;
            var theta = new double[n, n];
            for (var j = 0; j < n; j++)
            {
                double r0 = 0;
                for (var i = 0; i < n; i++) r0 += mk.Flow(i, j) * mk.PowerBefore(i, j);
                for (var i = 0; i < n; i++) theta[i, j] = r0 > 0 ? mk.Flow(i, j) * mk.PowerBefore(i, j) / r0 : 0;
            }
            double X(int i) => r.WorldPriceChange(i);
            double DT(int i, int j) => mk.PowerAfter(i, j) / mk.PowerBefore(i, j) - 1;
            for (var i = 0; i < n; i++)
            {
                double exports = 0, cleared = 0;
                for (var j = 0; j < n; j++) exports += mk.Flow(i, j);
                if (exports == 0) { Assert.Equal(0.0, X(i)); continue; }
                for (var j = 0; j < n; j++)
                {
                    if (mk.Flow(i, j) == 0) continue;
                    // Step 3 written out: m_ij = N_ij (x_i + dT_ij) + sum_{k != i} C_kj (x_k + dT_kj).
                    var em = mk.ImportDemand(j);
                    var es = mk.Substitution(j);
                    var m = (theta[i, j] * em - (1 - theta[i, j]) * es) * (X(i) + DT(i, j));
                    for (var k = 0; k < n; k++)
                        if (k != i) m += theta[k, j] * (em + es) * (X(k) + DT(k, j));
                    // The solver's flows must embody exactly this m: M1 = M (1 + m)(1 + x).
                    Assert.Equal(mk.Flow(i, j) * (1 + m) * (1 + X(i)), r.FlowAfter(i, j), 1e-9 * Math.Max(1, mk.Flow(i, j)));
                    cleared += mk.Flow(i, j) / exports * m;
                }
                Assert.True(Math.Abs(cleared - mk.ExportSupply(i) * X(i)) < 1e-9,
                    $"exporter {i}: sum phi*m = {cleared}, Ex*x = {mk.ExportSupply(i) * X(i)}");
            }
        }, iter: 300);
    }

    [Fact]
    public void Results_scale_linearly_with_the_flows()
    {
        Gen.Select(RandomMarkets.Markets(), Gen.Double[0.01, 100]).Sample((spec, k) =>
        {
            var a = GsimModel.Solve(spec.Build());
            var b = GsimModel.Solve(spec.Build(scale: k));
            static void Close(double expected, double actual) =>
                Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{expected} vs {actual}");
            for (var i = 0; i < spec.N; i++)
            {
                Close(a.WorldPriceChange(i), b.WorldPriceChange(i));
                Close(a.DomesticPriceChange(i), b.DomesticPriceChange(i));
                Close(k * a.ConsumerSurplus(i), b.ConsumerSurplus(i));
                Close(k * a.ProducerSurplus(i), b.ProducerSurplus(i));
                Close(k * a.TariffRevenue(i), b.TariffRevenue(i));
                Close(k * a.Welfare(i), b.Welfare(i));
                for (var j = 0; j < spec.N; j++) Close(k * a.FlowChange(i, j), b.FlowChange(i, j));
            }
        }, iter: 200);
    }

    [Fact]
    public void A_cut_on_one_route_raises_it_and_lowers_competing_routes_into_the_same_market()
    {
        // Pick an importer with at least two sources; cut the first source's tariff from 30% to 10%, nothing else moves.
        Gen.Select(RandomMarkets.Markets(maxRegions: 7), Gen.Int[0, 1000]).Sample((spec, pick) =>
        {
            var n = spec.N;
            var importer = Enumerable.Range(0, n).FirstOrDefault(j => Enumerable.Range(0, n).Count(i => spec.Flows[i * n + j] > 0) >= 2, -1);
            if (importer < 0) return;
            var sources = Enumerable.Range(0, n).Where(i => spec.Flows[i * n + importer] > 0).ToArray();
            var cut = sources[pick % sources.Length];
            var before = (double[])spec.Before.Clone();
            before[cut * n + importer] = 1.3;
            var shock = new double[n * n];
            shock[cut * n + importer] = 1.1 / 1.3 - 1;
            var r = GsimModel.Solve((spec with { Before = before, Shock = shock }).Build());

            Assert.True(r.FlowChange(cut, importer) > 0, "the route with the cut grows");
            foreach (var other in sources.Where(s => s != cut))
                Assert.True(r.FlowChange(other, importer) < 0, $"competitor {other} loses in market {importer}");
        }, iter: 300);
    }

    [Fact]
    public void Solving_many_markets_in_parallel_gives_the_same_answers_as_one_by_one()
    {
        var specs = RandomMarkets.Markets(maxRegions: 12).Array[40].Single();
        var markets = specs.Select(s => s.Build()).ToArray();
        var batch = GsimModel.SolveMany(markets);
        for (var k = 0; k < markets.Length; k++)
        {
            var single = GsimModel.Solve(markets[k]);
            for (var i = 0; i < markets[k].Size; i++)
            {
                Assert.Equal(single.Welfare(i), batch.Markets[k].Welfare(i));
                Assert.Equal(single.WorldPriceChange(i), batch.Markets[k].WorldPriceChange(i));
            }
        }
        // Sums of doubles in another order: equal to 1e-12 of their size (a fixed 9 decimals fails on totals of 1e4 and up).
        var welfare = markets.Sum(m => GsimModel.Solve(m).Totals.Welfare);
        Assert.Equal(welfare, batch.Totals.Welfare, 1e-12 * Math.Max(1, Math.Abs(welfare)));
        // Region totals add up to the grand total.
        Assert.Equal(batch.Totals.ConsumerSurplus, batch.Regions.Sum(r => r.ConsumerSurplus), 1e-12 * Math.Max(1, Math.Abs(batch.Totals.ConsumerSurplus)));
    }
}

public class GsimSingleMarketPropertyTests
{
    /// <summary>
    /// One region: demand Em on the domestic price and supply Ex on the world price meet where
    /// Em*(x + dT) = Ex*x, i.e. x = Em*dT/(Ex - Em), and the quantity moves by Ex*x.
    /// </summary>
    [Fact]
    public void One_region_follows_the_closed_form_of_a_single_market()
    {
        Gen.Select(Gen.Double[1, 1000], Gen.Double[0, 0.5], Gen.Double[-0.2, 0.5], Gen.Double[-4, -0.1], Gen.Double[0.1, 10])
            .Sample((flow, rate, shock, em, ex) =>
            {
                var t0 = 1 + rate;
                var t1 = Math.Max(1, t0 * (1 + shock));
                var dT = t1 / t0 - 1;
                var r = GsimModel.Solve(new GsimMarket(["X"], new[,] { { flow } }, new[,] { { t0 } }, new[,] { { t1 } }, new Elasticities(em, 5, ex)));
                var x = em * dT / (ex - em);
                // tolerances, not decimal places: rounding two values 1e-17 apart can land either side of a digit
                Assert.Equal(x, r.WorldPriceChange(0), 1e-12);
                Assert.Equal(flow * (1 + ex * x) * (1 + x), r.FlowAfter(0, 0), 1e-9);
                Assert.Equal((1 + x) * t1 / t0 - 1, r.DomesticPriceChange(0), 1e-12);
            }, iter: 300);
    }
}
