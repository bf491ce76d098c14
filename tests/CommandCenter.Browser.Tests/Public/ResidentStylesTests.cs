using CommandCenter.Browser.Tests.Support;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CommandCenter.Browser.Tests.Public;

/// <summary>
/// The residents' pages bring their own slim stylesheet (public.css, a part of the kit's, written by
/// scripts/public-css.py) instead of the kit's whole one: nothing they show may be left without its style.
/// </summary>
public sealed class ResidentStylesTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    /// <summary>
    /// Every element's computed style with the page's slim sheet, then with the kit's whole sheet in its place (same
    /// position in the cascade): the elements that would look different, described. The slim sheet is put back.
    /// </summary>
    private const string Compare = """
        async () => {
            const props = ['display', 'position', 'color', 'background-color', 'font-size', 'font-weight', 'line-height',
                'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'margin-top', 'margin-bottom', 'border-top-width',
                'border-top-style', 'border-top-color', 'border-radius', 'box-shadow', 'text-transform', 'letter-spacing', 'opacity',
                'flex-direction', 'align-items', 'justify-content', 'gap', 'text-align', 'overflow', 'cursor', 'white-space'];
            // Settled first: no focus, no transition or ripple running from the last tap (a spinner runs on, it has no end).
            document.activeElement?.blur();
            // A transition that starts in between (a button enabled by the last input) would be caught halfway: none run here.
            const still = document.createElement('style');
            still.textContent = '*, *::before, *::after { transition: none !important; }';
            document.head.appendChild(still);
            await new Promise(frame => requestAnimationFrame(() => requestAnimationFrame(frame)));
            await Promise.all(document.getAnimations().filter(a => a.effect?.getComputedTiming().endTime !== Infinity).map(a => a.finished.catch(() => null)));
            const elements = [...document.querySelectorAll('body *')].filter(e => !e.closest('#blazor-error-ui, script, style, .mud-ripple-effect'));
            // An element the page re-rendered away meanwhile has no style to compare.
            const snap = () => elements.map(e => { const s = getComputedStyle(e); return e.isConnected ? props.map(p => s.getPropertyValue(p)) : null; });
            const swap = (from, to) => new Promise(done => { to.onload = done; from.replaceWith(to); });
            const slimLink = [...document.querySelectorAll('link[rel=stylesheet]')].find(l => l.getAttribute('href').startsWith('public'));
            const slim = snap();
            const response = await fetch('/_content/MudBlazor/MudBlazor.min.css');
            if (!response.ok) throw new Error(`the kit's stylesheet: ${response.status}`);
            const kitStyle = document.createElement('style');
            kitStyle.textContent = await response.text();
            slimLink.replaceWith(kitStyle);
            const kit = snap();
            await swap(kitStyle, slimLink.cloneNode());
            still.remove();
            return elements.flatMap((e, i) => slim[i] === null || kit[i] === null ? [] : props
                .filter((p, j) => slim[i][j] !== kit[i][j])
                .map((p, j) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${p}: ${slim[i][props.indexOf(p)]} ≠ ${kit[i][props.indexOf(p)]}`));
        }
        """;

    [Fact]
    public async Task ResidentPages_LookTheSameWithTheSlimSheetAsWithTheKits()
    {
        var page = await app.NewPageAsync(390, 844);
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var courtyard = directory.Courtyards.OrderBy(c => c.Id).Skip(5).First();
        var differences = new List<string>();
        async Task LookAsync(string step)
        {
            await page.Mouse.MoveAsync(1, 1);
            differences.AddRange((await page.EvaluateAsync<string[]>(Compare)).Select(d => $"{step}: {d}"));
        }

        await BrowserApp.OpenAsync(page, $"/r/{directory.Streets.Single().Code}{courtyard.Id.Value:0000}");
        var sheets = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.getAttribute('href'))");
        Assert.DoesNotContain(sheets, s => s.Contains("MudBlazor", StringComparison.Ordinal));
        await LookAsync("groups");
        await page.Locator("[data-category-group='01']").ClickAsync();
        await LookAsync("items");
        await page.Locator("[data-category='0102']").ClickAsync();
        await page.Locator("[data-submit]").ClickAsync();
        await LookAsync("refused");
        await page.Locator("[data-field=description]").FillAsync("5 栋门口堆放建筑垃圾，占了半条路");
        await BrowserApp.PickFilesAsync(page.Locator("[data-field=photos]"), new FilePayload { Name = "IMG_0002.jpg", MimeType = "image/jpeg", Buffer = Photo() });
        await Expect(page.Locator("[data-photo]")).ToHaveCountAsync(1);
        // The photo shows before it is read; the send button is enabled once it is, and must not change mid-compare.
        await Expect(page.Locator("[data-submit]")).ToBeEnabledAsync();
        await LookAsync("filled");
        await page.Locator("[data-submit]").ClickAsync();
        await page.Locator("[data-tracking-code]").WaitForAsync(new() { Timeout = 30_000 });
        await LookAsync("receipt");
        await page.Locator("[data-follow-own]").ClickAsync();
        await Expect(page.Locator("[data-tracking]")).ToBeVisibleAsync();
        await LookAsync("tracking");
        await BrowserApp.ScreenshotAsync(page, "resident-tracking-slim");

        output.WriteLine(string.Join("\n", differences));
        Assert.True(differences.Count == 0, $"{differences.Count} differences (run scripts/public-css.py):\n{string.Join("\n", differences.Take(40))}");
    }

    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(64, 48);
        bitmap.Erase(SKColors.SaddleBrown);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 80).ToArray();
    }
}
