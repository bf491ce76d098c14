using Microsoft.Playwright;

namespace CommandCenter.Benchmarks.Live;

/// <summary>Debian's Chromium driven by Playwright, launched as the browser tests launch it (no browser download).</summary>
internal sealed class Chromium : IAsyncDisposable
{
    private const string ExecutablePath = "/usr/bin/chromium";
    // A wall player shows one page in the foreground; here up to hundreds share one browser, and Chromium would treat
    // all but one as background tabs (renderer priority lowered, timers throttled), which is not what a wall sees.
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: scripts/test.sh installs Debian's chromium package.");
        var playwright = await Playwright.CreateAsync();
        return new Chromium(playwright, await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = Arguments }));
    }

    /// <summary>A browser context as a wall screen would have it: full-HD, on the app.</summary>
    public Task<IBrowserContext> NewContextAsync(Uri app) =>
        _browser.NewContextAsync(new() { BaseURL = app.ToString(), ViewportSize = new() { Width = 1920, Height = 1080 } });

    /// <summary>Opens the street's wall as a wall player does, with its display token, and waits until its circuit is live.</summary>
    public static async Task<IPage> OpenWallAsync(IBrowserContext context, BenchAccess access)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/wall?access_token={access.DisplaySecret}");
        await page.Locator("[data-circuit=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
