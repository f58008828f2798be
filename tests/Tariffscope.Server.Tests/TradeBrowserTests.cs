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
        // 36.6667% additional from 2025-03-04
        var actual = page.Locator("table[data-scenario='actual']");
        var jan = await actual.Locator("tr", new() { HasTextString = "2025-01-01" }).InnerTextAsync();
        Assert.Contains("16.6667%", jan);
        Assert.Contains("18.6667%", jan);
        Assert.Contains("36.6667%", await actual.Locator("tr", new() { HasTextString = "2025-03-04" }).InnerTextAsync());
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
        Assert.Empty(errors);
    }
}
