using System.Net.Http.Json;
using CommandCenter.Browser.Tests.Support;
using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommandCenter.Browser.Tests.Admin;

/// <summary>
/// An administrator puts a community's wall on a player with a display token, then takes it off again; and a
/// person's open page goes to the sign-in page when the administrator resets their password.
/// </summary>
public sealed class TokenPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task CommunityDisplayToken_OpensThatWallWithoutSignIn_AndRevokingItEndsTheOpenWall()
    {
        var community = app.Services.GetRequiredService<OrganisationDirectory>().Communities.OrderBy(c => c.Id).Last();
        var admin = await app.SignedInPageAsync("admin");
        await BrowserApp.OpenAsync(admin, "/admin/tokens");

        await admin.Locator("input[data-field='display-name'], [data-field='display-name'] input").FillAsync("二楼大厅屏");
        await admin.Locator("[data-field='display-scope']").ClickAsync();
        await admin.Locator(".mud-popover-open .mud-list-item", new() { HasText = community.Name }).ClickAsync();
        await admin.Locator("[data-action='create-display']").ClickAsync();
        var wallUrl = await admin.Locator("input[data-copy='wall-url'], [data-copy='wall-url'] input").InputValueAsync();
        Assert.StartsWith($"{app.Address}wall/community/{community.Id}?access_token=cc_", wallUrl, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(admin, "admin-tokens-issued");

        // The wall player: a browser of its own that has never signed in.
        var wall = await app.NewPageAsync(1920, 1080);
        await BrowserApp.OpenAsync(wall, wallUrl);
        await Assertions.Expect(wall.Locator(".cc-wall-title")).ToContainTextAsync(community.Name);
        await Assertions.Expect(wall.Locator("[data-tile='Received']")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(wall, "admin-tokens-wall");

        await admin.Locator("[data-action='close-issued']").ClickAsync();
        var row = admin.Locator("tr", new() { HasText = "二楼大厅屏" });
        await row.Locator("[data-revoke]").ClickAsync();
        var confirm = admin.Locator(".mud-dialog .mud-dialog-actions button", new() { HasText = "撤销" });
        await Assertions.Expect(admin.Locator(".mud-dialog")).ToContainTextAsync("二楼大厅屏");
        await BrowserApp.ScreenshotAsync(admin, "admin-tokens-confirm");
        await confirm.ClickAsync();
        await Assertions.Expect(row.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "revoked");
        await BrowserApp.ScreenshotAsync(admin, "admin-tokens-revoked");

        // Within the test app's 2 s revalidation the open circuit finds its token gone.
        await BrowserApp.SentToSignInAsync(wall);
        await Assertions.Expect(wall.Locator("[data-tile='Received']")).ToHaveCountAsync(0);

        await BrowserApp.OpenAsync(admin, "/admin/audit");
        await Assertions.Expect(admin.Locator("tbody tr").First.Locator("[data-action]")).ToHaveAttributeAsync("data-action", "TokenRevoked");
        await Assertions.Expect(admin.Locator("tbody tr").First).ToContainTextAsync("二楼大厅屏");
        await BrowserApp.ScreenshotAsync(admin, "admin-audit");
    }

    [Fact]
    public async Task AReset_SendsThePersonsOpenPage_ToTheSignInPage()
    {
        const string password = "Person-2026x";
        using var admin = app.ApiAs("admin");
        (await admin.PostAsJsonAsync("/api/admin/staff/",
            new StaffRequest("周敏", "13711112222", AccessRole.Dispatcher, null, null, null, "zhoumin", password))).EnsureSuccessStatusCode();
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, "zhoumin", password);
        await BrowserApp.OpenAsync(page, "/");

        (await admin.PostAsync("/api/admin/accounts/zhoumin/reset-password", null)).EnsureSuccessStatusCode();

        await BrowserApp.SentToSignInAsync(page);
    }
}
