using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Browser.Tests.Support;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommandCenter.Browser.Tests.Console;

/// <summary>
/// 三屏联动 between two people: the dispatcher's case page and queues stay open in one browser while the
/// property staff member who holds the case signs it and reports it done on their phone in another.
/// </summary>
public sealed class PhoneToConsoleTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task SignAndDone_OnThePhone_ShowOnTheOpenConsole_WithoutReload()
    {
        using var desk = app.ApiAs("dispatcher");
        var caseId = await DispatchedToPropertyCompanyAsync(desk, "5号楼地下车库积水，车辆无法进出");
        var detail = await app.SignedInPageAsync("dispatcher");
        var queues = await detail.Context.NewPageAsync();
        await BrowserApp.OpenAsync(detail, $"/cases/{caseId}");
        await BrowserApp.OpenAsync(queues, "/cases");
        var verificationTab = queues.Locator("[data-tab='CaseState.PendingVerification'] .cc-count");
        await Expect(verificationTab).Not.ToHaveAttributeAsync("data-count", "…");
        var waitingBefore = int.Parse((await verificationTab.GetAttributeAsync("data-count"))!, CultureInfo.InvariantCulture);
        await Expect(detail.Locator("[data-state]").First).ToHaveAttributeAsync("data-state", "Dispatched");
        var rowsBefore = await detail.Locator("[data-sequence]").CountAsync();
        // A reload would start a new document and lose this mark.
        foreach (var console in new[] { detail, queues }) await console.EvaluateAsync("() => window.ccNotReloaded = true");

        var phone = await app.SignedInPageAsync("property", 390, 844);
        await BrowserApp.OpenAsync(phone, $"/m/tasks/{caseId}");
        await phone.Locator("[data-command=Sign]").ClickAsync();
        await Expect(phone.Locator("[data-done=Sign]")).ToBeVisibleAsync();

        await Expect(detail.Locator("[data-state]").First).ToHaveAttributeAsync("data-state", "InProgress");
        await Expect(detail.Locator("[data-sequence]")).ToHaveCountAsync(rowsBefore + 1);
        await ExpectCommandButtonsAsync(detail, desk, caseId);

        await phone.Locator("[data-command=ReportDone]").ClickAsync();
        await phone.Locator("[data-field='Field.Result']").FillAsync("已抽干积水并疏通排水沟，车库恢复通行");
        await BrowserApp.ScreenshotAsync(phone, "phone-to-console-phone-done-form");
        await phone.Locator("[data-submit=ReportDone]").ClickAsync();
        await Expect(phone.Locator("[data-done=ReportDone]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await BrowserApp.ScreenshotAsync(phone, "phone-to-console-phone");

        await Expect(detail.Locator("[data-state]").First).ToHaveAttributeAsync("data-state", "PendingVerification");
        await Expect(detail.Locator("[data-sequence]")).ToHaveCountAsync(rowsBefore + 2);
        // Newest first: the result, then the sign, both from the phone.
        var newest = detail.Locator("[data-sequence]");
        await Expect(newest.Nth(0)).ToContainTextAsync("办结");
        await Expect(newest.Nth(0)).ToContainTextAsync("已抽干积水并疏通排水沟，车库恢复通行");
        await Expect(newest.Nth(0)).ToContainTextAsync("手机");
        await Expect(newest.Nth(1)).ToContainTextAsync("签收");
        await Expect(newest.Nth(1)).ToContainTextAsync("手机");
        await Expect(detail.Locator(".cc-command-bar [data-command='Verify']")).ToBeVisibleAsync();
        await ExpectCommandButtonsAsync(detail, desk, caseId);
        await Expect(verificationTab).ToHaveAttributeAsync("data-count", (waitingBefore + 1).ToString(CultureInfo.InvariantCulture));
        foreach (var console in new[] { detail, queues }) Assert.True(await console.EvaluateAsync<bool>("() => window.ccNotReloaded === true"));
        // The new buttons fade in; the screenshot should show them, not their first frame.
        await detail.Locator(".cc-command-bar").EvaluateAsync("bar => Promise.all(bar.getAnimations({ subtree: true }).map(a => a.finished))");
        await BrowserApp.ScreenshotAsync(detail, "phone-to-console-console-detail");
        await BrowserApp.ScreenshotAsync(queues, "phone-to-console-console-queues");
    }

    /// <summary>The case page's buttons are exactly the commands the dispatcher may run now, as the API says.</summary>
    private static async Task ExpectCommandButtonsAsync(IPage detail, HttpClient desk, Guid caseId)
    {
        var allowed = (await desk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("allowedCommands")
            .EnumerateArray().Select(c => c.GetString()!).ToArray();
        await Expect(detail.Locator(".cc-command-bar [data-command]")).ToHaveCountAsync(allowed.Length);
        foreach (var command in allowed) await Expect(detail.Locator($".cc-command-bar [data-command='{command}']")).ToBeVisibleAsync();
    }

    /// <summary>A hotline case taken in and dispatched by the desk to the company of the demo user "property".</summary>
    private async Task<Guid> DispatchedToPropertyCompanyAsync(HttpClient desk, string description)
    {
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var unit = directory.Unit(DemoAccounts.StaffOf("property", directory.Staff)!.UnitId!.Value)!;
        var reported = await desk.PostAsJsonAsync("/api/cases", new
        {
            channel = "Hotline", categoryCode = "0301", urgency = "Normal", courtyardId = unit.ServedCourtyardIds[0], description,
        });
        var id = (await reported.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await desk.PostAsJsonAsync($"/api/cases/{id}/accept", new { level = "Courtyard" })).EnsureSuccessStatusCode();
        (await desk.PostAsJsonAsync($"/api/cases/{id}/dispatch", new { unitId = unit.Id })).EnsureSuccessStatusCode();
        return id;
    }
}
