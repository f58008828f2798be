using Microsoft.Playwright;

namespace Tariffscope.Server.Tests;

/// <summary>The state of play: the API answer, and the dashboard's landing page that draws it.</summary>
public sealed class StateOfPlayTests(BrowserFixture server) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// Hand-worked for 1 July 2025 (the fixture's today): China's goods owe the IEEPA fentanyl duty at 20% (EO 14195
    /// 10%, raised by EO 14228 to 20%) and the reciprocal duty at 34% with 24 points suspended by EO 14298 (Geneva),
    /// so 10%. That suspension ended on 11 August and EO 14334 took over from 12 August 2025, 42 days away: the
    /// handover is listed once, as the extension (the end that an extension takes over changes nothing).
    /// </summary>
    [Fact]
    public async Task The_answer_gives_chinas_duties_and_the_next_deadlines()
    {
        var d = await server.GetJson("/api/v1/state-of-play?partners=CN,MX");
        var cn = d["partners"]!.AsArray().Single(p => (string)p!["partner"]! == "CN")!["rules"]!.AsArray();
        Assert.Equal("20%", (string)cn.Single(r => (string)r!["measure"]! == "us-ieepa-fentanyl-cn")!["rate"]!);
        var reciprocal = cn.Single(r => (string)r!["measure"]! == "us-ieepa-reciprocal-cn")!;
        Assert.Equal("10%", (string)reciprocal["rate"]!);
        Assert.Contains("24 points suspended through 2025-08-11", (string)reciprocal["suspension"]!);
        var next = d["next"]!.AsArray();
        Assert.Contains(next, e => (string)e!["date"]! == "2025-08-12" && (int)e["daysAway"]! == 42 && ((string)e["title"]!).Contains("EO 14334"));
        Assert.DoesNotContain(next, e => ((string)e!["what"]!).Contains("an extension takes over"));
        Assert.All(next, e => Assert.True((int)e!["daysAway"]! >= 0));
    }

    [SkippableFact]
    public async Task The_landing_page_shows_rules_countdowns_and_the_feeds()
    {
        var (page, errors) = await server.NewPage(375, 740);
        await page.GotoAsync(server.Url("/"));
        await page.Locator("table.play-rules").WaitForAsync();
        Assert.Equal("State of play", await page.Locator("main h1").InnerTextAsync());
        // EO 14266 paused the country rates for 90 days from 9 April 2025, through 8 July; EO 14316 extended the pause
        // of Vietnam's 46% Annex I rate (36 points above the 10% baseline) from 9 July 2025, 8 days after the fixture's today.
        Assert.Contains("in 8 days", await page.Locator(".deadline", new() { HasTextString = "Vietnam" }).First.InnerTextAsync());
        Assert.Contains("10%", await page.Locator("table.play-rules tr", new() { HasTextString = "CN" }).First.InnerTextAsync());
        Assert.Equal("/api/v1/changes.atom", await page.Locator("a", new() { HasTextString = "Atom" }).GetAttributeAsync("href"));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the 375px screen");
        var path = BrowserFixture.ScreenshotPath("state-of-play.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Type = ScreenshotType.Png });
        Assert.InRange(new FileInfo(path).Length, 1_000, 150_000);
        Assert.Empty(errors);
    }
}
