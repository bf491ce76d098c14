using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Browser.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Browser.Tests.Console;

/// <summary>The dispatch console in a real Chromium: what a dispatcher sees and clicks.</summary>
public sealed class ConsoleTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Queues_OnFirstStart_ShowTheDemoCasesInChinese()
    {
        var page = await app.SignedInPageAsync("dispatcher");

        await BrowserApp.OpenAsync(page, "/cases");
        await page.Locator("[data-tab='Queue.All']").ClickAsync();

        await Assertions.Expect(page.Locator("tr.mud-table-row a[href^='/cases/']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-tab='CaseState.PendingDispatch']")).ToContainTextAsync("待派遣");
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.False(await HasHorizontalScrollbarAsync(page));
        await BrowserApp.ScreenshotAsync(page, "console-queues-zh");
    }

    [Fact]
    public async Task Case_TakenFromIntakeThroughAcceptAndDispatch_InTheConsole()
    {
        var id = await ReportAsync("5栋2单元楼道堆满杂物，堵塞通道");
        var page = await app.SignedInPageAsync("dispatcher");
        await BrowserApp.OpenAsync(page, $"/cases/{id}");
        await Assertions.Expect(page.Locator(".cc-command-bar [data-command]")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator(".cc-command-bar [data-command='AcceptAndDispatch']")).ToBeVisibleAsync();

        await RunCommandAsync(page, "Accept");
        await Assertions.Expect(page.Locator("h1 ~ * [data-state], [data-state]").First).ToHaveAttributeAsync("data-state", "PendingDispatch");

        await page.Locator(".cc-command-bar [data-command='Dispatch']").ClickAsync();
        await page.Locator(".mud-dialog [data-field='Field.UnitId'] .mud-radio").First.ClickAsync();
        await page.Locator(".mud-dialog-actions [data-command='Dispatch']").ClickAsync();

        await Assertions.Expect(page.Locator("[data-state]").First).ToHaveAttributeAsync("data-state", "Dispatched");
        // Signing is the handling unit's; the dispatch desk may urge it.
        await Assertions.Expect(page.Locator(".cc-command-bar [data-command='Supervise']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".cc-command-bar [data-command='Sign']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".cc-command-bar [data-command='Accept']")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "console-detail-dispatched");
    }

    [Fact]
    public async Task WrongArguments_AreRefusedWithAPlainChineseSentence_AndTheCaseIsUnchanged()
    {
        var id = await ReportAsync("路灯不亮");
        var page = await app.SignedInPageAsync("dispatcher");
        await BrowserApp.OpenAsync(page, $"/cases/{id}");

        await page.Locator(".cc-command-bar [data-command='Reject']").ClickAsync();
        await page.Locator(".mud-dialog-actions [data-command='Reject']").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-dialog .mud-input-error, .mud-dialog [data-error]").First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        using var http = app.ApiAs("admin");
        var detail = await http.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal("Reported", detail.GetProperty("state").GetString());
        Assert.Equal(1, detail.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task EnglishSwitch_ShowsTheConsoleInEnglish()
    {
        var page = await app.SignedInPageAsync("dispatcher", culture: "en-US");

        await BrowserApp.OpenAsync(page, "/cases");

        await Assertions.Expect(page.Locator("[data-tab='CaseState.PendingDispatch']")).ToContainTextAsync("Pending dispatch");
        Assert.Equal("en-US", await page.Locator("html").GetAttributeAsync("lang"));
        await BrowserApp.ScreenshotAsync(page, "console-queues-en");
    }

    private async Task RunCommandAsync(IPage page, string command)
    {
        await page.Locator($".cc-command-bar [data-command='{command}']").ClickAsync();
        await page.Locator($".mud-dialog-actions [data-command='{command}']").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    private async Task<Guid> ReportAsync(string description)
    {
        using var http = app.ApiAs("admin");
        var response = await http.PostAsJsonAsync("/api/cases", new
        {
            channel = "Hotline", categoryCode = "0102", urgency = "Normal", courtyardId = 3, description, reporterPhone = "13912345678",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<bool> HasHorizontalScrollbarAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
}
