using CommandCenter.Browser.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Browser.Tests.Console;

/// <summary>Signing in and out as a person does, in Chinese.</summary>
public sealed class SignInTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AWrongPassword_IsSaidInChinese_ThenTheRightOneOpensTheConsole_AndSignOutEndsIt()
    {
        var page = await app.NewPageAsync(1280, 800);
        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Commit });
        await BrowserApp.SentToSignInAsync(page);

        await page.Locator("#cc-user").FillAsync("dispatcher");
        await page.Locator("#cc-password").FillAsync("not-the-password");
        await page.Locator("form.cc-account-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-login-message]")).ToContainTextAsync("用户名或密码不正确");
        await Assertions.Expect(page.Locator("#cc-user")).ToHaveValueAsync("dispatcher");
        await BrowserApp.ScreenshotAsync(page, "sign-in-refused");

        await BrowserApp.SignInAsync(page, "dispatcher");
        await page.Locator("[data-circuit=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("[data-signed-in='Dispatcher']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-nav='admin']")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "console-signed-in");

        await page.Locator("form.cc-logout button[type=submit]").ClickAsync();
        await BrowserApp.SentToSignInAsync(page);
        await page.GotoAsync("/intake", new() { WaitUntil = WaitUntilState.Commit });
        await BrowserApp.SentToSignInAsync(page);
    }
}
