using Microsoft.Playwright;
using Tariffscope.Tests;

namespace Tariffscope.Server.Tests;

/// <summary>
/// The server plus Debian's headless Chromium driven by Playwright (never a downloaded browser: the machine is
/// offline). Tests skip with a plain message where /usr/bin/chromium is absent.
/// </summary>
public class BrowserFixture : ServerFixture
{
    public const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowserContext? _context;
    private string? _profile;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!File.Exists(Chromium)) return;
        _playwright = await Playwright.CreateAsync();
        _profile = Directory.CreateTempSubdirectory("tariffscope-chromium-").FullName; // a new, empty profile
        _context = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
            ViewportSize = new ViewportSize { Width = 1000, Height = 740 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
    }

    public override async Task DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
        _playwright?.Dispose();
        if (_profile is not null) try { Directory.Delete(_profile, recursive: true); } catch (IOException) { }
        await base.DisposeAsync();
    }

    /// <summary>A new tab at the given size; every console error and page error it shows is collected (a CSP
    /// violation shows as one).</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPage(int width = 1000, int height = 740)
    {
        Skip.If(_context is null, $"{Chromium} is absent: the browser tests need Debian's chromium (apt-get install chromium); skipped.");
        var page = await _context!.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.SetViewportSizeAsync(width, height);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        return (page, errors);
    }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>Where screenshots go: docs/screenshots when TARIFFSCOPE_UPDATE_SCREENSHOTS=1 (to refresh the README's
    /// pictures), else the test output folder.</summary>
    public static string ScreenshotPath(string name)
    {
        var dir = Environment.GetEnvironmentVariable("TARIFFSCOPE_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(SharedData.RepoRoot(), "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
