using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Tariffscope.Server.Tests;

[Collection(ServerCollection.Name)]
public class ScheduleAndScenarioApiTests(ServerFixture server)
{
    [Fact]
    public async Task Search_finds_lithium_ion_batteries_by_description()
    {
        var s = await server.GetJson("/api/v1/schedule/search?q=lithium-ion&date=2025-08-01");
        Assert.Equal("8507.60.00", (string)s["lines"]![0]!["code"]!);
    }

    [Fact]
    public async Task Search_by_code_prefix_lists_the_lines_under_it()
    {
        var s = await server.GetJson("/api/v1/schedule/search?q=7326&date=2025-08-01");
        Assert.All(s["lines"]!.AsArray(), l => Assert.StartsWith("7326", (string)l!["code"]!));
        Assert.Contains(s["lines"]!.AsArray(), l => (string)l!["code"]! == "7326.90.86");
    }

    /// <summary>HTS 2025 prints 7326.90.86 with a general rate of 2.9% and a column 2 rate of 45%.</summary>
    [Fact]
    public async Task Show_gives_the_line_with_its_rates_as_printed_and_read()
    {
        var l = await server.GetJson("/api/v1/schedule/lines/73269086?date=2025-08-01");
        Assert.Equal("7326.90.86", (string)l["code"]!);
        Assert.Equal("2.9%", (string)l["general"]!["printed"]!);
        Assert.Equal("45%", (string)l["other"]!["printed"]!);
        Assert.Contains(l["path"]!.AsArray(), p => (string?)p!["code"] == "7326");
    }

    [Fact]
    public async Task Show_of_a_heading_that_is_not_a_line_points_at_the_lines_under_it()
    {
        using var r = await server.Http.GetAsync("/api/v1/schedule/lines/7326.90.99?date=2025-08-01");
        var p = await ServerFixture.AssertProblem(r, 404);
        Assert.Contains("7326", ServerFixture.Detail(p));
    }

    [Fact]
    public async Task Scenarios_list_the_actual_timeline_and_the_shipped_what_ifs()
    {
        var list = (await server.GetJson("/api/v1/scenarios")).AsArray().Select(s => (string)s!["name"]!).ToList();
        Assert.Equal("actual", list[0]);
        Assert.Contains("truce-lapses-aug-2025", list);
        Assert.Contains("escalation-returns", list);
    }

    [Fact]
    public async Task Show_scenario_gives_its_overrides()
    {
        var s = await server.GetJson("/api/v1/scenarios/truce-lapses-aug-2025");
        Assert.Equal("actual", (string)s["inherits"]!);
        var removed = s["overrides"]!["removeSuspensions"]!.AsArray().Select(x => (string)x!).ToList();
        Assert.Contains("us-stockholm-extension", removed);
        Assert.Contains("us-busan-extension", removed);
    }

    /// <summary>
    /// The truce-lapses scenario only removes suspensions of the reciprocal duty (24 points): on 20 August 2025 every
    /// line that differs differs by that measure alone, and by at most 24 points (less where Section 232 covers part).
    /// </summary>
    [Fact]
    public async Task Diff_attributes_the_difference_to_the_reciprocal_duty_alone()
    {
        var d = await server.GetJson("/api/v1/diff?a=actual&b=truce-lapses-aug-2025&date=2025-08-20&origin=CN");
        Assert.True((int)d["linesCompared"]! > 10);
        Assert.True((int)d["linesDiffering"]! > 0);
        var byMeasure = d["byMeasure"]!.AsArray();
        Assert.Equal("us-ieepa-reciprocal-cn", (string)byMeasure.Single()!["measure"]!);
        Assert.All(d["lines"]!.AsArray(), l => Assert.InRange((decimal)l!["difference"]!, 0.0001m, 0.24m));
        Assert.Equal(0.24m, (decimal)d["lines"]![0]!["difference"]!);
    }

    [Fact]
    public async Task Health_and_index_say_what_is_served()
    {
        var h = await server.GetJson("/healthz");
        Assert.Equal("ok", (string)h["status"]!);
        var index = await server.GetJson("/api/v1");
        Assert.True((bool)index["features"]!["quote"]!);
        Assert.True((bool)index["features"]!["timeline"]!);
        Assert.True((bool)index["features"]!["batch"]!);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        foreach (var path in new[] { "/", "/api/v1/scenarios", "/js/app.js", "/api/v1/nope" })
        {
            using var r = await server.Http.GetAsync(path);
            var csp = r.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self';", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", r.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Dashboard_pages_are_the_shell_and_its_scripts_are_modules()
    {
        foreach (var page in new[] { "/", "/quote", "/timeline", "/deadlines", "/scenarios", "/indicators", "/batch", "/impact", "/controls" })
        {
            using var r = await server.Http.GetAsync(page);
            Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
            var html = await r.Content.ReadAsStringAsync();
            Assert.Contains("<html lang=\"en\">", html);
            Assert.Contains("<main id=\"main\"", html);
            Assert.DoesNotContain("<script>", html); // no inline script: the CSP forbids it
        }
        using var js = await server.Http.GetAsync("/js/chart.js");
        Assert.Equal("text/javascript", js.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_api_reference_page_is_served_at_docs()
    {
        using var r = await server.Http.GetAsync("/docs/");
        Assert.Equal(200, (int)r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains("Tariffscope API", html);
        var csp = r.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Matches("script-src 'self' 'nonce-[^']+'", csp);
    }
}
