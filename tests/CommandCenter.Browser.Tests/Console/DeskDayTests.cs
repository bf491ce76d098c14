using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Browser.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CommandCenter.Browser.Tests.Console;

/// <summary>
/// The desk over a long day: a routine case taken in and sent on in one dialog, a denser queue on a laptop screen,
/// and the rows that came in since the dispatcher last looked. Figures measured are written to the test output.
/// </summary>
public sealed class DeskDayTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AcceptAndDispatch_FromTheQueue_TakesTwoClicksAndEnter_AndRecordsBothActs()
    {
        const string words = "楼道堆放杂物一步受理派遣";
        var id = await ReportAsync(words);
        var page = await app.SignedInPageAsync("dispatcher", 1440, 900);
        await BrowserApp.OpenAsync(page, $"/cases?tab=Reported&q={Uri.EscapeDataString(words)}");
        var clicks = 0;

        await page.Locator($"[data-queue] a[href='/cases/{id}']").ClickAsync();
        clicks++;
        await page.Locator("[data-circuit=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator(".cc-command-bar [data-command='AcceptAndDispatch']").ClickAsync();
        clicks++;
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.Locator("[data-field='Field.UnitId'] input:checked")).ToHaveCountAsync(1);
        await Expect(dialog.Locator("[data-hint]")).ToContainTextAsync("签收时限");
        await BrowserApp.ScreenshotAsync(page, "console-accept-and-dispatch-1440");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-state]").First).ToHaveAttributeAsync("data-state", "Dispatched");
        output.WriteLine($"受理并派遣 from the queue: {clicks} clicks + Enter");
        Assert.True(clicks <= 2);
        using var http = app.ApiAs("dispatcher");
        var timeline = (await http.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("timeline").EnumerateArray()
            .Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["Reported", "Accepted", "Dispatched"], timeline.Take(3));
    }

    [Fact]
    public async Task CompactDensity_At1440x900_ShowsTwentyRowsWithoutBreakingHeaders_AndIsRemembered()
    {
        var page = await app.SignedInPageAsync("dispatcher", 1440, 900);
        await BrowserApp.OpenAsync(page, "/cases?tab=All");
        await Expect(page.Locator("[data-queue] tbody tr.mud-table-row")).ToHaveCountAsync(25);
        var comfortable = await RowsVisibleAsync(page);
        Assert.Equal(0, await page.EvaluateAsync<int>(HiddenWidth));

        await page.Locator("[data-density-toggle]").ClickAsync();
        await Expect(page.Locator("[data-density=compact]")).ToHaveCountAsync(1);
        var compact = await RowsVisibleAsync(page);
        await BrowserApp.ScreenshotAsync(page, "console-queues-compact-1440");
        output.WriteLine($"rows visible at 1440×900: comfortable {comfortable}, compact {compact}");
        Assert.True(compact >= 20, $"compact shows {compact} rows");
        Assert.Equal(0, await page.EvaluateAsync<int>(BrokenHeaders));
        Assert.Equal(0, await page.EvaluateAsync<int>(HiddenWidth));

        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("[data-circuit=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(page.Locator("[data-density=compact]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task NewSinceLooked_MarksARowThatArrivesLive_AndClearsWhenTheTabIsOpenedAgain()
    {
        var page = await app.SignedInPageAsync("dispatcher", 1440, 900);
        await BrowserApp.OpenAsync(page, "/cases?tab=Reported");
        await Expect(page.Locator("[data-queue] tbody tr.mud-table-row").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-queue] [data-new]")).ToHaveCountAsync(0);

        var id = await ReportAsync("路灯不亮新到案件标记");
        var row = page.Locator("[data-queue] tbody tr.mud-table-row").Filter(new() { Has = page.Locator($"a[href='/cases/{id}']") });
        await Expect(row.Locator("[data-new]")).ToHaveCountAsync(1);
        await Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cc-row-new"));
        await BrowserApp.ScreenshotAsync(page, "console-queues-new-since-1440");

        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("[data-circuit=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(page.Locator($"[data-queue] a[href='/cases/{id}']")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-queue] [data-new]")).ToHaveCountAsync(0);
    }

    /// <summary>Rows whole on screen without scrolling.</summary>
    private static Task<int> RowsVisibleAsync(IPage page) => page.EvaluateAsync<int>(
        "() => [...document.querySelectorAll('[data-queue] tbody tr.mud-table-row')].filter(r => r.getBoundingClientRect().bottom <= window.innerHeight).length");

    /// <summary>How many pixels of the queue's columns lie beyond its right edge (every column on screen: 0).</summary>
    private const string HiddenWidth =
        "() => { const c = document.querySelector('[data-queue] .mud-table-container'); return Math.max(0, c.scrollWidth - c.clientWidth); }";

    /// <summary>Column headers whose words fall on more than one line.</summary>
    private const string BrokenHeaders = """
        () => [...document.querySelectorAll('[data-queue] thead th')].filter(th => {
            const tops = new Set();
            const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                if (!walker.currentNode.textContent.trim()) continue;
                const range = document.createRange();
                range.selectNodeContents(walker.currentNode);
                for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top / 4));
            }
            return tops.size > 1;
        }).length
        """;

    private async Task<Guid> ReportAsync(string description)
    {
        using var http = app.ApiAs("dispatcher");
        var response = await http.PostAsJsonAsync("/api/cases", new
        {
            channel = "Hotline", categoryCode = "0102", urgency = "Normal", courtyardId = 3, description, reporterPhone = "13912345678",
        });
        return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
