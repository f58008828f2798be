using Tariffscope.Tests.Engine;

namespace Tariffscope.Tests.Policy;

/// <summary>Where the HTS footnotes a whole line to a Section 301 review heading that covers part of it.</summary>
public class Section301ReviewScopeTests
{
    private static readonly Tariffscope.Policy.PolicySet Actual = TestWorld.Catalog.Resolve("actual");

    [Fact]
    public void Only_electric_vehicle_batteries_take_the_2024_increase()
    {
        // 89 FR 76581: lithium-ion EV batteries (8507.60.00.10) 7.5% → 25% on 2024-09-27; the others
        // (8507.60.00.20) only on 2026-01-01. The 2024 measure leaves .20 out, not .10.
        var m = Actual.FindMeasure("us-s301-review-01")!;
        var excluded = m.Products.Exclude.Select(t => t.Prefix).ToHashSet();
        Assert.Contains("8507600020", excluded);
        Assert.DoesNotContain("8507600010", excluded);
        Assert.DoesNotContain("85076000", excluded);
    }

    [Fact]
    public void Semiconductors_pay_25_percent_until_the_2025_increase()
    {
        // The 2025 HTS footnotes 8542.31 only to 9903.91.05 (50% from 2025-01-01); before, 25% (List 2 as read here).
        var m = Actual.FindMeasure("us-s301-semis-before-review")!;
        Assert.Contains(m.Products.Include, t => t.Prefix == "854231");
        Assert.Equal(new DateOnly(2024, 12, 31), m.Through);
        // 25% of $1,000 = $250.
        Assert.Equal(250m, m.RateOn(new DateOnly(2024, 7, 1))!.Rate.Evaluate(Tariffscope.Duties.DutyBasis.Of(1_000m)).Amount);
        Assert.Null(m.RateOn(new DateOnly(2025, 1, 1)));
    }
}
