using Microsoft.Playwright;

namespace Tariffscope.Server.Tests;

/// <summary>The trade pages in headless Chromium over the hand-made trade store of <see cref="TradeDataDir"/>.</summary>
public class TradeBrowserTests(TradeBrowserFixture server) : IClassFixture<TradeBrowserFixture>
{
    [SkippableFact]
    public async Task The_indicators_page_draws_the_series_and_tabulates_every_date()
    {
        var (page, errors) = await server.NewPage();
        await page.GotoAsync(server.Url("/indicators"));
        Assert.Equal("CN", await page.GetByLabel("Partners").InputValueAsync());
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("2025-03-31");
        await page.GetByLabel("truce-lapses-aug-2025").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compute indicators" }).ClickAsync();
        await page.Locator("svg.chart path[data-series]").First.WaitForAsync();
        Assert.Equal(2, await page.Locator("svg.chart path[data-series]").CountAsync());
        // the figures of IndicatorApiTests, worked by hand there: 16.6667% additional and 18.6667% total on 2025-01-01,
        // 36.6667% additional from 2025-03-04, over $1,500,000 of imports: shown as people read them, to one decimal
        var actual = page.Locator("table[data-scenario='actual']");
        var jan = await actual.Locator("tr", new() { HasTextString = "2025-01-01" }).InnerTextAsync();
        Assert.Contains("16.7%", jan);
        Assert.Contains("18.7%", jan);
        Assert.Contains("$1.5 m", jan);
        Assert.DoesNotContain("1,500,000", jan);
        Assert.Contains("36.7%", await actual.Locator("tr", new() { HasTextString = "2025-03-04" }).InnerTextAsync());
        Assert.Contains("scenario=actual%2Ctruce-lapses-aug-2025", page.Url);
        var path = BrowserFixture.ScreenshotPath("indicators.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task The_impact_page_runs_a_scenario_over_the_trade_data()
    {
        var (page, errors) = await server.NewPage();
        await page.GotoAsync(server.Url("/impact?scenario=truce-lapses-aug-2025&baseline=actual&date=2025-08-20&level=hs2"));
        var partners = page.Locator("table.partners");
        await partners.WaitForAsync();
        // see ScenarioImpactApiTests: China's flow falls, Vietnam's rises
        Assert.StartsWith("-", (await partners.Locator("tr", new() { HasTextString = "CN" }).Locator("td").Last.InnerTextAsync()).Trim());
        Assert.DoesNotContain("-", await partners.Locator("tr", new() { HasTextString = "VN" }).Locator("td").Last.InnerTextAsync());
        // the scenario form comes before the raw model box, and no table row is all zeros
        Assert.True(await page.EvaluateAsync<bool>("""
            () => !!(document.querySelector('section[aria-label="A scenario over the trade data"]')
              .compareDocumentPosition(document.querySelector('form[aria-label="Solve a model"]')) & Node.DOCUMENT_POSITION_FOLLOWING)
            """));
        var zeroRows = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main table tbody tr')]
              .filter(tr => { const cells = [...tr.querySelectorAll('td')]; return cells.length > 0 && cells.every(td => /^[-+]?\$?0(\.0+)?( bn)?%?$/.test(td.textContent.trim())); })
              .map(tr => tr.textContent)
            """);
        Assert.Empty(zeroRows);
        Assert.Empty(errors);
    }

    private static async Task<byte[]> Download(IPage page, ILocator button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path!);
    }

    [SkippableFact]
    public async Task Indicator_tables_download_as_csv_and_xlsx_with_numbers_and_the_chart_as_svg_and_png()
    {
        var (page, errors) = await server.NewPage();
        await page.GotoAsync(server.Url("/indicators?partner=CN&from=2025-01-01&to=2025-03-31&scenario=actual"));
        var table = page.Locator("table[data-scenario='actual']");
        await table.WaitForAsync();
        var bar = page.Locator(".downloads", new() { Has = page.Locator("button[data-download=csv]") }).First;

        // CSV: the figures as numbers (1500000, 0.366667…), not as shown ($1.5 m, 36.7%)
        var csv = System.Text.Encoding.UTF8.GetString(await Download(page, bar.Locator("button[data-download=csv]")));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("From,Imports,Additional,Total", lines[0]);
        var march = lines.Single(l => l.StartsWith("2025-03-04,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(1_500_000m, decimal.Parse(march[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0.366667m, Math.Round(decimal.Parse(march[2], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture), 6));

        // XLSX: a zip whose sheet holds the same number as a number cell
        var xlsx = await Download(page, bar.Locator("button[data-download=xlsx]"));
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx)))
        {
            using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            var xml = await sheet.ReadToEndAsync();
            Assert.Contains("<v>1500000</v>", xml);
            Assert.Contains("2025-03-04", xml);
        }

        // the chart: SVG text and a PNG image
        var chartBar = page.Locator(".downloads", new() { Has = page.Locator("button[data-download=svg]") }).First;
        var svg = System.Text.Encoding.UTF8.GetString(await Download(page, chartBar.Locator("button[data-download=svg]")));
        Assert.StartsWith("<svg", svg.TrimStart());
        Assert.Contains("data-series", svg);
        var png = await Download(page, chartBar.Locator("button[data-download=png]"));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task The_scenario_diff_weighs_lines_by_trade_and_downloads()
    {
        var (page, errors) = await server.NewPage();
        await page.GotoAsync(server.Url("/scenarios?a=actual&b=truce-lapses-aug-2025&date=2025-08-20&origin=CN"));
        var caption = page.Locator("caption", new() { HasTextString = "largest duty at stake first" });
        await caption.WaitForAsync();
        // valves from China: $1,000,000 of imports, 24 points more if the truce lapses: $240,000 a year
        var row = await page.Locator("tr", new() { HasTextString = "8481.80.50" }).InnerTextAsync();
        Assert.Contains("$1.0 m", row);
        Assert.Contains("$240,000.00", row);
        Assert.True(await page.Locator("button[data-download=xlsx]").CountAsync() >= 2); // by measure and by line
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task At_375_pixels_no_table_is_clipped()
    {
        foreach (var path in new[] { "/indicators?partner=CN&from=2025-01-01&to=2025-03-31&scenario=actual&by=partner",
                     "/scenarios?a=actual&b=truce-lapses-aug-2025&date=2025-08-20&origin=CN" })
        {
            var (page, errors) = await server.NewPage(375, 740);
            await page.GotoAsync(server.Url(path));
            await page.Locator("main table").First.WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            // a table wider than its box would be cut off at the box's edge (or scrolled out of sight)
            var clipped = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('main table')]
                  .filter(t => t.scrollWidth > (t.closest('.table-wrap') ?? t.parentElement).clientWidth + 1)
                  .map(t => (t.querySelector('caption')?.textContent ?? 'table') + ': ' + t.scrollWidth)
                """);
            Assert.True(clipped.Length == 0, $"{path}: clipped at 375px: {string.Join("; ", clipped)}");
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0);
            Assert.Empty(errors);
            await page.CloseAsync();
        }
    }
}
