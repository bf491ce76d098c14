using CommandCenter.Browser.Tests.Support;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CommandCenter.Browser.Tests.Archive;

/// <summary>A community worker at the desk opens the import page from the Archive menu, uploads a resident book with mistakes in it, and reads the preview.</summary>
public sealed class ImportPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AResidentBookWithMistakes_IsPreviewedRowByRow_InChinese_AtTheDesk()
    {
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var post = directory.PostOf(DemoAccounts.StaffOf("community", directory.Staff)!, ActSource.Console);
        List<CourtyardId> scope = [.. app.Services.GetRequiredService<ArchiveQueries>().VisibleCourtyards(post).Select(c => c.Id)];
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        var home = await db.Homes.Where(h => scope.Contains(h.CourtyardId)).OrderBy(h => h.Id).FirstAsync();
        var courtyard = directory.Courtyard(home.CourtyardId)!.Name;
        var book = new MemoryStream();
        MiniExcel.SaveAs(book, new[]
        {
            Row(courtyard, home.UnitNumber, "王小满", "租户", null, "13800138000", "志愿者"),
            Row(courtyard, home.UnitNumber, "李桂芳", "户主", "110105194912310021", null, "独居老人"),
            Row(courtyard, "99-9-9999", "张建华", "户主", null, null, null),
            Row(courtyard, home.UnitNumber, "赵一鸣", "表哥", null, null, null),
            Row(courtyard, home.UnitNumber, "陈思远", "子女", null, "12345", "适龄儿童、富豪"),
        });
        var page = await app.SignedInPageAsync("community", 1920, 1080);
        await BrowserApp.OpenAsync(page, "/");

        await page.Locator("[data-nav='archive']").ClickAsync();
        await page.Locator("[data-nav-item='archive-import']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("导入名册");
        await BrowserApp.PickFilesAsync(page.Locator("[data-file]"), new FilePayload
        {
            Name = "居民台账.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = book.ToArray(),
        });

        // The page's word on the pick comes first: the preview is ready, or why it is not.
        var message = page.Locator("[data-message]");
        await Assertions.Expect(message).ToBeVisibleAsync();
        Assert.True(await message.GetAttributeAsync("data-message") == "saved", $"the pick was refused: {await message.InnerTextAsync()}");
        await Assertions.Expect(page.Locator("[data-preview='preview']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-problem='ImportUnknownHome']")).ToContainTextAsync("门牌");
        await Assertions.Expect(page.Locator("[data-kind='Invalid']")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-accept]")).ToBeEnabledAsync();
        await BrowserApp.ScreenshotAsync(page, "archive-import-preview");
    }

    private static Dictionary<string, object?> Row(string courtyard, string unit, string name, string relation, string? idNumber, string? phone, string? tags) => new()
    {
        ["院落"] = courtyard, ["门牌"] = unit, ["姓名"] = name, ["户号"] = 1, ["与户主关系"] = relation, ["身份证号"] = idNumber, ["电话"] = phone, ["标签"] = tags,
    };
}
