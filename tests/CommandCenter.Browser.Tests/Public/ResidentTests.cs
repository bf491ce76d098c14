using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Browser.Tests.Support;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CommandCenter.Browser.Tests.Public;

/// <summary>
/// A resident on a phone: the courtyard's QR page, a report in two taps with photos, the tracking page updating by itself
/// and showing what was done before the rating, a light first visit, and the app's own page for a wrong address.
/// </summary>
public sealed class ResidentTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    /// <summary>Measured at 200.7 KB (of which 43.5 KB the circuit's frames) once the page brought its own slim stylesheet, 334 KB before.</summary>
    private const int FirstVisitBudgetBytes = 220 * 1024;

    [Fact]
    public async Task ScanReportFollowAndRate_OnAPhone()
    {
        var page = await app.NewPageAsync(390, 844);
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var courtyard = directory.Courtyards.OrderBy(c => c.Id).Skip(3).First();
        await BrowserApp.OpenAsync(page, $"/r/{directory.Streets.Single().Code}{courtyard.Id.Value:0000}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(courtyard.Name);

        await page.Locator("[data-category-group='01']").ClickAsync();
        await page.Locator("[data-category='0102']").ClickAsync();
        await page.Locator("[data-field=description]").FillAsync("3 栋楼道堆满纸箱和旧家具，挡住了消防通道");
        await BrowserApp.PickFilesAsync(page.Locator("[data-field=photos]"), new FilePayload { Name = "IMG_0001.jpg", MimeType = "image/jpeg", Buffer = Photo() });
        await Assertions.Expect(page.Locator("[data-photo]")).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, "resident-report");
        await page.Locator("[data-submit]").ClickAsync();

        var code = await page.Locator("[data-tracking-code]").InnerTextAsync(new() { Timeout = 30_000 });
        await BrowserApp.ScreenshotAsync(page, "resident-receipt");
        await page.Locator("[data-follow-own]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-tracking]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".cc-public-photos img")).ToHaveCountAsync(1);
        await BrowserApp.ExpectImageShownAsync(page.Locator(".cc-public-photos img"));

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
        await BrowserApp.OpenAsync(page, $"/r/{directory.Streets.Single().Code}{courtyard.Id.Value:0000}");

        await page.Locator("[data-category-group='01']").ClickAsync();
        await page.Locator("[data-category='0101']").ClickAsync();
        await page.Locator("[data-field=description]").FillAsync("<script>alert('x')</script> 垃圾没人清");
        await page.Locator("[data-submit]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-refusal]")).ToContainTextAsync("不能包含网页代码或脚本");
        Assert.Equal(before, (await http.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=1")).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task TrackingPage_ShowsTheResultAndAfterPhoto_BeforeTheRating()
    {
        var (code, courtyard) = await ReportAsync("0101", "垃圾桶满了没人清");
        using var desk = app.ApiAs("dispatcher");
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var track = await desk.GetFromJsonAsync<JsonElement>($"/api/public/track/{code}");
        var number = track.GetProperty("number").GetString();
        var id = (await desk.GetFromJsonAsync<JsonElement>($"/api/cases/by-number/{number}")).GetProperty("id").GetString();
        var unit = directory.UnitsServing(HandlingLevel.Courtyard, courtyard).First().Id;
        using var handler = app.ApiAs(directory.Staff.First(s => s.UnitId == unit).Id);
        await Post(desk, $"/api/cases/{id}/accept", null);
        await Post(desk, $"/api/cases/{id}/dispatch", new { unitId = unit });
        await Post(handler, $"/api/cases/{id}/sign", null);
        var photoId = await UploadAsync(handler, Photo(), "IMG_after.jpg");
        await Post(handler, $"/api/cases/{id}/done", new { result = "已清运垃圾，垃圾桶已冲洗并加装了盖子", photoIds = new[] { photoId } });
        await Post(desk, $"/api/cases/{id}/verify", new { passed = true });

        var page = await app.NewPageAsync(390, 844);
        await BrowserApp.OpenAsync(page, $"/t/{code}");
        var result = page.Locator("[data-result]");
        await Expect(result.Locator("[data-result-text]")).ToHaveTextAsync("已清运垃圾，垃圾桶已冲洗并加装了盖子");
        var after = result.Locator("[data-after-photo]");
        await Expect(after).ToHaveCountAsync(1);
        await Expect(after).ToBeInViewportAsync();
        await BrowserApp.ExpectImageShownAsync(after);

        // What was done comes first, then the question; both on the first screen, the rating in the thumb's half.
        var rating = page.Locator("[data-rating-form]");
        await Expect(rating).ToBeInViewportAsync();
        var resultBox = (await result.BoundingBoxAsync())!;
        var ratingBox = (await rating.BoundingBoxAsync())!;
        Assert.True(resultBox.Y + resultBox.Height <= ratingBox.Y, $"result ends at {resultBox.Y + resultBox.Height}, rating starts at {ratingBox.Y}");
        Assert.True(ratingBox.Y + ratingBox.Height > 844 / 2, "the rating sits in the lower half, where the thumb is");
        var choice = (await page.Locator("[data-rating=Satisfied]").BoundingBoxAsync())!;
        Assert.True(choice.Height >= 44, $"rating buttons are {choice.Height} px tall");
        await BrowserApp.ScreenshotAsync(page, "resident-tracking-result");

        await page.Locator("[data-rating=Satisfied]").ClickAsync();
        await page.Locator("[data-submit-rating]").ClickAsync();
        await Expect(page.Locator("[data-rated=Satisfied]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ReportPage_TwoTapsToAProblem_ThumbnailsWithRemove_SubmitInReach()
    {
        var page = await app.NewPageAsync(390, 844);
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var courtyard = directory.Courtyards.OrderBy(c => c.Id).Skip(5).First();
        await BrowserApp.OpenAsync(page, $"/r/{directory.Streets.Single().Code}{courtyard.Id.Value:0000}");

        var submit = page.Locator("[data-submit]");
        await Expect(submit).ToBeInViewportAsync();
        var groups = page.Locator("[data-category-group]");
        Assert.Equal(directory.Categories.Where(c => c.IsItem).Select(c => c.Code[..2]).Distinct().Count(), await groups.CountAsync());
        foreach (var box in await Task.WhenAll((await groups.AllAsync()).Select(g => g.BoundingBoxAsync())))
            Assert.True(box!.Height >= 44, $"a group button is {box.Height} px tall");
        await BrowserApp.ScreenshotAsync(page, "resident-report-groups");

        await page.Locator("[data-category-group='02']").ClickAsync();
        var items = page.Locator("[data-category]");
        await Expect(items.First).ToBeVisibleAsync();
        Assert.All(await items.AllAsync(), item => Assert.StartsWith("02", item.GetAttributeAsync("data-category").GetAwaiter().GetResult()));
        await items.First.ClickAsync();
        await page.Locator("[data-field=description]").FillAsync("小区门口的路灯坏了三盏，晚上很黑");

        await BrowserApp.PickFilesAsync(page.Locator("[data-field=photos]"), new FilePayload { Name = "IMG_1.jpg", MimeType = "image/jpeg", Buffer = Photo() },
             new FilePayload { Name = "IMG_2.jpg", MimeType = "image/jpeg", Buffer = Photo() });
        await Expect(page.Locator("[data-photo] img")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-photo-progress]")).ToHaveCountAsync(0);
        await page.Locator("[data-photo='IMG_1.jpg'] [data-remove-photo]").ClickAsync();
        await Expect(page.Locator("[data-photo]")).ToHaveCountAsync(1);
        await Expect(submit).ToBeInViewportAsync();
        await Expect(submit).ToBeEnabledAsync();
        await BrowserApp.ScreenshotAsync(page, "resident-report-filled");

        await submit.ClickAsync();
        var code = await page.Locator("[data-tracking-code]").InnerTextAsync(new() { Timeout = 30_000 });
        await BrowserApp.OpenAsync(page, $"/t/{code}");
        await Expect(page.Locator("[data-tracking] .cc-public-photos img")).ToHaveCountAsync(1);
    }

    /// <summary>Everything a first visit brings over the wire: documents, styles, scripts, images and the circuit's frames.</summary>
    [Fact]
    public async Task ReportPage_FirstVisit_TransfersAtMost220KB()
    {
        var page = await app.NewPageAsync(390, 844);
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var courtyard = directory.Courtyards.OrderBy(c => c.Id).First();
        long socketBytes = 0;
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
            Interlocked.Add(ref socketBytes, frame.Binary?.Length ?? System.Text.Encoding.UTF8.GetByteCount(frame.Text ?? ""));
        await BrowserApp.OpenAsync(page, $"/r/{directory.Streets.Single().Code}{courtyard.Id.Value:0000}");
        await Expect(page.Locator("[data-category-group]").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var entries = await page.EvaluateAsync<JsonElement>(
            "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))" +
            ".map(e => ({ name: e.name, transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize }))");
        var rows = entries.EnumerateArray()
            .Select(e => (Name: e.GetProperty("name").GetString()!, Transfer: e.GetProperty("transfer").GetInt64(), Decoded: e.GetProperty("decoded").GetInt64()))
            .ToList();
        var http = rows.Sum(r => r.Transfer);
        var total = http + Interlocked.Read(ref socketBytes);
        var detail = string.Join("\n", rows.OrderByDescending(r => r.Transfer).Select(r => $"{r.Transfer,9:N0} B (of {r.Decoded,9:N0}) {r.Name}"));
        output.WriteLine($"first visit: {total:N0} B ({http:N0} over HTTP, {socketBytes:N0} over the circuit)\n{detail}");
        Assert.True(total <= FirstVisitBudgetBytes, $"first visit transferred {total:N0} B:\n{detail}");
        Assert.Contains(rows, r => r.Name.Contains("MudBlazor", StringComparison.Ordinal) && r.Transfer < r.Decoded / 3);
        Assert.DoesNotContain(rows, r => r.Name.Contains("MudBlazor", StringComparison.Ordinal) && r.Name.EndsWith(".css", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "页面不存在")]
    [InlineData("en-US", "Page not found")]
    public async Task UnknownUrl_GetsTheAppsOwnNotFoundPage_InTheVisitorsLanguage_WithStatus404(string? culture, string heading)
    {
        var page = await app.NewPageAsync(390, 844, culture);
        var response = await page.GotoAsync("/no-such-page/at-all", new() { WaitUntil = WaitUntilState.Commit });

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        await Expect(page.Locator("a[href='/']")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, $"not-found-{culture ?? "zh-CN"}");
    }

    private async Task<(string Code, CourtyardId Courtyard)> ReportAsync(string category, string description)
    {
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var courtyard = directory.Courtyards.OrderBy(c => c.Id).Skip(7).First();
        using var http = new HttpClient { BaseAddress = app.Address };
        using var form = new MultipartFormDataContent
        {
            { new StringContent($"{directory.Streets.Single().Code}{courtyard.Id.Value:0000}"), "courtyardCode" },
            { new StringContent(category), "categoryCode" },
            { new StringContent(description), "description" },
        };
        var photo = new ByteArrayContent(Photo());
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(photo, "photos", "IMG_before.jpg");
        using var response = await http.PostAsync("/api/public/reports", form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!, courtyard.Id);
    }

    private static async Task<Guid> UploadAsync(HttpClient http, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "photo", fileName);
        using var response = await http.PostAsync("/api/photos", form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
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
