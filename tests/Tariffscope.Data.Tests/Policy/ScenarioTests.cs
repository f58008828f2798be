using Tariffscope.Data.Policy;
using Tariffscope.Policy;
using Tariffscope.Tests.Engine;

namespace Tariffscope.Tests.Policy;

/// <summary>Scenario files: inheritance and overrides work; a scenario that names what does not exist or contradicts itself is refused.</summary>
public class ScenarioTests
{
    private static ScenarioCatalog Build(params string[] scenarios) =>
        PolicyLoader.Build(PolicyLoader.BuiltIn("policy/"),
            scenarios.Select((text, i) => new PolicyLoader.SourceFile($"test-{i}.yaml", text, _ => null)));

    private static string Refusal(params string[] scenarios) =>
        Assert.ThrowsAny<Exception>(() => Build(scenarios)).Message;

    [Fact]
    public void A_change_to_an_unknown_suspension_is_refused_with_its_name()
    {
        var m = Refusal("""
            name: bad
            suspensions:
              change:
                - { id: us-geneva-suspensoin, through: 2025-09-01 }
            """);
        Assert.Contains("us-geneva-suspensoin", m);
        Assert.Contains("does not exist", m);
    }

    [Fact]
    public void Overriding_the_same_thing_twice_is_refused()
    {
        var m = Refusal("""
            name: twice
            suspensions:
              remove: [us-geneva-suspension]
              change:
                - { id: us-geneva-suspension, through: 2025-09-01 }
            """);
        Assert.Contains("overridden twice", m);
    }

    [Fact]
    public void A_suspension_that_would_end_before_it_starts_is_refused()
    {
        var m = Refusal("""
            name: backwards
            suspensions:
              change:
                - { id: us-geneva-suspension, through: 2025-05-01 }
            """);
        Assert.Contains("before it starts", m);
    }

    [Fact]
    public void Inheriting_from_an_unknown_scenario_or_in_a_loop_is_refused()
    {
        Assert.Contains("unknown scenario 'nowhere'", Refusal("name: orphan\ninherits: nowhere\n"));
        Assert.Contains("loops", Refusal("name: a\ninherits: b\n", "name: b\ninherits: a\n"));
    }

    [Fact]
    public void A_scenario_inherits_its_parent_and_adds_its_own_overrides()
    {
        var catalog = Build(
            "name: lapse\nsuspensions:\n  remove: [us-stockholm-extension, us-busan-extension]\n",
            "name: lapse-and-peak\ninherits: lapse\nmeasures:\n  change:\n    - id: us-ieepa-reciprocal-cn\n      rates:\n        - { from: 2025-09-01, rate: 125% }\n");
        var child = catalog.Resolve("lapse-and-peak");
        Assert.Null(child.FindSuspension("us-stockholm-extension"));                   // from the parent
        Assert.Equal(1.25m, ((Duties.AdValoremDuty)child.FindMeasure("us-ieepa-reciprocal-cn")!.RateOn(new(2025, 9, 2))!.Rate).Rate);
        Assert.Equal(0.34m, ((Duties.AdValoremDuty)child.FindMeasure("us-ieepa-reciprocal-cn")!.RateOn(new(2025, 8, 31))!.Rate).Rate);
    }

    [Fact]
    public void Shipped_example_scenarios_change_what_they_say()
    {
        // No EU deal, 2025-09-01, valves from Germany: MFN 3% + 20% (EO 14257 Annex I, 9903.01.50) = 23%,
        // instead of 15% all-inclusive under the deal.
        var q = TestWorld.Quote("8481.80.50.90", "DE", "2025-09-01", 10_000m, scenario: "no-eu-deal");
        Assert.Equal(2_300m, q.Total);
        // Truce extended 90 days only in November 2025: China's 24 points return on 2026-02-08: soybeans pay
        // MFN 3% + 34% = 37% on 2026-03-01 (TC 2025 No. 2 ended on 2025-11-10).
        var soy = TestWorld.Quote("1201.90", "US", "2026-03-01", 10_000m, scenario: "truce-extended-90-days-nov-2025", importer: "CN");
        Assert.Equal(3_700m, soy.Total);
    }
}
