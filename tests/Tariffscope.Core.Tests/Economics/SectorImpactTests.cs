using Tariffscope.Economics;

namespace Tariffscope.Tests.Economics;

public class SectorImpactTests
{
    [Theory]
    [InlineData("010121", "I")]      // live horses: chapter 1
    [InlineData("150710", "III")]    // soya-bean oil: chapter 15, a section of its own
    [InlineData("271019", "V")]      // petroleum oils: chapter 27
    [InlineData("847130", "XVI")]    // laptops: chapter 84
    [InlineData("8517", "XVI")]      // telephones: chapter 85
    [InlineData("870323", "XVII")]   // cars: chapter 87
    [InlineData("950300", "XX")]     // toys: chapter 95
    [InlineData("970110", "XXI")]    // paintings: chapter 97
    [InlineData("980100", "98-99")]  // US special provisions
    public void Sections_follow_the_chapter_ranges_of_the_HS_nomenclature(string code, string numeral) =>
        Assert.Equal(numeral, HsSections.Of(code)!.Numeral);

    [Fact]
    public void Every_chapter_from_1_to_99_has_one_section()
    {
        // Chapter 77 is reserved in the HS but lies inside Section XV (72–83); no chapter falls in two sections.
        for (var ch = 1; ch <= 99; ch++)
        {
            var n = HsSections.All.Count(s => ch >= s.FirstChapter && ch <= s.LastChapter);
            Assert.Equal(1, n);
        }
        Assert.Null(HsSections.Of("x1"));
    }

    /// <summary>
    /// Three HS6 products, two in section XVI and one in section XI, each a 25% shock on CN with VN competing: by
    /// section the sums are the products' own sums (checked against the report's totals), and diversion is VN's gain.
    /// </summary>
    [Fact]
    public void By_section_sums_the_products_and_counts_diversion_to_the_partners_that_gain()
    {
        ProductShock Shock(string code) => new(code, "US",
            [new PartnerShock("CN", 100, 0m, 0.25m), new PartnerShock("VN", 50, 0m, 0m)]);
        var report = new ImpactRunner(form: GsimForm.Ces).Run([Shock("847130"), Shock("851713"), Shock("610910")], ["CN", "VN"]);
        var sectors = SectorImpact.BySection(report);
        Assert.Equal(2, sectors.Count);
        var machines = sectors.Single(s => s.Sector.StartsWith("XVI "));
        Assert.Equal(2, machines.Products);
        var two = report.Products.Where(p => p.Product != "610910").ToArray();
        Assert.Equal(two.Sum(p => p.ConsumerSurplus), machines.ConsumerSurplus, 9);
        Assert.Equal(two.Sum(p => p.TariffRevenue), machines.TariffRevenue, 9);
        Assert.Equal(two.Sum(p => p.Partners.Single(x => x.Partner == "VN").FlowChange), machines.Diverted, 9);
        Assert.True(machines.Diverted > 0 && machines.Lost < 0);
        Assert.Equal(report.Totals.ConsumerSurplus, sectors.Sum(s => s.ConsumerSurplus), 9);
        Assert.Equal(GsimForm.Ces, report.Form);
    }
}
