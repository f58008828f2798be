using Tariffscope.Data;

namespace Tariffscope.Tests.Engine;

/// <summary>
/// <c>TariffEngine.RulesInForce</c> says which origins the engine cannot tell apart on a date; indicators share
/// ratings between them. Worked from the shipped policy data.
/// </summary>
public class RulesInForceTests
{
    private static readonly Tariffscope.Engine.TariffEngine Engine = Workspace.BuiltIn().Engine();

    private static string Rules(string origin, int y, int m, int d) => Engine.RulesInForce("US", origin, new DateOnly(y, m, d));

    [Fact]
    public void Before_the_2025_actions_Germany_and_Japan_are_under_the_same_rules_and_China_is_not()
    {
        // 20 January 2025: only measures open to every origin (Section 232 steel and aluminium) reach DE and JP;
        // China also pays Section 301 (Lists 1–4A), which names it.
        Assert.Equal(Rules("DE", 2025, 1, 20), Rules("JP", 2025, 1, 20));
        Assert.NotEqual(Rules("DE", 2025, 1, 20), Rules("CN", 2025, 1, 20));
        Assert.Contains("s301", Rules("CN", 2025, 1, 20));
    }

    [Fact]
    public void During_the_pause_each_country_keeps_its_own_april_rate_under_its_own_suspension()
    {
        // 1 May 2025: Vietnam's 46% and South Africa's 30% (EO 14257 Annex I) are each reduced by their own pause
        // (EO 14266) to the 10% baseline: the same duty, but rules the engine reads apart.
        var vn = Rules("VN", 2025, 5, 1);
        var za = Rules("ZA", 2025, 5, 1);
        Assert.NotEqual(vn, za);
        Assert.Contains("us-ieepa-reciprocal-vn-2025-04-us-pause-vn", vn);
        Assert.Contains("us-ieepa-reciprocal-za-2025-04-us-pause-za", za);
    }

    [Fact]
    public void After_the_ieepa_duties_ended_vietnam_and_south_africa_are_alike_again()
    {
        // 1 March 2026: the IEEPA duties ended on 24 February 2026 (Learning Resources v. Trump); the Section 122
        // surcharge and Section 232 apply to both alike.
        Assert.Equal(Rules("VN", 2026, 3, 1), Rules("ZA", 2026, 3, 1));
        Assert.DoesNotContain("ieepa", Rules("VN", 2026, 3, 1));
    }
}
