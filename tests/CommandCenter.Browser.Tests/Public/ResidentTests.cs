using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Browser.Tests.Support;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;

namespace CommandCenter.Browser.Tests.Public;

/// <summary>A resident on a phone: the courtyard's QR page, a report with a photo, the tracking page updating by itself, the rating.</summary>
public sealed class ResidentTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ScanReportFollowAndRate_OnAPhone()
    {
        var page = await app.NewPageAsync(390, 844);
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var courtyard = directory.Courtyards.OrderBy(c => c.Id).Skip(3).First();
        await BrowserApp.OpenAsync(page, $"/r/{directory.Street.Code}{courtyard.Id.Value:0000}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(courtyard.Name);

        await page.Locator("[data-category='0102']").ClickAsync();
        await page.Locator("[data-field=description]").FillAsync("3 栋楼道堆满纸箱和旧家具，挡住了消防通道");
        await page.Locator("[data-field=photos]").SetInputFilesAsync(new FilePayload { Name = "IMG_0001.jpg", MimeType = "image/jpeg", Buffer = Photo() });
        await Assertions.Expect(page.Locator("[data-photo]")).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, "resident-report");
        await page.Locator("[data-submit]").ClickAsync();

        var code = await page.Locator("[data-tracking-code]").InnerTextAsync(new() { Timeout = 30_000 });
        await BrowserApp.ScreenshotAsync(page, "resident-receipt");
        await page.Locator("[data-follow-own]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-tracking]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".cc-public-photos img")).ToHaveCountAsync(1);
        Assert.True(await page.Locator(".cc-public-photos img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));

        // The desk and the unit work the case through the API; the phone is not touched.
        using var http = app.ApiAs("dispatcher");
        var number = await page.Locator("[data-tracking] h1").InnerTextAsync();
        var id = (await http.GetFromJsonAsync<JsonElement>($"/api/cases/by-number/{number}")).GetProperty("id").GetString();
        var unit = directory.UnitsServing(HandlingLevel.Courtyard, courtyard.Id).First().Id;
        using var handler = app.ApiAs(directory.Staff.First(s => s.UnitId == unit).Id);
        await Post(http, $"/api/cases/{id}/accept", null);
        await Post(http, $"/api/cases/{id}/dispatch", new { unitId = unit });
        await Assertions.Expect(page.Locator("[data-step=Dispatched]")).ToBeVisibleAsync();
        await Post(handler, $"/api/cases/{id}/sign", null);
        await Post(handler, $"/api/cases/{id}/done", new { result = "已清理楼道杂物" });
        await Post(http, $"/api/cases/{id}/verify", new { passed = true });

        await page.Locator("[data-rating=Satisfied]").ClickAsync(new() { Timeout = 30_000 });
        await page.Locator("[data-submit-rating]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-rated=Satisfied]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "resident-tracking");
        Assert.Equal(12, code.Length);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth");
        Assert.False(overflow);
    }

    [Fact]
    public async Task ScriptInTheDescription_IsRefusedInChinese_AndNothingIsStored()
    {
        var page = await app.NewPageAsync(390, 844);
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var courtyard = directory.Courtyards.OrderBy(c => c.Id).First();
        using var http = app.ApiAs("admin");
        var before = (await http.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=1")).GetProperty("totalCount").GetInt32();
        await BrowserApp.OpenAsync(page, $"/r/{directory.Street.Code}{courtyard.Id.Value:0000}");

        await page.Locator("[data-category='0101']").ClickAsync();
        await page.Locator("[data-field=description]").FillAsync("<script>alert('x')</script> 垃圾没人清");
        await page.Locator("[data-submit]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-refusal]")).ToContainTextAsync("不能包含网页代码或脚本");
        Assert.Equal(before, (await http.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=1")).GetProperty("totalCount").GetInt32());
    }

    private static async Task Post(HttpClient http, string path, object? body)
    {
        using var response = body is null ? await http.PostAsync(path, null) : await http.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A real JPEG as a phone would send it: 2000×1500, larger than the pipeline keeps.</summary>
    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(2000, 1500);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SandyBrown);
            using var paint = new SKPaint { Color = SKColors.SaddleBrown };
            canvas.DrawRect(400, 300, 900, 700, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
