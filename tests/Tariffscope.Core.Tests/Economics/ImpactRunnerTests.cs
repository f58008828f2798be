using Tariffscope.Economics;

namespace Tariffscope.Tests.Economics;

public class ImpactRunnerTests
{
    // US imports of two HTS10 lines of HS 847130 and one line of HS 851713. JP and DE are not named: they form ROW.
    private static readonly ProductShock[] Shocks =
    [
        new("8471.30.01.00", "US",
        [
            new PartnerShock("CN", 400m, 0m, 0.25m),
            new PartnerShock("VN", 100m, 0m, 0m),
            new PartnerShock("JP", 60m, 0m, 0.10m),
            new PartnerShock("DE", 40m, 0m, 0m),
        ]),
        new("8471.30.99", "US", [new PartnerShock("CN", 100m, 0.20m, 0.20m)]),
        new("8517.13.00.00", "US", [new PartnerShock("CN", 300m, 0m, 0.30m), new PartnerShock("VN", 200m, 0m, 0.10m)]),
    ];

    [Fact]
    public void Lines_are_summed_to_HS6_and_unnamed_partners_form_the_rest_of_the_world()
    {
        var markets = new ImpactRunner().BuildMarkets(Shocks, ["CN", "VN"]);
        Assert.Equal(["847130", "851713"], markets.Select(m => m.Label));
        var m = markets[0];
        Assert.Equal(["US", "CN", "VN", "ROW"], m.Regions);
        // CN → US: 400 + 100 = 500; power of tariff weighted by base flow:
        //   before (400*1.00 + 100*1.20)/500 = 520/500 = 1.04, after (400*1.25 + 100*1.20)/500 = 620/500 = 1.24.
        Assert.Equal(500, m.Flow(1, 0));
        Assert.Equal(1.04, m.PowerBefore(1, 0), 12);
        Assert.Equal(1.24, m.PowerAfter(1, 0), 12);
        // ROW → US: JP 60 + DE 40 = 100; after (60*1.10 + 40*1.00)/100 = 1.06.
        Assert.Equal(100, m.Flow(3, 0));
        Assert.Equal(1.0, m.PowerBefore(3, 0));
        Assert.Equal(1.06, m.PowerAfter(3, 0), 12);
        // Only flows into the importer: every other route is empty.
        for (var i = 0; i < 4; i++)
            for (var j = 1; j < 4; j++) Assert.Equal(0, m.Flow(i, j));
    }

    [Fact]
    public void HS2_and_total_aggregate_flows_and_weighted_tariffs_before_solving()
    {
        var runner = new ImpactRunner();
        var hs2 = runner.BuildMarkets(Shocks, ["CN", "VN"], ImpactLevel.Hs2);
        Assert.Equal(["84", "85"], hs2.Select(m => m.Label));
        var total = Assert.Single(runner.BuildMarkets(Shocks, ["CN", "VN"], ImpactLevel.Total));
        Assert.Equal("TOTAL", total.Label);
        // CN → US in total: 400 + 100 + 300 = 800; after (400*1.25 + 100*1.2 + 300*1.3)/800 = (500+120+390)/800 = 1.2625.
        Assert.Equal(800, total.Flow(1, 0));
        Assert.Equal(1.2625, total.PowerAfter(1, 0), 12);
        // VN: 100 + 200 = 300; after (100*1 + 200*1.1)/300 = 320/300.
        Assert.Equal(320.0 / 300, total.PowerAfter(2, 0), 12);
    }

    [Fact]
    public void The_runner_solves_exactly_the_markets_it_builds_and_reports_them_by_partner()
    {
        var runner = new ImpactRunner();
        var report = runner.Run(Shocks, ["CN", "VN"]);
        var markets = runner.BuildMarkets(Shocks, ["CN", "VN"]);
        for (var k = 0; k < markets.Count; k++)
        {
            var direct = GsimModel.Solve(markets[k]);
            var product = report.Products[k];
            Assert.Equal(direct.ConsumerSurplus(0), product.ConsumerSurplus);
            Assert.Equal(direct.TariffRevenue(0), product.TariffRevenue);
            for (var r = 1; r < markets[k].Size; r++)
            {
                Assert.Equal(direct.FlowAfter(r, 0), product.Partners[r - 1].FlowAfter);
                Assert.Equal(direct.ProducerSurplus(r), product.Partners[r - 1].ProducerSurplus);
            }
        }
        Assert.Equal(report.Products.Sum(p => p.Partners[0].FlowChange), report.Partners[0].FlowChange, 9);
        var cnBefore = report.Products.Sum(p => p.Partners[0].FlowBefore);
        Assert.Equal(report.Products.Sum(p => p.Partners[0].WorldPriceChange * p.Partners[0].FlowBefore) / cnBefore,
            report.Partners[0].WorldPriceChange, 12);
        Assert.Equal(report.Products.Sum(p => p.Model.Totals.Welfare), report.Totals.Welfare, 9);
    }

    [Fact]
    public void Tariffs_on_China_shift_US_imports_towards_the_others()
    {
        var report = new ImpactRunner().Run(Shocks, ["CN", "VN"]);
        var hs847130 = report.Products[0];
        Assert.True(hs847130.Partners[0].FlowChange < 0, "imports from CN fall");
        Assert.True(hs847130.Partners[1].FlowChange > 0, "imports from VN (no new duty) rise");
        Assert.True(hs847130.ImportChange < 0, "total imports fall");
        Assert.True(hs847130.ConsumerSurplus < 0, "US consumers lose");
        Assert.True(hs847130.TariffRevenue > 0, "US revenue rises");
        Assert.True(hs847130.Partners[0].ProducerSurplus < 0, "Chinese exporters lose");
    }

    [Fact]
    public void Products_without_estimates_are_listed_as_using_defaults()
    {
        var table = new ElasticityTable(Elasticities.GsimDefaults, [new ElasticityEntry("8471", new Elasticities(-0.9, 7, 3), "test")]);
        var runner = new ImpactRunner(table);
        var report = runner.Run(Shocks, ["CN", "VN"]);
        Assert.Equal(["851713"], report.ProductsOnDefaultElasticities);
        Assert.Equal("8471", report.Products[0].Elasticities.Prefix);
        Assert.Equal(7, runner.BuildMarkets(Shocks, ["CN", "VN"])[0].Substitution(0));
        Assert.Contains("851713", report.DefaultsNote);
        Assert.Contains("1 of 2 product group(s) used the default elasticities", report.DefaultsNote);
    }

    [Fact]
    public void Known_routes_between_other_regions_enter_the_market()
    {
        var shock = new ProductShock("850760", "US", [new PartnerShock("CN", 100m, 0m, 0.5m), new PartnerShock("VN", 50m, 0m, 0m)],
            [new RouteShock("CN", "VN", 80m, 0m, 0m)]);
        var market = Assert.Single(new ImpactRunner().BuildMarkets([shock], ["CN", "VN"]));
        Assert.Equal(80, market.Flow(1, 2));
    }

    [Fact]
    public void Bad_shocks_are_refused_with_the_product_and_partner()
    {
        var runner = new ImpactRunner();
        var negative = new ProductShock("847130", "US", [new PartnerShock("CN", -5m, 0m, 0.1m)]);
        Assert.Contains("product 847130, CN: base value -5 must be >= 0", Assert.Throws<ArgumentException>(() => runner.Run([negative], ["CN"])).Message);
        var mixed = new[] { Shocks[0], Shocks[1] with { Importer = "EU" } };
        Assert.Contains("one importer per run", Assert.Throws<ArgumentException>(() => runner.Run(mixed, ["CN"])).Message);
        Assert.Contains("is the importer itself", Assert.Throws<ArgumentException>(() => runner.Run(Shocks, ["US"])).Message);
    }
}

public class ProductShocksTests
{
    [Fact]
    public void Flat_rows_from_the_tariff_engine_group_by_product()
    {
        var shocks = ProductShocks.FromRows("US",
        [
            new ShockRow("847130", "CN", 10m, 0m, 0.2m),
            new ShockRow("851713", "CN", 5m, 0m, 0.1m),
            new ShockRow("847130", "VN", 3m, 0m, 0m),
        ]);
        Assert.Equal(["847130", "851713"], shocks.Select(s => s.Product));
        Assert.Equal(["CN", "VN"], shocks[0].Partners.Select(p => p.Partner));
        Assert.All(shocks, s => Assert.Equal("US", s.Importer));
        Assert.Equal(3m, shocks[0].Partners[1].BaseValue);
    }
}

public class ImpactRunnerRangeTests
{
    [Fact]
    public void A_shock_beyond_the_linear_range_is_reported_by_product_and_route()
    {
        // 145% on China with substitution 5: the linear demand change for CN → US is far below -100%.
        var shock = new ProductShock("950300", "US", [new PartnerShock("CN", 100m, 0m, 1.45m), new PartnerShock("VN", 100m, 0m, 0m)]);
        var report = new ImpactRunner().Run([shock], ["CN", "VN"]);
        Assert.Equal(["950300: CN → US"], report.OutOfRange);
    }
}
