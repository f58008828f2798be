using Tariffscope.Nomenclature;
using Tariffscope.Tests.Engine;

namespace Tariffscope.Tests.Policy;

/// <summary>Section 232 derivatives are charged from the date their annex took effect, not before.</summary>
public class Section232DerivativeDatesTests
{
    private static readonly Tariffscope.Policy.PolicySet Actual = TestWorld.Catalog.Resolve("actual");

    [Fact]
    public void A_2025_annex_derivative_owes_no_232_in_2024()
    {
        // 7326.90.86.88 from China on 2024-07-01: MFN 2.9% (290) + Section 301 List 3 25% (2,500) = 2,790 on
        // 10,000. The derivative annex of Proclamation 10896 took effect on 2025-03-12: no Section 232 before.
        var q = TestWorld.Quote("7326.90.86.88", "CN", "2024-07-01", 10_000m);
        Assert.DoesNotContain(q.Layers, l => l.Family == "s232-steel");
        Assert.Equal(2_790m, q.Total);
        // On 2025-03-12 the 25% of Proclamation 10896 applies on the full value: 2,500.
        Assert.Equal(2_500m, TestWorld.Quote("7326.90.86.88", "CN", "2025-03-12", 10_000m).Layer("us-s232-steel-2025-03"));
    }

    [Fact]
    public void Proclamation_9980_derivatives_are_in_the_2018_measures_from_8_February_2020()
    {
        var steel = Actual.FindMeasure("us-s232-steel-2018")!;
        var term = steel.Products.Include.Single(t => t.ListName == "s232-steel-derivatives-2020");
        Assert.Equal(new DateOnly(2020, 2, 8), term.When!.Value.From);
        // Nails of round wire (7317.00.55) and steel bumper stampings (8708.10.30.20), as the HTS 2025 Basic Edition footnotes them to note 16.
        Assert.Contains("73170055", Actual.Lists["s232-steel-derivatives-2020"].Prefixes);
        Assert.Contains("8708103020", Actual.Lists["s232-steel-derivatives-2020"].Prefixes);
        var aluminium = Actual.FindMeasure("us-s232-aluminum-2018")!;
        Assert.Equal(new DateOnly(2020, 2, 8), aluminium.Products.Include.Single(t => t.ListName == "s232-aluminum-derivatives-2020").When!.Value.From);
        // The 2025 annex lists are not named by the 2018 measures.
        Assert.DoesNotContain(steel.Products.Include, t => t.ListName == "s232-steel-derivatives");
        Assert.DoesNotContain(aluminium.Products.Include, t => t.ListName == "s232-aluminum-derivatives");
    }

    [Fact]
    public void Aluminium_articles_of_7616_99_are_the_castings_and_forgings_only()
    {
        // Proclamation 9704 names 7616.99.51.60 and 7616.99.51.70; the rest of 7616.99 became a derivative in 2025.
        var articles = Actual.Lists["s232-aluminum"].Prefixes;
        Assert.Contains(HtsCode.Parse("7616.99.51.60").Digits, articles);
        Assert.DoesNotContain(articles, p => p == "761699" || p == "76169951");
    }
}
