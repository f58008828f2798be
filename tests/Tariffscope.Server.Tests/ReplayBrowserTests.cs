using Microsoft.Playwright;
using Tariffscope.Tests;

namespace Tariffscope.Server.Tests;

/// <summary>The replay page in headless Chromium: docs/examples/replay-sample.csv uploaded, its figures shown as the
/// API gives them; pasted lines with a bad origin shown as a reject. Screenshot: docs/screenshots/replay.png.</summary>
public class ReplayBrowserTests(BrowserFixture server) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// The sample's entries are the hand-worked cases of tests/Tariffscope.Data.Tests/Replay/EntryReplayTests.cs, judged
    /// on 2026-05-01: AB1-0000001-1 refunds its IEEPA layers 1,000 + 500 = 1,500 (EO 14228, EO 14298), MPF at the FY2025
    /// minimum 32.71 (89 FR 59126), HMF 0.125% × 5,000 = 6.25, liquidation 2025-05-20 + 314 days = 2026-03-30 (est.),
    /// protest by + 180 days = 2026-09-26 (19 U.S.C. 1514); AB1-0000002-9 refunds 2,000 + 1,000 = 3,000 with its
    /// reciprocal duty under the pre-Geneva heading 9903.01.63 (WrongHeading); MX7-0000003-4 refunds the 2,500 of IEEPA
    /// duty on a USMCA claim (MissedExemption, EO 14227); AB1-0000004-2 of 2026-03-20 has no IEEPA layer and pays the
    /// FY2026 MPF maximum 651.50 (90 FR 34665) and HMF 0.125% × 250,000 = 312.50. IEEPA refundable: 1,500 + 3,000 +
    /// 2,500 = 7,000.00. Fees: 32.71 + 6.25 + 34.64 + 12.50 + 0 + 651.50 + 312.50 + 32.71 + 1.25 = 1,084.06.
    /// </summary>
    [SkippableFact]
    public async Task Replay_page_uploads_the_sample_and_shows_the_refundable_duty_fees_flags_and_dates()
    {
        var (page, errors) = await server.NewPage();
        await page.GotoAsync(server.Url("/replay"));
        await page.Locator("input[type=file]").SetInputFilesAsync(Path.Combine(SharedData.RepoRoot(), "docs", "examples", "replay-sample.csv"));
        await page.GetByLabel("Refund status as of (optional)").FillAsync("2026-05-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay the entries" }).ClickAsync();
        var result = page.Locator(".replay-summary");
        await result.WaitForAsync();

        Assert.Contains("5 lines read = 5 replayed + 0 rejected", await result.InnerTextAsync());
        Assert.Equal("$7,000.00", await result.Locator("dd.refundable").InnerTextAsync());
        Assert.Contains("$1,084.06", await result.Locator("dl.figures").InnerTextAsync());

        var entries = page.Locator("table.entries");
        Assert.Equal(5, await entries.Locator("tbody tr").CountAsync());
        var first = await entries.Locator("tbody tr", new() { HasTextString = "AB1-0000001-1" }).InnerTextAsync();
        foreach (var figure in new[] { "$3,630.00", "$1,500.00", "$32.71", "$6.25", "2026-03-30 (est.)", "2026-09-26", "CAPE" }) Assert.Contains(figure, first);
        var late = await entries.Locator("tbody tr", new() { HasTextString = "AB1-0000004-2" }).InnerTextAsync();
        foreach (var figure in new[] { "$131,500.00", "$651.50", "$312.50" }) Assert.Contains(figure, late);
        var mexicoRow = entries.Locator("tbody tr", new() { HasTextString = "MX7-0000003-4" });
        Assert.Equal("$0.00", await mexicoRow.Locator("td").Nth(4).InnerTextAsync()); // MPF: USMCA lines are left out of its base
        Assert.Equal("\u2014", await mexicoRow.Locator("td").Nth(5).InnerTextAsync()); // HMF: ocean cargo only, this came by truck
        var mexico = await mexicoRow.InnerTextAsync();
        Assert.Contains("$2,500.00", mexico);
        Assert.Contains("2026-09-30", mexico); // the liquidation given, 2026-04-03, + 180 days
        Assert.DoesNotContain("(est.)", mexico);

        var flagged = page.Locator("table.flagged");
        Assert.Equal(1, await flagged.Locator("tbody tr", new() { HasTextString = "AB1-0000002-9" }).Filter(new() { HasTextString = "WrongHeading" }).CountAsync());
        Assert.Equal(1, await flagged.Locator("tbody tr", new() { HasTextString = "MX7-0000003-4" }).Filter(new() { HasTextString = "MissedExemption" }).CountAsync());
        Assert.Equal(0, await page.Locator("table.rejects").CountAsync());
        Assert.Equal(0, await page.Locator("table:not(:has(caption))").CountAsync()); // every table is captioned

        await page.SetViewportSizeAsync(1180, 900); // the totals and the entries with their routes in one picture
        await page.Locator(".replay-summary").EvaluateAsync("e => e.scrollIntoView()");
        var path = BrowserFixture.ScreenshotPath("replay.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Type = ScreenshotType.Png });
        Assert.InRange(new FileInfo(path).Length, 1_000, 150_000);
        Assert.Empty(errors);
    }

    /// <summary>The same sample as a workbook (dates as date cells, amounts as numbers, empty cells left out), read by the page itself:
    /// the same 7,000.00 refundable and 1,084.06 of fees as worked above.</summary>
    [SkippableFact]
    public async Task Replay_page_reads_the_sample_as_an_xlsx_workbook()
    {
        var (page, errors) = await server.NewPage();
        await page.GotoAsync(server.Url("/replay"));
        var csv = File.ReadAllLines(Path.Combine(SharedData.RepoRoot(), "docs", "examples", "replay-sample.csv"));
        var header = csv[0].Split(',');
        var rows = csv.Skip(1).Select(l => header.Zip(l.Split(','), (k, v) => new KeyValuePair<string, object?>(k,
            v == "" ? null : k.EndsWith("_date", StringComparison.Ordinal) ? DateTime.Parse(v, System.Globalization.CultureInfo.InvariantCulture)
            : k == "entered_value" || k.StartsWith("duty_", StringComparison.Ordinal) ? decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : v))
            .ToDictionary()).ToArray();
        var xlsx = Path.Combine(Path.GetTempPath(), $"tariffscope-replay-{Guid.NewGuid():N}.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(xlsx, rows);
        try
        {
            await page.Locator("input[type=file]").SetInputFilesAsync(xlsx);
            await page.GetByLabel("Refund status as of (optional)").FillAsync("2026-05-01");
            await page.GetByRole(AriaRole.Button, new() { Name = "Replay the entries" }).ClickAsync();
            await page.Locator(".replay-summary, .result .alert").First.WaitForAsync();
            var alerts = await page.Locator(".result .alert").AllInnerTextsAsync();
            Assert.True(alerts.Count == 0, string.Join("; ", alerts));
            var result = page.Locator(".replay-summary");
            Assert.Contains("5 lines read = 5 replayed + 0 rejected", await result.InnerTextAsync());
            Assert.Equal("$7,000.00", await result.Locator("dd.refundable").InnerTextAsync());
            Assert.Contains("$1,084.06", await result.Locator("dl.figures").InnerTextAsync());
            // the liquidation date given as a date cell: 2026-04-03 + 180 days
            Assert.Contains("2026-09-30", await page.Locator("table.entries tbody tr", new() { HasTextString = "MX7-0000003-4" }).InnerTextAsync());
            Assert.Empty(errors);
        }
        finally { File.Delete(xlsx); }
    }

    /// <summary>The first sample line pasted twice, once with the origin "QQ" (no such country): 2 read = 1 + 1, the
    /// reject names its line and field; the line that stays refunds its 1,500 (as above). At 375 px nothing overflows.</summary>
    [SkippableFact]
    public async Task Pasted_lines_with_a_bad_origin_show_the_reject_and_the_page_fits_a_phone()
    {
        var (page, errors) = await server.NewPage(375, 740);
        await page.GotoAsync(server.Url("/replay"));
        const string good = "AB1-0000001-1,2025-05-20,ocean,4202.92.31.20,CN,5000,9903.88.03,1250.00,9903.01.24,1000.00,9903.01.25,500.00";
        await page.GetByLabel("Or paste the lines (CSV with a header row)").FillAsync(
            "entry_number,entry_date,mode,hts,country_of_origin,entered_value,heading_1,duty_1,heading_2,duty_2,heading_3,duty_3\n"
            + good + "\n" + good.Replace("AB1-0000001-1", "AB1-0000009-9").Replace(",CN,", ",QQ,") + "\n");
        await page.GetByLabel("Refund status as of (optional)").FillAsync("2026-05-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay the entries" }).ClickAsync();
        var result = page.Locator(".replay-summary");
        await result.WaitForAsync();
        Assert.Contains("2 lines read = 1 replayed + 1 rejected", await result.InnerTextAsync());
        Assert.Equal("$1,500.00", await result.Locator("dd.refundable").InnerTextAsync());
        Assert.Equal("2", await page.Locator("table.rejects tbody tr td").First.InnerTextAsync()); // the second row under the header
        var reject = await page.Locator("table.rejects tbody tr").InnerTextAsync();
        Assert.Contains("pasted lines", reject);
        Assert.Contains("country_of_origin", reject);
        Assert.Contains("QQ", reject);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the replay page is {overflow}px wider than the 375px screen");
        Assert.Empty(errors);
    }
}
