using System.Text.Json.Nodes;

namespace Tariffscope.Server.Tests;

/// <summary>
/// <c>/api/v1/controls/…</c> over the built-in control data. Expected outcomes are read from data/controls/china.yaml:
/// rule cn-ann18-magnets (MOFCOM/GAC Announcement No. 18 of 2025) requires a licence from 2025-04-04 for exports from
/// China to all destinations of items under HS 8505.11 containing Sm, Tb or Dy; cn-ann18-rare-earths covers items
/// containing those elements from the same day. Suspension cn-ann70-suspension (MOFCOM/GAC Ann. 70 of 2025) pauses
/// cn-ann57-rare-earths (holmium among others) from 2025-11-10 through 2026-11-09; the rules apply again on 2026-11-10.
/// </summary>
[Collection(ServerCollection.Name)]
public class ControlApiTests(ServerFixture server)
{
    [Fact]
    public async Task Dysprosium_magnets_to_the_US_need_a_licence_from_4_April_2025()
    {
        var a = await server.GetJson("/api/v1/controls/check?from=CN&to=US&hs=8505.11&element=Dy&date=2025-05-01");
        Assert.Equal("licenceRequired", (string?)a["outcome"]);
        Assert.Equal("Licence required", (string?)a["outcomeText"]);
        var magnets = a["rules"]!.AsArray().Single(r => (string?)r!["controlId"] == "cn-ann18-magnets")!;
        Assert.Equal("applies", (string?)magnets["status"]);
        Assert.Equal("MOFCOM/GAC Announcement No. 18 of 2025", (string?)magnets["source"]!["instrument"]);

        // the day before: nothing applies yet, and the answer says what changes on 2025-04-04
        var before = await server.GetJson("/api/v1/controls/check?from=CN&to=US&hs=8505.11&element=Dy&date=2025-04-03");
        Assert.Equal("noLicenceRequired", (string?)before["outcome"]);
        var next = before["whatWouldChange"]!.AsArray().First()!;
        Assert.Equal("2025-04-04", (string?)next["date"]);
        Assert.Equal("licenceRequired", (string?)next["outcome"]);
    }

    [Fact]
    public async Task Spans_end_with_an_inclusive_through()
    {
        var a = await server.GetJson("/api/v1/controls/check?from=CN&to=DE&element=Ho&date=2025-11-20");
        var rule = a["rules"]!.AsArray().Single(r => (string?)r!["controlId"] == "cn-ann57-rare-earths")!.AsObject();
        Assert.Equal(("suspended", "cn-ann70-suspension", "2026-11-09"), ((string)rule["status"]!, (string)rule["suspendedBy"]!, (string)rule["suspendedThrough"]!));
        Assert.False(rule.ContainsKey("to"));
        var s = a["suspensions"]!.AsArray().Single(x => (string?)x!["suspensionId"] == "cn-ann70-suspension")!.AsObject();
        Assert.Equal(("2025-11-10", "2026-11-09"), ((string)s["from"]!, (string)s["through"]!));
        Assert.False(s.ContainsKey("to"));
        // the last day is suspended; the day after the licence is back
        var last = await server.GetJson("/api/v1/controls/check?from=CN&to=DE&element=Ho&date=2026-11-09");
        var after = await server.GetJson("/api/v1/controls/check?from=CN&to=DE&element=Ho&date=2026-11-10");
        Assert.Equal(("noLicenceRequired", "licenceRequired"), ((string)last["outcome"]!, (string)after["outcome"]!));
    }

    [Fact]
    public async Task Screening_lines_accounts_for_every_line()
    {
        // line 2: the magnets above (licence required); line 3: the same on 2025-04-03 (none); line 4: a bad date.
        const string csv = "from,to,date,hs,element,colour\nCN,US,2025-05-01,8505.11,Dy,red\nCN,US,2025-04-03,8505.11,Dy,blue\nCN,US,2025-13-01,8505.11,Dy,\n";
        using var r = await server.Http.PostAsync("/api/v1/controls/screen", ServerFixture.Body(csv, "text/csv"));
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, body);
        var d = JsonNode.Parse(body)!;
        Assert.Equal((3, 2, 1, true), ((int)d["inputLines"]!, (int)d["screened"]!, (int)d["rejected"]!, (bool)d["balanced"]!));
        Assert.Equal(["licenceRequired", "noLicenceRequired"], d["results"]!.AsArray().Select(x => (string)x!["outcome"]!));
        Assert.Equal([2, 3], d["results"]!.AsArray().Select(x => (int)x!["line"]!));
        var reject = d["rejects"]![0]!;
        Assert.Equal((4, "date"), ((int)reject["line"]!, (string)reject["field"]!));
        Assert.Equal("colour", (string?)d["ignoredColumns"]![0]);
        Assert.Equal(1, (int)d["byOutcome"]!["licenceRequired"]!);
    }

    [Fact]
    public async Task Screening_takes_json_shipments_too()
    {
        const string json = """{"shipments": [{"from": "CN", "to": "US", "date": "2025-05-01", "hs": "8505.11", "element": "Dy"}, {"from": "CHN", "to": "US", "date": "2025-05-01"}]}""";
        using var r = await server.Http.PostAsync("/api/v1/controls/screen", ServerFixture.Body(json, "application/json"));
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, body);
        var d = JsonNode.Parse(body)!;
        Assert.Equal("licenceRequired", (string?)d["results"]![0]!["outcome"]);
        Assert.Equal("from", (string?)d["rejects"]![0]!["field"]);
        Assert.Contains("CHN", (string?)d["rejects"]![0]!["reason"]);
    }

    [Fact]
    public async Task Deadlines_show_the_end_of_the_announcement_70_suspension()
    {
        var d = await server.GetJson("/api/v1/controls/deadlines?from=2026-03-04&days=365");
        var end = d["deadlines"]!.AsArray().Single(x => (string?)x!["id"] == "cn-ann70-suspension")!;
        Assert.Equal(("2026-11-10", "suspensionEnds"), ((string)end["date"]!, (string)end["kind"]!));
        Assert.Contains("cn-ann57-rare-earths", end["affects"]!.AsArray().Select(x => (string)x!));
    }

    [Fact]
    public async Task Bad_query_fields_are_named_in_one_400()
    {
        using var r = await server.Http.GetAsync("/api/v1/controls/check?from=CHN&to=US&element=unobtainium&date=2025-02-30");
        var p = await ServerFixture.AssertProblem(r, 400);
        Assert.Contains("CHN", p["errors"]!["from"]![0]!.ToString());
        Assert.Contains("unobtainium", p["errors"]!["element"]![0]!.ToString());
        Assert.Contains("2025-02-30", p["errors"]!["date"]![0]!.ToString());
    }

    [Fact]
    public async Task A_scenario_must_be_a_shipped_name_never_a_path()
    {
        using var r = await server.Http.GetAsync("/api/v1/controls/deadlines?scenario=../../etc/x.yaml");
        var p = await ServerFixture.AssertProblem(r, 404);
        Assert.Equal("scenario", (string?)p["field"]);
        var ok = await server.GetJson("/api/v1/controls/deadlines?from=2026-03-04&days=365&scenario=controls-suspension-not-renewed");
        Assert.Equal("controls-suspension-not-renewed", (string?)ok["scenario"]);
    }

    [Fact]
    public async Task A_screening_file_without_a_required_column_or_of_the_wrong_type_is_refused()
    {
        using var r = await server.Http.PostAsync("/api/v1/controls/screen", ServerFixture.Body("from,date\nCN,2025-05-01\n", "text/csv"));
        var p = await ServerFixture.AssertProblem(r, 400);
        Assert.Equal("header", (string?)p["field"]);
        Assert.Contains("missing column 'to'", ServerFixture.Detail(p));
        using var x = await server.Http.PostAsync("/api/v1/controls/screen", ServerFixture.Body("<xml/>", "application/xml"));
        await ServerFixture.AssertProblem(x, 415);
    }
}
