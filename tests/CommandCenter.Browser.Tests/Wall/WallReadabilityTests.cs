using CommandCenter.Browser.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Browser.Tests.Wall;

/// <summary>
/// The wall as a duty officer reads it from 3 m on a 65-inch panel, measured from the DOM.
/// Running text is every rendered element inside the wall with text of its own: HTML text, the
/// map's labels and the charts' axis labels (SVG text). Decorative marks carry no text (bars,
/// markers, courtyard circles, legend swatches) and are not measured. Rows a list pushes out of
/// its panel because they do not fit are not shown, so they are not "cut".
/// </summary>
public sealed class WallReadabilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>The type floor at 1080 lines; it scales with the screen height.</summary>
    private const double FloorAt1080 = 24;

    /// <summary>
    /// A 65-inch 16:9 panel is 1.44 m wide: from 3 m it spans 27°, about 1,620 pixels at the eye's
    /// one arc-minute, whatever the panel's own resolution.
    /// </summary>
    private const int WidthSeenAtThreeMetres = 1620;

    private const string TextElements = """
        () => [...document.querySelectorAll('.cc-wall *')].filter(el => {
            if (!el.getClientRects().length) return false;
            const style = getComputedStyle(el);
            if (style.visibility !== 'visible' || style.display === 'none' || +style.opacity === 0) return false;
            return [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
        })
        """;

    private const string Describe = "el => `${el.tagName.toLowerCase()} \"${el.textContent.trim().slice(0, 30)}\"`";

    [Theory]
    [InlineData("/wall", 1920, 1080)]
    [InlineData("/wall", 3840, 2160)]
    [InlineData("/wall/community/4", 1920, 1080)]
    [InlineData("/wall/community/4", 3840, 2160)]
    public async Task Wall_HasNoTextBelowTheFloor_NothingCut_AndNoOverlappingMapLabels(string path, int width, int height)
    {
        var page = await app.SignedInPageAsync("leader", width, height);
        await BrowserApp.OpenAsync(page, path);
        await page.WaitForFunctionAsync("() => ['24h', '7d'].every(n => document.querySelector(`#cc-trend-${n} .xtick text`))");

        // Taken before the checks, so a failure leaves the picture of it.
        var name = path.Replace('/', '-').TrimStart('-');
        await BrowserApp.ScreenshotAsync(page, $"{name}-readable-{width}");
        await ScreenshotAsSeenAtThreeMetresAsync(page, $"{name}-3m-{width}");

        var floor = FloorAt1080 * height / 1080;
        var small = await page.EvaluateAsync<string[]>($$"""
            floor => ({{TextElements}})().filter(el => {
                const size = parseFloat(getComputedStyle(el).fontSize);
                // SVG text is drawn in its view box's units: scale it to screen pixels.
                const scale = el instanceof SVGElement ? el.getScreenCTM().d : 1;
                return size * scale < floor - 0.5;
            }).map(el => `${({{Describe}})(el)} ${(parseFloat(getComputedStyle(el).fontSize) * (el instanceof SVGElement ? el.getScreenCTM().d : 1)).toFixed(1)}px`)
            """, floor);
        Assert.Empty(small);

        var cut = await page.EvaluateAsync<string[]>($$"""
            () => ({{TextElements}})().filter(el => {
                const range = document.createRange();
                range.selectNodeContents(el);
                const text = el instanceof SVGElement ? el.getBoundingClientRect() : range.getBoundingClientRect();
                const clips = [];
                for (let a = el.parentElement; a; a = a.parentElement) {
                    const style = getComputedStyle(a);
                    if (style.overflowX !== 'visible' || style.overflowY !== 'visible' || a.tagName === 'svg') clips.push(a.getBoundingClientRect());
                }
                clips.push(new DOMRect(0, 0, innerWidth, innerHeight));
                const inside = c => text.left >= c.left - 0.5 && text.right <= c.right + 0.5 && text.top >= c.top - 0.5 && text.bottom <= c.bottom + 0.5;
                const apart = c => text.right <= c.left || text.left >= c.right || text.bottom <= c.top || text.top >= c.bottom;
                return !clips.some(apart) && !clips.every(inside);
            }).map({{Describe}})
            """);
        Assert.Empty(cut);

        var overlapping = await page.EvaluateAsync<string[]>("""
            () => {
                const labels = [...document.querySelectorAll('[data-map-label]')].map(el => ({ text: el.textContent, box: el.getBoundingClientRect() }));
                const pairs = [];
                labels.forEach((a, i) => labels.slice(i + 1).forEach(b => {
                    if (a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom) pairs.push(`${a.text} / ${b.text}`);
                }));
                return pairs;
            }
            """);
        Assert.Empty(overlapping);
        Assert.True(await page.Locator("[data-map-label]").CountAsync() >= 3, "the map names at least the places that matter most");

        var scrolls = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight");
        Assert.False(scrolls, "the wall fits the screen without scrollbars");
        if (path.StartsWith("/wall/community/", StringComparison.Ordinal))
        {
            // Every courtyard of the community is listed whole, with its open cases and its archive's counts, never a name of a person.
            var rows = page.Locator("[data-courtyard-archive] [data-courtyard]");
            Assert.True(await rows.CountAsync() >= 2, "the community's courtyards are listed");
            var unseen = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('[data-courtyard-archive] [data-courtyard] > *')].filter(el => {
                    const panel = el.closest('[data-courtyard-archive]').getBoundingClientRect(), box = el.getBoundingClientRect();
                    return box.bottom > panel.bottom + 0.5 || box.right > panel.right + 0.5;
                }).map(el => el.textContent.trim())
                """);
            Assert.Empty(unseen);
            Assert.Equal(5, await page.Locator("[data-courtyard-archive] [data-courtyard]").First.Locator("[data-figure]").CountAsync());
        }

    }

    [Fact]
    public async Task OutageOverlay_SaysWhatItIsDoing_InTypeReadAcrossTheRoom()
    {
        var page = await app.SignedInPageAsync("leader", 1920, 1080);
        await BrowserApp.OpenAsync(page, "/wall");
        const string Status = "#cc-reconnect-status";

        // What Blazor's reconnection display does: a class on the dialog and an event with the attempt and countdown.
        await Reconnection(page, "show", 0, 0);
        await Reconnection(page, "retrying", 3, 4);
        await Assertions.Expect(page.Locator(Status)).ToHaveTextAsync("第 3 次重连 · 4 秒后再试");
        await Reconnection(page, "retrying", 3, 0);
        await Assertions.Expect(page.Locator(Status)).ToHaveTextAsync("第 3 次重连 · 正在连接……");

        var size = await page.Locator(Status).EvaluateAsync<double>("el => parseFloat(getComputedStyle(el).fontSize)");
        Assert.True(size >= 1.5 * FloorAt1080, $"the overlay's status is {size}px");
        await BrowserApp.ScreenshotAsync(page, "wall-outage-1920");
    }

    private static Task Reconnection(IPage page, string state, int attempt, int seconds) =>
        page.EvaluateAsync("""
            ([state, attempt, seconds]) => {
                const dialog = document.getElementById('components-reconnect-modal');
                if (state === 'show') dialog.classList.add('components-reconnect-show');
                if (state === 'retrying') dialog.classList.add('components-reconnect-retrying');
                dialog.dispatchEvent(new CustomEvent('components-reconnect-state-changed', { bubbles: true, detail: { state, currentAttempt: attempt, secondsToNextAttempt: seconds } }));
            }
            """, new object[] { state, attempt, seconds });

    /// <summary>The screenshot scaled to the pixels a viewer at 3 m resolves, for a person to look at.</summary>
    private async Task ScreenshotAsSeenAtThreeMetresAsync(IPage wall, string name)
    {
        var png = await wall.ScreenshotAsync();
        var height = WidthSeenAtThreeMetres * 9 / 16;
        var page = await app.NewPageAsync(WidthSeenAtThreeMetres, height);
        await page.SetContentAsync($"<body style='margin:0'><img style='width:{WidthSeenAtThreeMetres}px;height:{height}px;display:block' src='data:image/png;base64,{Convert.ToBase64String(png)}'></body>");
        await page.Locator("img").EvaluateAsync("img => img.decode()");
        await BrowserApp.ScreenshotAsync(page, name);
        await page.Context.CloseAsync();
    }
}
