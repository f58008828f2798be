using System.Net.Http.Headers;

namespace Tariffscope.Server.Tests;

/// <summary>Every way a request can be wrong gets a 4xx problem+json that says what was wrong; never a 500.</summary>
[Collection(ServerCollection.Name)]
public class BadRequestTests(ServerFixture server)
{
    [Fact]
    public async Task Malformed_json_on_a_post_is_a_400_naming_where()
    {
        using var r = await server.Http.PostAsync("/api/v1/quote", ServerFixture.Body("{\"code\": \"7326.90.86\", \"origin\": ", "application/json"));
        var p = await ServerFixture.AssertProblem(r, 400);
        Assert.Equal("Malformed JSON", (string?)p["title"]);
        Assert.Contains("line 1", ServerFixture.Detail(p));
    }

    [Fact]
    public async Task An_unknown_field_in_the_json_body_is_refused_by_name()
    {
        using var r = await server.Http.PostAsync("/api/v1/quote", ServerFixture.Body("{\"code\": \"7326.90.86\", \"origin\": \"CN\", \"metalshare_\": 0.6}", "application/json"));
        var p = await ServerFixture.AssertProblem(r, 400);
        Assert.Contains("metalshare_", ServerFixture.Detail(p));
    }

    [Fact]
    public async Task A_json_body_of_the_wrong_type_is_a_400()
    {
        using var r = await server.Http.PostAsync("/api/v1/quote", ServerFixture.Body("{\"code\": \"7326.90.86\", \"origin\": \"CN\", \"value\": \"lots\"}", "application/json"));
        var p = await ServerFixture.AssertProblem(r, 400);
        Assert.Contains("value", ServerFixture.Detail(p));
    }

    [Fact]
    public async Task An_unknown_code_is_a_404_saying_which_code()
    {
        using var r = await server.Http.GetAsync("/api/v1/quote?code=9999.99.99&origin=CN&date=2025-08-01");
        var p = await ServerFixture.AssertProblem(r, 404);
        Assert.Equal("code", (string?)p["field"]);
        Assert.Contains("9999.99.99", ServerFixture.Detail(p));
    }

    [Fact]
    public async Task A_bad_date_and_a_bad_country_are_named_in_one_400()
    {
        using var r = await server.Http.GetAsync("/api/v1/quote?code=7326.90.86&origin=CHN&date=2025-13-01");
        var p = await ServerFixture.AssertProblem(r, 400);
        Assert.Contains("2025-13-01", p["errors"]!["date"]![0]!.ToString());
        Assert.Contains("CHN", p["errors"]!["origin"]![0]!.ToString());
        Assert.Contains("YYYY-MM-DD", ServerFixture.Detail(p));
    }

    [Fact]
    public async Task A_missing_code_is_a_400_with_an_example()
    {
        using var r = await server.Http.GetAsync("/api/v1/quote?origin=CN");
        var p = await ServerFixture.AssertProblem(r, 400);
        Assert.Contains("required", p["errors"]!["code"]![0]!.ToString());
    }

    [Fact]
    public async Task A_date_before_the_schedule_is_a_404_saying_when_it_starts()
    {
        using var r = await server.Http.GetAsync("/api/v1/quote?code=7326.90.86&origin=CN&date=2020-01-01");
        var p = await ServerFixture.AssertProblem(r, 404);
        Assert.Contains("2025-01-01", ServerFixture.Detail(p));
    }

    [Theory]
    [InlineData("/api/v1/quote?code=7326.90.86&origin=CN&scenario=no-such-thing", "scenario")]
    [InlineData("/api/v1/timeline?code=7326.90.86&origin=CN&scenarios=no-such-thing", "scenarios")]
    [InlineData("/api/v1/deadlines?scenario=no-such-thing", "scenario")]
    [InlineData("/api/v1/diff?b=no-such-thing&date=2025-08-20", "b")]
    [InlineData("/api/v1/scenarios/no-such-thing", "name")]
    public async Task An_unknown_scenario_is_a_404_listing_the_known_ones(string path, string field)
    {
        using var r = await server.Http.GetAsync(path);
        var p = await ServerFixture.AssertProblem(r, 404);
        Assert.Equal(field, (string?)p["field"]);
        Assert.Contains("truce-lapses-aug-2025", ServerFixture.Detail(p));
    }

    [Fact]
    public async Task The_wrong_content_type_is_a_415_saying_which_is_expected()
    {
        using var r = await server.Http.PostAsync("/api/v1/quote", ServerFixture.Body("code=7326.90.86", "application/x-www-form-urlencoded"));
        var p = await ServerFixture.AssertProblem(r, 415);
        Assert.Contains("application/json", ServerFixture.Detail(p));
    }

    [Fact]
    public async Task An_oversized_json_body_is_a_413()
    {
        var big = "{\"code\": \"" + new string('7', 70_000) + "\"}";
        using var r = await server.Http.PostAsync("/api/v1/quote", ServerFixture.Body(big, "application/json"));
        var p = await ServerFixture.AssertProblem(r, 413);
        Assert.Contains("at most", ServerFixture.Detail(p));
    }

    [Fact]
    public async Task An_oversized_upload_is_a_413_before_the_file_is_read()
    {
        var bytes = new byte[20 * 1024 * 1024 + 1];
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/lists/s301-list3") { Content = content };
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        // as a careful client of a large upload does: the server answers from the headers, the body is never sent
        request.Headers.ExpectContinue = true;
        using var r = await server.Http.SendAsync(request);
        var p = await ServerFixture.AssertProblem(r, 413);
        Assert.Contains("20,971,521 bytes", ServerFixture.Detail(p));
    }

    [Fact]
    public async Task An_oversized_upload_sent_in_chunks_is_a_413_too()
    {
        // no Content-Length: the limit is enforced while reading
        var stream = new MemoryStream(new byte[21 * 1024 * 1024]);
        using var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/lists/s301-list3") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        using var r = await server.Http.SendAsync(request);
        await ServerFixture.AssertProblem(r, 413);
    }

    [Fact]
    public async Task An_unknown_route_and_a_wrong_method_are_problems_too()
    {
        using var r1 = await server.Http.GetAsync("/api/v1/no-such-endpoint");
        await ServerFixture.AssertProblem(r1, 404);
        using var r2 = await server.Http.DeleteAsync("/api/v1/quote");
        await ServerFixture.AssertProblem(r2, 405);
    }

    [Theory]
    [InlineData("/api/v1/timeline?code=7326.90.86&origin=CN&from=2025-09-01&to=2025-01-01")]
    [InlineData("/api/v1/deadlines?days=0")]
    [InlineData("/api/v1/deadlines?days=many")]
    [InlineData("/api/v1/changes")]
    [InlineData("/api/v1/schedule/search?q=")]
    [InlineData("/api/v1/schedule/search?q=steel&limit=100000")]
    [InlineData("/api/v1/schedule/lines/not-a-code")]
    [InlineData("/api/v1/quote?code=7326.90.86&origin=CN&metalShare=1.5")]
    [InlineData("/api/v1/quote?code=7326.90.86&origin=CN&qty=5")]
    public async Task Out_of_range_and_missing_parameters_are_400s(string path)
    {
        using var r = await server.Http.GetAsync(path);
        var p = await ServerFixture.AssertProblem(r, 400);
        Assert.NotNull(p["errors"]);
    }

    [Fact]
    public async Task A_path_outside_the_dashboard_files_is_not_served()
    {
        foreach (var path in new[] { "/../Tariffscope.Server.dll", "/%2e%2e/%2e%2e/etc/passwd", "/js/../../appsettings.json", "/dashboard/index.html" })
        {
            using var r = await server.Http.GetAsync(path);
            Assert.Equal(404, (int)r.StatusCode);
        }
    }
    [Theory]
    [InlineData("{\"code\": \"8471.30.01.00\", \"origin\": \"CN\", \"date\": \"2025-08-13\", \"value\": 70000000000000000000000000000}", "value")]
    [InlineData("{\"code\": \"2204.21.50\", \"origin\": \"FR\", \"date\": \"2025-05-01\", \"quantities\": [{\"amount\": 79000000000000000000000000000, \"unit\": \"liters\"}]}", "quantities[0].amount")]
    public async Task A_value_too_large_to_rate_is_a_400_naming_the_field(string body, string field)
    {
        // before: OverflowException, answered 500
        using var r = await server.Http.PostAsync("/api/v1/quote", ServerFixture.Body(body, "application/json"));
        var p = await ServerFixture.AssertProblem(r, 400);
        Assert.Contains(field, p.ToJsonString());
    }

    [Fact]
    public async Task A_value_too_large_in_the_query_is_a_400()
    {
        using var r = await server.Http.GetAsync("/api/v1/quote?code=8471.30.01.00&origin=CN&date=2025-08-13&qty=70000000000000000000000000000&unit=kg");
        var p = await ServerFixture.AssertProblem(r, 400);
        Assert.Contains("qty[0]", p.ToJsonString());
    }
    [Theory]
    [InlineData("/api/v1/timeline?code=7326.90.86&origin=CN&from=9999-12-31", "from")]
    [InlineData("/api/v1/timeline?code=7326.90.86&origin=CN&from=2025-01-01&to=9999-12-31", "to")]
    [InlineData("/api/v1/deadlines?from=9999-12-31", "from")]
    [InlineData("/api/v1/controls/deadlines?from=9999-12-31", "from")]
    [InlineData("/api/v1/controls/timeline?from=CN&to=US&hs=8505.11&fromDate=0001-01-01", "fromDate")]
    [InlineData("/api/v1/quote?code=7326.90.86&origin=CN&date=9999-12-31", "date")]
    public async Task Dates_at_the_ends_of_the_calendar_are_a_400_naming_the_field(string path, string field)
    {
        // before: 500 (windows and deadlines counted from 9999-12-31 ran off the calendar)
        using var r = await server.Http.GetAsync(path);
        var p = await ServerFixture.AssertProblem(r, 400);
        Assert.Contains($"{field}: expected a date from 1900-01-01 to 2199-12-31", ServerFixture.Detail(p));
    }
}
