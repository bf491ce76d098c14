using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Browser.Tests.Support;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Web.Tests.Public;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommandCenter.Browser.Tests.Console;

/// <summary>A dispatcher's working day at the desk: photos seen before verifying, a queue that survives a case, the keyboard alone.</summary>
public sealed class DispatcherDeskTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Verify_WithTheAfterPhotoOpenedInTheViewer()
    {
        var (id, handler) = await ReportedWithPhotoAndDispatchedAsync("楼道灯坏了，晚上漆黑一片");
        using (var staff = app.ApiAs(handler))
        {
            var photo = await UploadAsync(staff, "IMG_after.jpg");
            (await staff.PostAsJsonAsync($"/api/cases/{id}/sign", new { })).EnsureSuccessStatusCode();
            (await staff.PostAsJsonAsync($"/api/cases/{id}/done", new { result = "已更换灯泡，楼道照明恢复", photoIds = new[] { photo } })).EnsureSuccessStatusCode();
        }
        var page = await app.SignedInPageAsync("dispatcher", 1920, 1080);
        await BrowserApp.OpenAsync(page, $"/cases/{id}");
        await Expect(page.Locator("[data-case-photos] [data-photo-thumb]")).ToHaveCountAsync(2);

        await page.Locator(".cc-command-bar [data-command='Verify']").ClickAsync();
        var dialog = page.Locator(".mud-dialog").Filter(new() { Has = page.Locator("[data-photo-pair]") });
        await dialog.Locator("[data-photo-side=After] [data-photo-thumb]").ClickAsync();
        var viewer = page.Locator("[data-photo-viewer=single]");
        await Expect(viewer).ToBeVisibleAsync();
        var large = viewer.Locator("img[data-photo-large]");
        await Expect(large).ToHaveAttributeAsync("data-photo-large", new System.Text.RegularExpressions.Regex("^/photos/"));
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-photo-viewer] img[data-photo-large]'); return i && i.complete && i.naturalWidth > 0; }");
        await page.Keyboard.PressAsync("+");
        await Expect(viewer.Locator("[data-zoom]")).ToHaveAttributeAsync("data-zoom", "1.5");
        await BrowserApp.ScreenshotAsync(page, "console-photo-viewer-1920");
        await page.Keyboard.PressAsync("Escape");
        await Expect(viewer).ToHaveCountAsync(0);

        await dialog.Locator("[data-photo-compare]").ClickAsync();
        var compare = page.Locator("[data-photo-viewer=compare]");
        await Expect(compare.Locator("[data-photo-side=Before] img")).ToHaveCountAsync(1);
        await Expect(compare.Locator("[data-photo-side=After] img")).ToHaveCountAsync(1);
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-photo-viewer=compare] img')].every(i => i.complete && i.naturalWidth > 0)");
        await compare.EvaluateAsync("v => Promise.allSettled(document.getAnimations().map(a => a.finished))");
        await BrowserApp.ScreenshotAsync(page, "console-photo-compare-1920");
        await page.Keyboard.PressAsync("Escape");
        await Expect(compare).ToHaveCountAsync(0);

        await dialog.Locator("[data-field='Field.Verification'] .mud-radio").First.ClickAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-state]").First).Not.ToHaveAttributeAsync("data-state", "PendingVerification");
    }

    [Fact]
    public async Task BackFromACase_KeepsTheQueuesTabSearchAndFilters()
    {
        const string words = "井盖缺失存在安全隐患";
        var id = await ReportAsync(words, accept: true);
        var page = await app.SignedInPageAsync("dispatcher", 1440, 900);
        await BrowserApp.OpenAsync(page, "/cases");

        await page.Locator("[data-tab='CaseState.PendingDispatch']").ClickAsync();
        await page.Locator("[data-queue-search] input").FillAsync(words);
        // The search is debounced: it is the queue's only once the address holds it, and a filter chosen before that races it.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"[?&]q={System.Text.RegularExpressions.Regex.Escape(Uri.EscapeDataString(words))}",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        await page.Locator("[data-filter=urgency]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "一般" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("tab=PendingDispatch.*[?&]q=.*urgency=Normal"));
        var row = page.Locator($"[data-queue] a[href='/cases/{id}']");
        await Expect(row).ToHaveCountAsync(1);
        var queueUrl = page.Url;

        await row.ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("CT-");
        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });

        await page.WaitForURLAsync(url => url == queueUrl, new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("[data-queue-search] input")).ToHaveValueAsync(words);
        await Expect(page.Locator("[data-tab='CaseState.PendingDispatch']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-chip-selected"));
        await Expect(page.Locator("[data-queue] tbody tr.mud-table-row")).ToHaveCountAsync(1);

        // The case page's own back arrow returns to the same queue, and so does a reload.
        await row.ClickAsync();
        await page.Locator("h1").WaitForAsync();
        await page.Locator("[data-back-to-queue]").ClickAsync();
        await page.WaitForURLAsync(url => url == queueUrl, new() { WaitUntil = WaitUntilState.Commit });
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("[data-queue-search] input")).ToHaveValueAsync(words);
        await Expect(page.Locator("[data-queue] tbody tr.mud-table-row")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task KeyboardOnly_DispatchesACaseFromTheQueue()
    {
        const string words = "垃圾桶满溢无人清运键盘派遣";
        var id = await ReportAsync(words, accept: true);
        var page = await app.SignedInPageAsync("dispatcher", 1440, 900);
        await BrowserApp.OpenAsync(page, "/cases?tab=PendingDispatch");
        await Expect(page.Locator("[data-queue] tbody tr.mud-table-row").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "console-queues-1440");

        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync(words);
        await Expect(page.Locator($"[data-queue] a[href='/cases/{id}']")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-queue] tbody tr.mud-table-row")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("[data-queue] tr.cc-row-current")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".cc-command-bar [data-command='Dispatch']")).ToBeVisibleAsync();
        await page.Locator("[data-circuit=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.Keyboard.PressAsync("d");
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.Locator("[data-field='Field.UnitId']")).ToBeVisibleAsync();
        if (await dialog.Locator("[data-field='Field.UnitId'] input:checked").CountAsync() == 0) await page.Keyboard.PressAsync("Space");
        await BrowserApp.ScreenshotAsync(page, "console-dispatch-dialog-1440");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-state]").First).ToHaveAttributeAsync("data-state", "Dispatched");
        await BrowserApp.ScreenshotAsync(page, "console-detail-1440");
    }

    /// <summary>A resident's report with a photo, taken in and dispatched by the desk; answers the case and someone of the unit it went to.</summary>
    private async Task<(Guid Id, StaffId Handler)> ReportedWithPhotoAndDispatchedAsync(string description)
    {
        var reports = app.Services.GetRequiredService<PublicReportService>();
        var queries = app.Services.GetRequiredService<CaseQueries>();
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        await using var photo = new MemoryStream(Photos.Of("jpeg"));
        var receipt = await reports.ReportAsync(new PublicReportRequest("CT0001", "0101", description), [new UploadedPhoto(photo, "IMG_before.jpg")]);
        var system = Post.System(ActSource.Console);
        var id = (await queries.FindByNumberAsync(system, receipt.Number))!.Value;
        var detail = (await queries.DetailAsync(system, id))!;
        var unit = directory.UnitsServing(HandlingLevel.Courtyard, detail.Place.CourtyardId).First(u => directory.Staff.Any(s => s.UnitId == u.Id));
        using var desk = app.ApiAs("dispatcher");
        (await desk.PostAsJsonAsync($"/api/cases/{id}/accept", new { level = "Courtyard" })).EnsureSuccessStatusCode();
        (await desk.PostAsJsonAsync($"/api/cases/{id}/dispatch", new { unitId = unit.Id })).EnsureSuccessStatusCode();
        return (id, directory.Staff.First(s => s.UnitId == unit.Id).Id);
    }

    private static async Task<Guid> UploadAsync(HttpClient http, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Photos.Of("jpeg"));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "photo", fileName);
        var response = await http.PostAsync("/api/photos", form);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> ReportAsync(string description, bool accept)
    {
        using var http = app.ApiAs("dispatcher");
        var response = await http.PostAsJsonAsync("/api/cases", new
        {
            channel = "Hotline", categoryCode = "0102", urgency = "Normal", courtyardId = 3, description, reporterPhone = "13912345678",
        });
        var id = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        if (accept) (await http.PostAsJsonAsync($"/api/cases/{id}/accept", new { level = "Courtyard" })).EnsureSuccessStatusCode();
        return id;
    }
}
