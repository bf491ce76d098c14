using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Browser.Tests.Support;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommandCenter.Browser.Tests.Console;

/// <summary>
/// 三屏联动 on the medium screen: the dispatcher's case page and queues stay open while the
/// handling unit works the case elsewhere; the console follows without a reload.
/// </summary>
public sealed class LiveConsoleTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task CaseHandledThroughTheApi_ShowsOnTheOpenConsole_WithoutReload()
    {
        var (caseId, handler) = await DispatchedToPropertyCompanyAsync("3号楼电梯异响，停在5楼不动");
        var detail = await app.SignedInPageAsync("dispatcher");
        var queues = await detail.Context.NewPageAsync();
        await BrowserApp.OpenAsync(detail, $"/cases/{caseId}");
        await BrowserApp.OpenAsync(queues, "/cases");
        var verificationTab = queues.Locator("[data-tab='CaseState.PendingVerification'] .cc-count");
        await Assertions.Expect(verificationTab).Not.ToHaveAttributeAsync("data-count", "…");
        var waitingBefore = int.Parse((await verificationTab.GetAttributeAsync("data-count"))!, CultureInfo.InvariantCulture);
        await Assertions.Expect(detail.Locator("[data-state]").First).ToHaveAttributeAsync("data-state", "Dispatched");
        var rowsBefore = await detail.Locator("[data-sequence]").CountAsync();

        (await handler.PostAsync($"/api/cases/{caseId}/sign", null)).EnsureSuccessStatusCode();
        await Assertions.Expect(detail.Locator("[data-state]").First).ToHaveAttributeAsync("data-state", "InProgress");
        (await handler.PostAsJsonAsync($"/api/cases/{caseId}/done", new { result = "已联系维保单位更换曳引机轴承，电梯恢复运行" })).EnsureSuccessStatusCode();

        await Assertions.Expect(detail.Locator("[data-state]").First).ToHaveAttributeAsync("data-state", "PendingVerification");
        await Assertions.Expect(detail.Locator("[data-sequence]")).ToHaveCountAsync(rowsBefore + 2);
        await Assertions.Expect(detail.Locator(".cc-command-bar [data-command='Verify']")).ToBeVisibleAsync();
        await Assertions.Expect(verificationTab).ToHaveAttributeAsync("data-count", (waitingBefore + 1).ToString(CultureInfo.InvariantCulture));
        await BrowserApp.ScreenshotAsync(detail, "console-detail-live");
        handler.Dispose();
    }

    [Fact]
    public async Task ChangeElsewhere_DuringACommandDialog_IsToldWithoutClosingTheDialog()
    {
        var (caseId, handler) = await DispatchedToPropertyCompanyAsync("小区东门路灯不亮");
        handler.Dispose();
        var page = await app.SignedInPageAsync("dispatcher");
        await BrowserApp.OpenAsync(page, $"/cases/{caseId}");
        await page.Locator(".cc-command-bar [data-command='Supervise']").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();

        using var leader = app.ApiAs("leader");
        (await leader.PostAsJsonAsync($"/api/cases/{caseId}/supervise", new { note = "请尽快处理" })).EnsureSuccessStatusCode();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("刚刚更新了此案件");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "console-detail-changed-during-dialog");
    }

    /// <summary>A hotline case dispatched to the demo property company, and an API client acting as its staff.</summary>
    private async Task<(Guid Id, HttpClient Handler)> DispatchedToPropertyCompanyAsync(string description)
    {
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var unit = directory.Unit(DemoAccounts.StaffOf("property", directory.Staff)!.UnitId!.Value)!;
        using var desk = app.ApiAs("dispatcher");
        var reported = await desk.PostAsJsonAsync("/api/cases", new
        {
            channel = "Hotline", categoryCode = "0301", urgency = "Normal", courtyardId = unit.ServedCourtyardIds[0], description,
        });
        reported.EnsureSuccessStatusCode();
        var id = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await desk.PostAsJsonAsync($"/api/cases/{id}/accept", new { level = "Courtyard" })).EnsureSuccessStatusCode();
        (await desk.PostAsJsonAsync($"/api/cases/{id}/dispatch", new { unitId = unit.Id })).EnsureSuccessStatusCode();
        return (id, app.ApiAs("property"));
    }
}
