using CommandCenter.Browser.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Browser.Tests.Admin;

/// <summary>An administrator edits a time limit on the policy page, in a real Chromium.</summary>
public sealed class PolicyPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task EditingAPolicy_SavesANewRevision_AndRefusesAnInvalidOneInChinese()
    {
        var page = await app.SignedInPageAsync("admin");
        await BrowserApp.OpenAsync(page, "/admin/policies");
        await Assertions.Expect(page.Locator("[data-edit]")).ToHaveCountAsync(12);

        await page.Locator("[data-edit='5']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-form='edit']")).ToBeVisibleAsync();
        await page.Locator("input[data-field='handling'], [data-field='handling'] input").FillAsync("600");
        await page.Keyboard.PressAsync("Tab");
        await page.Locator("[data-action='save-policy']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-message='saved']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr:has([data-edit='5']) [data-cell='revision']")).ToHaveTextAsync("2");

        await page.Locator("[data-edit='5']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-form='edit']")).ToBeVisibleAsync();
        await page.Locator("input[data-field='signFor'], [data-field='signFor'] input").FillAsync("700");
        await page.Keyboard.PressAsync("Tab");
        await page.Locator("[data-action='save-policy']").ClickAsync();

        await Assertions.Expect(page.Locator("[data-message='error']")).ToContainTextAsync("签收时限必须短于处置时限");
        await BrowserApp.ScreenshotAsync(page, "admin-policies");
    }
}
