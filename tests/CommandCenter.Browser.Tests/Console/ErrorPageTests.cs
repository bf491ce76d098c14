using CommandCenter.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommandCenter.Browser.Tests.Console;

/// <summary>When something breaks, the person sees the app's own page in their language: one sentence, a way back, no internals.</summary>
public sealed class ErrorPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("zh-CN", "出了点问题", "服务器未能完成请求，请稍后再试。", "返回工作台")]
    [InlineData("en-US", "Something went wrong", "The server could not complete the request. Try again later.", "Back to the queues")]
    public async Task AFault_ShowsTheAppsErrorPage_InTheUsersLanguage_WithoutInternals(string culture, string title, string sentence, string back)
    {
        var page = await app.NewPageAsync(1440, 900, culture);

        var response = await page.GotoAsync(FaultPathForTests.Path, new() { WaitUntil = WaitUntilState.Commit });

        Assert.Equal(500, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.Locator("main p")).ToHaveTextAsync(sentence);
        await Expect(page.Locator("main a[href='/']")).ToHaveTextAsync(back);
        await Expect(page.Locator($"main a[href='{FaultPathForTests.Path}']")).ToBeVisibleAsync();
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain(FaultPathForTests.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, $"error-500-{culture}");
    }

    [Fact]
    public async Task ALostConnection_ShowsTheAppsBar_WithAWayBack()
    {
        var page = await app.SignedInPageAsync("dispatcher", 1440, 900);
        await BrowserApp.OpenAsync(page, "/cases");

        // What blazor.web.js does when the circuit fails for good.
        await page.EvaluateAsync("() => document.getElementById('blazor-error-ui').style.display = 'block'");

        var bar = page.Locator("#blazor-error-ui");
        await Expect(bar).ToBeVisibleAsync();
        await Expect(bar).ToContainTextAsync("系统出现问题，请刷新页面后重试。");
        await Expect(bar.Locator("a.reload")).ToHaveTextAsync("刷新");
        Assert.EndsWith("/cases", await bar.Locator("a.reload").GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Equal("flex", await bar.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        await BrowserApp.ScreenshotAsync(page, "error-circuit-bar-1440");
    }
}
