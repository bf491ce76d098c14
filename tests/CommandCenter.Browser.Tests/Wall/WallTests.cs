using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Browser.Tests.Support;
using CommandCenter.Web.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommandCenter.Browser.Tests.Wall;

/// <summary>The wall in a real Chromium at the video wall's size.</summary>
public sealed class WallTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string ReceivedThisHour = "() => document.getElementById('cc-trend-24h')?.data?.[0]?.y?.at(-1) ?? -1";

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task Wall_ShowsANewCaseWithoutReload_AndFitsWithoutScrollbars(int width, int height)
    {
        var page = await app.SignedInPageAsync("leader", width, height);
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) refused.Add(message.Text);
        };
        await BrowserApp.OpenAsync(page, "/wall");
        var receivedBefore = await page.Locator("[data-tile='Received'] h3").InnerTextAsync();
        await page.WaitForFunctionAsync($"() => ({ReceivedThisHour})() >= 0");
        var trendBefore = await page.EvaluateAsync<int>(ReceivedThisHour);

        using var http = app.ApiAs("admin");
        var response = await http.PostAsJsonAsync("/api/cases", new
        {
            channel = "ResidentQr", categoryCode = "0201", urgency = "Urgent", courtyardId = 2, description = "小区健身器材松动，有安全隐患",
            reporterName = "赵丽华", reporterPhone = "13912345678",
        });
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();

        await Assertions.Expect(page.Locator($"[data-case='{number}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-tile='Received'] h3")).Not.ToHaveTextAsync(receivedBefore);
        await page.WaitForFunctionAsync($"() => ({ReceivedThisHour})() > {trendBefore}");
        Assert.Equal(24, await page.EvaluateAsync<int>("() => document.getElementById('cc-trend-24h').data[0].x.length"));
        var overflow = await page.EvaluateAsync<bool>(
            "() => document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight");
        Assert.False(overflow);
        // The wall never shows who reported: not the name, not the phone, not even masked.
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("赵丽华", text);
        Assert.DoesNotContain("5678", text);
        // The security policy lets Blazor, MudBlazor and Plotly do all of the above.
        Assert.Empty(refused);
        // The server's own view agrees: every open wall acknowledged the newest figures, so none counts as gone quiet.
        await Task.Delay(WallLiveness.BehindAfter + TimeSpan.FromSeconds(1));
        var liveness = app.Services.GetRequiredService<WallLiveness>();
        Assert.True(liveness.Open > 0);
        Assert.Equal(0, liveness.Behind());
        await BrowserApp.ScreenshotAsync(page, $"wall-{width}");
    }

    [Fact]
    public async Task Wall_SurvivesAServerRestart_AndShowsCasesMadeAfterIt()
    {
        // An unattended wall player: opened once with its display token, no sign-in.
        var page = await app.NewPageAsync(1920, 1080);
        await BrowserApp.OpenAsync(page, $"/wall?access_token={app.DisplayToken()}");

        await app.RestartServerAsync();
        using var http = app.ApiAs("admin");
        var response = await http.PostAsJsonAsync("/api/cases", new
        {
            channel = "GridPatrol", categoryCode = "0102", urgency = "Normal", courtyardId = 5, description = "重启后上报：楼道堆放杂物",
        });
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();

        await Assertions.Expect(page.Locator("[data-tile='Received']")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator($"[data-case='{number}'], [data-marker='{number}']").First).ToBeAttachedAsync(new() { Timeout = 60_000 });
    }
}
