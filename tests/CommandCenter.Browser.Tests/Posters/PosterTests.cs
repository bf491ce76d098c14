using System.Text;
using System.Text.RegularExpressions;
using CommandCenter.Browser.Tests.Support;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommandCenter.Browser.Tests.Posters;

/// <summary>The printable QR posters, on screen at about the width of an A4 sheet and printed to PDF.</summary>
public sealed partial class PosterTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private OrganisationDirectory Directory => app.Services.GetRequiredService<OrganisationDirectory>();

    [Theory]
    [InlineData("zh-CN", "扫码反映问题")]
    [InlineData("en-US", "Scan to report a problem")]
    public async Task CommunityPosters_ShowOnePosterPerCourtyard_AndPrintOnePagePerCourtyard(string culture, string headline)
    {
        var community = Directory.Communities.OrderBy(c => c.Id).First();
        var courtyards = Directory.Courtyards.Where(c => c.CommunityId == community.Id).OrderBy(c => c.Id).ToList();
        var page = await app.SignedInPageAsync("dispatcher", 880, 1240, culture);

        await BrowserApp.OpenAsync(page, $"/posters/community/{community.Id}");

        await Assertions.Expect(page.Locator("article.cc-poster")).ToHaveCountAsync(courtyards.Count);
        foreach (var courtyard in courtyards)
        {
            var poster = page.Locator($"[data-courtyard='{courtyard.Id}'] article");
            var code = $"CT{courtyard.Id.Value:0000}";
            await Assertions.Expect(poster.Locator(".cc-poster-qr svg")).ToBeVisibleAsync();
            await Assertions.Expect(poster).ToContainTextAsync(headline);
            await Assertions.Expect(poster).ToContainTextAsync(courtyard.Name);
            await Assertions.Expect(poster.Locator($"[data-code='{code}']")).ToBeVisibleAsync();
            await Assertions.Expect(poster.Locator(".cc-poster-url")).ToHaveTextAsync($"{app.Address}r/{code}");
            // The sheet clips what does not fit, so text that runs long in a language would be cut off the print.
            Assert.True(await poster.EvaluateAsync<bool>("a => a.scrollHeight <= a.clientHeight"), $"{code}'s poster overflows its sheet.");
        }
        await BrowserApp.ScreenshotAsync(page, $"poster-community-{culture}");

        var pdf = await page.PdfAsync(new()
        {
            Path = Path.Combine(BrowserApp.ScreenshotFolder, $"poster-community-{culture}.pdf"), PreferCSSPageSize = true, PrintBackground = true,
        });
        Assert.Equal(courtyards.Count, PageCount(pdf));
    }

    [Fact]
    public async Task CourtyardPoster_OffersTheCodeAsPngAndSvgDownloads()
    {
        var page = await app.SignedInPageAsync("dispatcher", 880, 1240);
        await BrowserApp.OpenAsync(page, "/posters/courtyard/12");

        var png = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-download=png]").ClickAsync());
        var svg = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-download=svg]").ClickAsync());

        Assert.Equal("CT0012.png", png.SuggestedFilename);
        Assert.Equal("CT0012.svg", svg.SuggestedFilename);
        await Assertions.Expect(page.Locator("article.cc-poster")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task UnknownCourtyard_IsNotFound()
    {
        var page = await app.SignedInPageAsync("dispatcher");

        var response = await page.GotoAsync("/posters/courtyard/9999", new() { WaitUntil = WaitUntilState.Commit });

        Assert.Equal(404, response!.Status);
    }

    /// <summary>Chromium writes each page as an uncompressed "/Type /Page" object.</summary>
    private static int PageCount(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page\b(?!s)")]
    private static partial Regex PageObject();
}
