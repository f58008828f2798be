using Tariffscope.Controls;
using Tariffscope.Data.Controls;

namespace Tariffscope.Tests.Controls;

/// <summary>Bad data and bad scenarios are refused with the file, line and field named.</summary>
public class ControlDataValidationTests
{
    private const string Minimal = """
        exporter: CN
        controls:
          - id: c1
            title: Test control
            source: { instrument: Test Ann. 1, link: example.org, confidence: high }
            from: 2025-01-01
            items: { elements: [Ga] }
            destinations: [all]
            outcome: licence-required
            policy: licence
        """;

    private static ControlDataException Refused(string yaml) =>
        Assert.Throws<ControlDataException>(() => ControlData.Parse(("test.yaml", yaml)));

    [Fact]
    public void Minimal_file_loads()
    {
        var set = ControlData.Parse(("test.yaml", Minimal));
        Assert.Equal("c1", Assert.Single(set.Controls).Id);
    }

    [Fact]
    public void Unknown_field_is_named_with_its_line()
    {
        var e = Refused(Minimal.Replace("    policy: licence", "    policy: licence\n    polcy: typo"));
        Assert.Equal(11, e.Line);
        Assert.Contains("polcy", e.Field);
        Assert.StartsWith("test.yaml:11:", e.Message);
    }

    [Fact]
    public void Bad_date_names_the_field_and_the_expected_form()
    {
        var e = Refused(Minimal.Replace("from: 2025-01-01", "from: 2025-13-01"));
        Assert.Equal(6, e.Line);
        Assert.Contains("from", e.Field);
        Assert.Contains("YYYY-MM-DD", e.Problem);
    }

    [Fact]
    public void Bad_outcome_and_missing_source_are_refused()
    {
        Assert.Contains("licence-required", Refused(Minimal.Replace("outcome: licence-required", "outcome: maybe")).Problem);
        Assert.Contains("source", Refused(Minimal.Replace("    source: { instrument: Test Ann. 1, link: example.org, confidence: high }\n", "")).Field);
        Assert.Contains("confidence", Refused(Minimal.Replace("confidence: high", "confidence: sure")).Field);
    }

    [Fact]
    public void Suspension_of_an_unknown_control_is_refused_at_its_line()
    {
        var e = Refused(Minimal + "\nsuspensions:\n  - id: s1\n    controls: [c2]\n    from: 2025-02-01\n    source: { instrument: X, confidence: high }\n");
        Assert.Contains("unknown control 'c2'", e.Problem);
        // Minimal is 10 lines; then "suspensions:" (11), "- id: s1" (12), "controls: [c2]" (13).
        Assert.Equal(13, e.Line);
    }

    [Fact]
    public void Duplicate_ids_and_inverted_dates_are_refused()
    {
        Assert.Contains("already defined", Refused(Minimal + "\n" + Minimal[Minimal.IndexOf("  - id: c1", StringComparison.Ordinal)..]).Problem);
        Assert.Contains("on or after from", Refused(Minimal.Replace("from: 2025-01-01", "from: 2025-01-01\n    through: 2024-12-31")).Problem);
        // A one-day span (first day = last day) is valid.
        var oneDay = ControlData.Parse(("test.yaml", Minimal.Replace("from: 2025-01-01", "from: 2025-01-01\n    through: 2025-01-01")));
        Assert.Equal(new Validity(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1)), oneDay.Controls.Single().When);
    }

    [Fact]
    public void The_old_exclusive_to_is_refused_with_the_through_date_to_write()
    {
        // Spans end with "through" (last day, inclusive); "to: 2025-06-30" meant the last day was 2025-06-29.
        var e = Refused(Minimal.Replace("from: 2025-01-01", "from: 2025-01-01\n    to: 2025-06-30"));
        Assert.Equal(("test.yaml", 7, "control c1.to"), (e.File, e.Line, e.Field));
        Assert.Contains("write 'through:'", e.Problem);
        Assert.Contains("inclusive", e.Problem);
        Assert.Contains("to: 2025-06-30 becomes through: 2025-06-29", e.Problem);

        var entry = Refused("exporter: CN\npartyLists:\n  - id: l1\n    title: L\n    source: { instrument: X, confidence: high }\n    entries:\n" +
                            "      - { id: e1, name: Acme, from: 2025-01-01, to: 2025-06-30 }\n");
        Assert.Equal((7, "entry e1.to"), (entry.Line, entry.Field));
        var suspension = Refused(Minimal + "\nsuspensions:\n  - id: s1\n    controls: [c1]\n    from: 2025-02-01\n    to: 2025-03-01\n    source: { instrument: X, confidence: high }\n");
        Assert.Equal((15, "suspension s1.to"), (suspension.Line, suspension.Field));
        Assert.Contains("through: 2025-02-28", suspension.Problem);
    }

    [Fact]
    public void Bad_parameter_expression_is_refused()
    {
        var e = Refused(Minimal.Replace("items: { elements: [Ga] }", "items: { elements: [Ga], parameters: [\"tpp => 4800\"] }"));
        Assert.Contains("parameters", e.Field);
    }

    [Fact]
    public void Shipped_data_is_consistent_and_every_record_is_sourced()
    {
        var set = ControlData.LoadBuiltIn();
        Assert.Empty(set.Problems());
        Assert.True(set.Controls.Count >= 30, $"only {set.Controls.Count} controls");
        Assert.All(set.Controls, c => Assert.False(string.IsNullOrWhiteSpace(c.Source.Link), $"{c.Id} has no link"));
        Assert.All(set.Suspensions, s => Assert.False(string.IsNullOrWhiteSpace(s.Source.Instrument), $"{s.Id} has no instrument"));
        Assert.Contains(set.Controls, c => c.Exporter == "CN");
        Assert.Contains(set.Controls, c => c.Exporter == "US");
    }

    [Fact]
    public void A_scenario_naming_an_unknown_id_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("ts-scn-").FullName;
        try
        {
            var path = Path.Combine(dir, "bad.yaml");
            File.WriteAllText(path, "name: bad\ninherits: actual\ncontrolSuspensions:\n  change:\n    - { id: no-such-suspension, through: 2027-01-01 }\n");
            var e = Assert.Throws<ControlDataException>(() => ControlScenarios.Apply(ControlData.LoadBuiltIn(), path));
            Assert.Contains("unknown suspension 'no-such-suspension'", e.Problem);
            Assert.Equal(5, e.Line);

            File.WriteAllText(path, "name: bad\ninherits: actual\ncontrolSuspensions:\n  change:\n    - { id: cn-ann70-suspension, to: 2027-11-10 }\n");
            var old = Assert.Throws<ControlDataException>(() => ControlScenarios.Apply(ControlData.LoadBuiltIn(), path));
            Assert.Equal((5, "controlSuspensions.change.to"), (old.Line, old.Field));
            Assert.Contains("to: 2027-11-10 becomes through: 2027-11-09", old.Problem);

            File.WriteAllText(path, "name: bad\ncontrols:\n  remove: [no-such-control]\n");
            Assert.Contains("no-such-control", Assert.Throws<ControlDataException>(() => ControlScenarios.Apply(ControlData.LoadBuiltIn(), path)).Problem);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Scenarios_can_remove_add_and_inherit_and_loops_are_refused()
    {
        var dir = Directory.CreateTempSubdirectory("ts-scn-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.yaml"), """
                name: a
                inherits: actual
                controls:
                  remove: [cn-ann18-magnets]
                  add:
                    - id: cn-test-neodymium
                      exporter: CN
                      title: Hypothetical neodymium control
                      source: { instrument: hypothetical, link: none, confidence: unconfirmed }
                      from: 2026-01-01
                      items: { elements: [Nd] }
                      destinations: [US]
                      outcome: licence-required
                      policy: licence
                measures: { ignored: by the control reader }
                """);
            File.WriteAllText(Path.Combine(dir, "b.yaml"), "name: b\ninherits: a\n");
            var set = ControlScenarios.Apply(ControlData.LoadBuiltIn(), Path.Combine(dir, "b.yaml"));
            Assert.Null(set.FindControl("cn-ann18-magnets"));
            Assert.NotNull(set.FindControl("cn-test-neodymium"));
            Assert.Equal("b", set.ScenarioName);
            // The added control is unconfirmed: an answer resting on it says so.
            var a = new ControlScreener(set).Check(new ControlQuery("CN", "US", new DateOnly(2026, 2, 1), Element: "Nd"));
            Assert.Equal(ControlOutcome.LicenceRequired, a.Outcome);
            Assert.Contains(a.Warnings, w => w.Contains("unconfirmed fact") && w.Contains("cn-test-neodymium"));

            File.WriteAllText(Path.Combine(dir, "c.yaml"), "name: c\ninherits: d.yaml\n");
            File.WriteAllText(Path.Combine(dir, "d.yaml"), "name: d\ninherits: c.yaml\n");
            Assert.Contains("loop", Assert.Throws<ControlDataException>(() => ControlScenarios.Apply(ControlData.LoadBuiltIn(), Path.Combine(dir, "c.yaml"))).Problem);
        }
        finally { Directory.Delete(dir, true); }
    }
}
