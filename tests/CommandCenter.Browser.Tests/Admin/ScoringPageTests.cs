using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Browser.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Browser.Tests.Admin;

/// <summary>An administrator decides on the scoring page whether 默认满意 counts as satisfied, in a real Chromium.</summary>
public sealed class ScoringPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task TheDefaultSatisfiedSwitch_SavesTheStreetsSetting_BothWays()
    {
        var api = app.ApiAs("admin");
        var before = await SettingAsync(api);
        var page = await app.SignedInPageAsync("admin");
        await BrowserApp.OpenAsync(page, "/admin/scoring");
        var toggle = page.Locator("input[data-field='defaultSatisfiedCounts'], [data-field='defaultSatisfiedCounts'] input");
        await Assertions.Expect(toggle).ToBeCheckedAsync(new() { Checked = before });

        await toggle.ClickAsync();
        await Assertions.Expect(page.Locator("[data-message='saved']")).ToContainTextAsync("默认满意");
        await Assertions.Expect(toggle).ToBeCheckedAsync(new() { Checked = !before });
        Assert.Equal(!before, await SettingAsync(api));

        await toggle.ClickAsync();
        await Assertions.Expect(page.Locator("[data-message='saved']")).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToBeCheckedAsync(new() { Checked = before });
        Assert.Equal(before, await SettingAsync(api));
    }

    private static async Task<bool> SettingAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/assessment/settings")).GetProperty("defaultSatisfiedCounts").GetBoolean();
}
