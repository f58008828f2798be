using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Tariffscope.Server.Tests;

/// <summary>The dashboard in headless Chromium: each page loads without errors, a quote shows its layers, the
/// timeline draws its chart, the pages work at 375 px and from the keyboard. Screenshots go to docs/screenshots.</summary>
public class DashboardBrowserTests(BrowserFixture server) : IClassFixture<BrowserFixture>
{
    private static async Task Shot(IPage page, string name, string? scrollTo = null)
    {
        if (scrollTo is not null) await page.Locator(scrollTo).First.EvaluateAsync("e => e.scrollIntoView()");
        var path = BrowserFixture.ScreenshotPath(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Type = ScreenshotType.Png });
        Assert.InRange(new FileInfo(path).Length, 1_000, 150_000);
    }

    /// <summary>The steel article of QuoteApiTests (worked by hand there): $8,190.00, 81.9%, five layers.</summary>
    [SkippableFact]
    public async Task A_permalink_reproduces_the_quote_and_shows_the_layer_table()
    {
        var (page, errors) = await server.NewPage();
        await page.GotoAsync(server.Url("/quote?code=7326.90.86&origin=CN&date=2025-08-01&value=10000&metalShare=0.6"));
        var table = page.Locator("table.layers");
        await table.WaitForAsync();
        Assert.Equal(5, await table.Locator("tbody tr").CountAsync());
        Assert.Contains("$8,190.00", await table.Locator("tfoot").InnerTextAsync());
        Assert.Contains("81.9%", await table.Locator("tfoot").InnerTextAsync());
        Assert.Contains("9903.88.03", await table.InnerTextAsync());
        Assert.Equal(1, await page.Locator("tr[data-measure='us-ieepa-reciprocal-cn']", new() { HasTextString = "10% on 40%" }).CountAsync());
        await Shot(page, "quote.png", ".result h2");
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task A_quote_asked_through_the_form_after_a_code_search_updates_the_permalink()
    {
        var (page, errors) = await server.NewPage();
        await page.GotoAsync(server.Url("/quote"));
        await page.GetByLabel("Find a code by description").FillAsync("7326.90.86");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.Locator(".search-results button", new() { HasTextString = "7326.90.86" }).First.ClickAsync(); // the 8-digit line comes first
        Assert.Equal("7326.90.86", await page.GetByLabel("Tariff code").InputValueAsync());
        await page.GetByLabel("Entry date").FillAsync("2025-08-01");
        await page.GetByText("More: metal share").ClickAsync();
        await page.GetByLabel("Metal share").FillAsync("0.6");
        await page.GetByLabel("Metal share").PressAsync("Enter"); // the keyboard submits the form
        await page.Locator("table.layers tfoot", new() { HasTextString = "$8,190.00" }).WaitForAsync();
        Assert.Contains("code=7326.90.86", page.Url);
        Assert.Contains("metalShare=0.6", page.Url);
        Assert.Contains("/quote?", await page.Locator(".permalink a").GetAttributeAsync("href"));
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task An_unknown_code_shows_the_servers_explanation()
    {
        var (page, _) = await server.NewPage();
        await page.GotoAsync(server.Url("/quote?code=9999.99.99&origin=CN&date=2025-08-01"));
        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        Assert.Contains("9999.99.99 is not a line", await alert.InnerTextAsync());
    }

    [SkippableFact]
    public async Task The_timeline_draws_a_step_chart_per_scenario_and_the_slider_shows_the_layers_of_a_day()
    {
        var (page, errors) = await server.NewPage();
        await page.GotoAsync(server.Url("/timeline?code=7326.90.86&origin=CN&from=2025-01-01&to=2026-06-30&value=10000&metalShare=0.6&scenarios=actual&scenarios=truce-lapses-aug-2025"));
        var paths = page.Locator("svg.chart path[data-series]");
        await paths.First.WaitForAsync();
        Assert.Equal(2, await paths.CountAsync());
        Assert.Matches("^M[0-9.]+,[0-9.]+H", await paths.First.GetAttributeAsync("d") ?? "");
        Assert.True(await page.Locator("svg.chart .marker").CountAsync() >= 3);
        await Shot(page, "timeline.png", ".result h2");

        // the day picker: 2025-08-20, when the two scenarios part (81.9% against 91.5%, see CalendarAndTimelineApiTests)
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync("2025-08-20");
        await page.GetByLabel("Date", new() { Exact = true }).DispatchEventAsync("change");
        var captions = await page.Locator("table.layers caption").AllInnerTextsAsync();
        Assert.Contains(captions, c => c.StartsWith("actual on 2025-08-20: 81.9%"));
        Assert.Contains(captions, c => c.StartsWith("truce-lapses-aug-2025 on 2025-08-20: 91.5%"));

        // the chart answers the keyboard: arrows move between changes and the day follows
        await page.Locator("svg.chart").FocusAsync();
        var before = await page.GetByLabel("Date", new() { Exact = true }).InputValueAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.NotEqual(before, await page.GetByLabel("Date", new() { Exact = true }).InputValueAsync());
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task Deadlines_count_down_to_each_change()
    {
        var (page, errors) = await server.NewPage();
        await page.GotoAsync(server.Url("/deadlines?from=2025-07-01&days=120&origin=CN&importer=US"));
        var items = page.Locator(".deadline-list > li");
        await items.First.WaitForAsync();
        Assert.True(await items.CountAsync() >= 3);
        Assert.Contains("in 42 days", await page.Locator(".deadline", new() { HasTextString = "2025-08-12" }).First.InnerTextAsync());
        await Shot(page, "deadlines.png", ".result h2");
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task The_scenarios_page_compares_two_scenarios()
    {
        var (page, errors) = await server.NewPage();
        await page.GotoAsync(server.Url("/scenarios?a=actual&b=truce-lapses-aug-2025&date=2025-08-20&origin=CN"));
        await page.Locator("table", new() { HasTextString = "Lines that differ" }).WaitForAsync();
        Assert.Contains("IEEPA reciprocal duty on China", await page.Locator("table").First.InnerTextAsync());
        await Shot(page, "scenarios.png", ".result h2");
        Assert.Empty(errors);
    }

    [SkippableTheory]
    [InlineData("indicators")]
    [InlineData("impact")]
    [InlineData("game")]
    public async Task Without_trade_data_the_trade_pages_say_how_to_import_it(string page_)
    {
        var (page, errors) = await server.NewPage();
        await page.GotoAsync(server.Url("/" + page_));
        await page.Locator(".placeholder").WaitForAsync();
        Assert.Contains("tariffscope data import-trade", await page.Locator(".placeholder").InnerTextAsync());
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task The_controls_page_checks_a_shipment_screens_lines_and_lists_deadlines()
    {
        var (page, errors) = await server.NewPage();
        await page.GotoAsync(server.Url("/controls"));
        // the deadlines panel fills itself from today's date
        await page.Locator("form[aria-label='Control deadlines']").WaitForAsync();

        // the form's defaults are the magnets of ControlApiTests: licence required under Announcement No. 18 of 2025
        await page.GetByLabel("Date of export").FillAsync("2025-05-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        await page.Locator("h3.outcome").WaitForAsync();
        Assert.StartsWith("Licence required: CN → US on 2025-05-01", await page.Locator("h3.outcome").InnerTextAsync());
        Assert.Contains("cn-ann18-magnets", await page.Locator("table.rules").InnerTextAsync());
        Assert.Contains("from=CN", page.Url);

        // the sample lines: two screened, one rejected for its date
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen lines" }).ClickAsync();
        await page.Locator("table.screened").WaitForAsync();
        Assert.Contains("3 lines = 2 screened + 1 rejected", await page.Locator("form[aria-label='Screen shipment lines'] + .result").InnerTextAsync());
        Assert.Contains("2025-13-01", await page.Locator("table.rejects").InnerTextAsync());

        await page.GetByLabel("From", new() { Exact = true }).Last.FillAsync("2026-03-04");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show deadlines" }).ClickAsync();
        await page.Locator("table.deadlines", new() { HasTextString = "2026-11-10" }).WaitForAsync();
        Assert.Contains("cn-ann70-suspension", await page.Locator("table.deadlines").InnerTextAsync());
        await Shot(page, "controls.png", "h3.outcome");
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task The_impact_page_solves_the_example_model()
    {
        var (page, errors) = await server.NewPage();
        await page.GotoAsync(server.Url("/impact"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Solve model" }).ClickAsync();
        var welfare = page.Locator("table.welfare");
        await welfare.WaitForAsync();
        Assert.Equal(4, await welfare.Locator("tbody tr").CountAsync()); // US, CN, VN and the total
        Assert.Contains("CN → US", await page.Locator("table.routes").InnerTextAsync());
        await Shot(page, "impact.png", "table.welfare");

        // a broken model: the server's explanation, naming the field
        await page.GetByLabel("Model (JSON)").FillAsync("{\"regions\": [\"US\"]}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Solve model" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        Assert.Contains("flows", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.All(errors, e => Assert.Contains("400", e)); // the browser logs the refused request, nothing else
    }

    [SkippableFact]
    public async Task Timeline_markers_do_not_overlap_the_title_names_the_partner_and_no_axis_label_is_cut()
    {
        var (page, errors) = await server.NewPage();
        // April 2025 brings changes days apart (5, 9, 10 April): their markers would sit on one another
        await page.GotoAsync(server.Url("/timeline?code=8481.80.50&origin=CN&from=2025-01-01&to=2026-06-30"));
        var chart = page.Locator("svg.chart");
        await chart.Locator("g.marker").First.WaitForAsync();
        Assert.Contains("from CN", await chart.Locator("title").First.TextContentAsync());
        var report = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            () => {
              const svg = document.querySelector('svg.chart');
              const circles = [...svg.querySelectorAll('g.marker circle')].map(c => ({ x: +c.getAttribute('cx'), y: +c.getAttribute('cy'), r: +c.getAttribute('r') }));
              let overlaps = 0;
              for (let i = 0; i < circles.length; i++) for (let j = i + 1; j < circles.length; j++) {
                const a = circles[i], b = circles[j];
                if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r) overlaps++;
              }
              const width = svg.viewBox.baseVal.width;
              const cut = [...svg.querySelectorAll('g.axis text')].filter(t => { const b = t.getBBox(); return b.x < 0 || b.x + b.width > width; }).length;
              const top = Math.min(...circles.map(c => c.y - c.r));
              return { markers: circles.length, overlaps, cut, top };
            }
            """);
        Assert.True(report.GetProperty("markers").GetInt32() >= 4);
        Assert.Equal(0, report.GetProperty("overlaps").GetInt32());
        Assert.Equal(0, report.GetProperty("cut").GetInt32());
        Assert.True(report.GetProperty("top").GetDouble() >= 0, "a marker row is drawn above the chart");
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task Batch_page_takes_an_xlsx_file_shows_progress_and_links_the_html_report()
    {
        var (page, errors) = await server.NewPage();
        await page.GotoAsync(server.Url("/batch"));
        var xlsx = Path.Combine(Path.GetTempPath(), $"tariffscope-entries-{Guid.NewGuid():N}.xlsx");
        // the same two lines as the CSV test, as a workbook with numbers as numbers: $8,190.00 + $1,500.00
        MiniExcelLibs.MiniExcel.SaveAs(xlsx, new[]
        {
            new Dictionary<string, object?> { ["code"] = "7326.90.86", ["origin"] = "CN", ["date"] = "2025-08-01", ["value"] = 10000, ["metal_share"] = 0.6 },
            new Dictionary<string, object?> { ["code"] = "8481.80.50", ["origin"] = "DE", ["date"] = "2025-09-01", ["value"] = 10000, ["metal_share"] = null },
        });
        try
        {
            await page.Locator("input[type=file]").SetInputFilesAsync(xlsx);
            await page.Locator("input[name=apiKey]").FillAsync(ServerFixture.ApiKey); // a batch is a write
            await page.GetByRole(AriaRole.Button, new() { Name = "Rate the file" }).ClickAsync();
            await page.Locator(".batch-summary").WaitForAsync();
            var text = await page.Locator(".batch-summary").InnerTextAsync();
            Assert.Contains("2 input lines = 2 rated + 0 rejected", text);
            Assert.Contains("$9,690.00", text);
            var report = await page.GetByText("Download the report").GetAttributeAsync("href");
            using var r = await server.SendWithKey(HttpMethod.Get, report!);
            Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
            var html = await r.Content.ReadAsStringAsync();
            Assert.Contains("<svg", html);
            Assert.Contains("9,690.00", html);
            Assert.Empty(errors);
        }
        finally { File.Delete(xlsx); }
    }

    [SkippableFact]
    public async Task Batch_page_uploads_a_file_and_downloads_the_result()
    {
        var (page, errors) = await server.NewPage();
        await page.GotoAsync(server.Url("/batch"));
        var csv = Path.Combine(Path.GetTempPath(), $"tariffscope-entries-{Guid.NewGuid():N}.csv");
        // Two good lines and one unknown code: 2 rated + 1 rejected.
        File.WriteAllText(csv, "code,origin,date,value,metal_share\n7326.90.86,CN,2025-08-01,10000,0.6\n8481.80.50,DE,2025-09-01,10000,\n9999.99.99,CN,2025-08-01,100,\n");
        try
        {
            await page.Locator("input[type=file]").SetInputFilesAsync(csv);
            await page.Locator("input[name=apiKey]").FillAsync(ServerFixture.ApiKey);
            await page.GetByRole(AriaRole.Button, new() { Name = "Rate the file" }).ClickAsync();
            await page.Locator(".batch-summary").WaitForAsync();
            var text = await page.Locator(".batch-summary").InnerTextAsync();
            Assert.Contains("3 input lines = 2 rated + 1 rejected", text);
            // 7326.90.86 from China on 2025-08-01 with 60% steel: $8,190.00 (worked by hand in the engine's golden tests);
            // 8481.80.50 from Germany on 2025-09-01: MFN 3% topped up to 15% = $1,500.00. Total $9,690.00.
            Assert.Contains("$9,690.00", text);
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Download the rated file").ClickAsync());
            var rated = await File.ReadAllTextAsync(await download.PathAsync());
            Assert.Contains("actual_total_duty", rated);
            Assert.Contains("8190", rated);
            await Shot(page, "batch.png");
            Assert.Empty(errors);
        }
        finally { File.Delete(csv); }
    }

    [SkippableFact]
    public async Task Every_page_works_at_375_pixels_with_labelled_inputs_and_landmarks()
    {
        foreach (var path in new[] { "/quote?code=7326.90.86&origin=CN&date=2025-08-01&metalShare=0.6", "/timeline?code=7326.90.86&origin=CN&from=2025-01-01&to=2026-06-30",
                     "/deadlines?from=2025-07-01", "/scenarios", "/indicators", "/controls", "/impact", "/game" })
        {
            var (page, errors) = await server.NewPage(375, 740);
            await page.GotoAsync(server.Url(path));
            await page.Locator("main h1").WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var report = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
                () => ({
                  overflow: document.documentElement.scrollWidth - window.innerWidth,
                  lang: document.documentElement.lang,
                  landmarks: ['header', 'nav', 'main', 'footer'].filter(t => document.querySelector(t)).length,
                  unlabelled: [...document.querySelectorAll('input, select, textarea')]
                    .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')).map(e => e.name || e.type),
                })
                """);
            var overflow = report.GetProperty("overflow").GetInt32();
            Assert.True(overflow <= 0, $"{path}: the page is {overflow}px wider than the 375px screen");
            Assert.Equal("en", report.GetProperty("lang").GetString());
            Assert.Equal(4, report.GetProperty("landmarks").GetInt32());
            var unlabelled = report.GetProperty("unlabelled").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.True(unlabelled.Count == 0, $"{path}: inputs without a label: {string.Join(", ", unlabelled)}");
            if (path.StartsWith("/quote", StringComparison.Ordinal))
            {
                await page.Locator("table.layers").WaitForAsync();
                await Shot(page, "quote-375.png", ".result h2");
            }
            Assert.Empty(errors);
            await page.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task The_keyboard_reaches_the_skip_link_first_and_focus_is_visible()
    {
        var (page, _) = await server.NewPage();
        await page.GotoAsync(server.Url("/deadlines?from=2025-07-01"));
        await page.Locator("main h1").WaitForAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);
    }
}
