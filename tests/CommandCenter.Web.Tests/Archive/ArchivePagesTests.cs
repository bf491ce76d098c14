using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Web.Components.Pages.Archive;
using CommandCenter.Web.Tests.Admin;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CommandCenter.Web.Tests.Archive;

/// <summary>
/// The archive's screens over the real app: the import page previews a workbook row by row with each problem in words and
/// imports only when accepted, for the resident book and the owner lists alike; the people page's export asks for its reason.
/// </summary>
public sealed class ArchivePagesTests : AdminTest, IClassFixture<ApiApp>
{
    private readonly ApiApp _app;

    public ArchivePagesTests(ApiApp app) : base(app) => _app = app;

    [Fact]
    public async Task TheResidentBook_IsPreviewedWithEachProblem_AndImportedOnlyWhenAccepted()
    {
        var community = DemoAccounts.StaffOf("community", Directory.Staff)!;
        var home = await HomeOf(community);
        var courtyard = Directory.Courtyard(home.CourtyardId)!.Name;
        var name = Unique("页面住户");
        SignInAs(community);
        var page = RenderPage<ImportPage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Sheet(
            new() { ["院落"] = courtyard, ["门牌"] = home.UnitNumber, ["姓名"] = name, ["户号"] = 1, ["与户主关系"] = "租户", ["标签"] = "志愿者" },
            new() { ["院落"] = courtyard, ["门牌"] = "不存在-1", ["姓名"] = "无此房", ["户号"] = 1, ["与户主关系"] = "户主", ["标签"] = null }), "book.xlsx"));

        page.WaitForAssertion(() => page.Find("[data-preview=preview]"));
        var problem = page.Find("[data-problem=ImportUnknownHome]").TextContent;
        Assert.False(string.IsNullOrWhiteSpace(problem));
        Assert.DoesNotContain("Error.", problem);
        Assert.Equal(0, await Residents(name));

        page.Find("[data-accept]").Click();
        page.WaitForAssertion(() => page.Find("[data-preview=accepted]"));
        Assert.Equal(1, await Residents(name));
        Assert.Empty(page.FindAll("[data-accept]"));
    }

    [Fact]
    public async Task PropertyStaff_ImportTheirOwnerList_AndDoNotSeeTheResidentBook()
    {
        var property = DemoAccounts.StaffOf("property", Directory.Staff)!;
        var courtyard = Services.GetRequiredService<ArchiveQueries>().VisibleCourtyards(Directory.PostOf(property, ActSource.Console)).First();
        var unit = Unique("页面-");
        SignInAs(property);
        var page = RenderPage<ImportPage>();
        Assert.Equal("/api/archive/imports/owners/template.xlsx", page.Find("[data-template]").GetAttribute("href"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Sheet(
            new Dictionary<string, object?> { ["院落"] = courtyard.Name, ["门牌"] = unit, ["专有面积"] = 66.6, ["面积来源"] = "登记", ["用途"] = "住宅", ["业主"] = "页面业主" }), "owners.xlsx"));
        page.WaitForAssertion(() => page.Find("[data-kind=New]"));
        page.Find("[data-accept]").Click();
        page.WaitForAssertion(() => page.Find("[data-preview=accepted]"));

        await using var db = Db();
        Assert.Equal((ArchiveSource.LandRegistry, 66.6m), await db.Homes.Where(h => h.UnitNumber == unit).Select(h => ValueTuple.Create(h.Source, h.ExclusiveArea)).SingleAsync());
    }

    [Fact]
    public async Task TheExport_AsksForItsReason_AndIsAuditedWithIt()
    {
        var community = DemoAccounts.StaffOf("community", Directory.Staff)!;
        var audited = await Log.QueryAsync(new AuditQuery { StaffId = community.Id, PageSize = 1 });
        SignInAs(community);
        var page = RenderPage<PeopleByTagPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-masked=id]")));

        page.Find("[data-export-open]").Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-export=xlsx]"));
        Dialogs.Find("[data-export=xlsx]").Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-message=error]"));
        Assert.Equal(audited.TotalCount, (await Log.QueryAsync(new AuditQuery { StaffId = community.Id, PageSize = 1 })).TotalCount);

        Dialogs.Find(".cc-export-reason textarea").Input("高温天气逐户走访独居老人");
        Dialogs.Find("[data-export=xlsx]").Click();
        Dialogs.WaitForAssertion(() => Assert.Single(Context.JSInterop.Invocations["ccDownload"]));
        var after = await Log.QueryAsync(new AuditQuery { StaffId = community.Id, PageSize = 1 });
        Assert.Equal(audited.TotalCount + 1, after.TotalCount);
        Assert.Contains("高温天气逐户走访独居老人", after.Items[0].Detail);
    }

    private async Task<Home> HomeOf(Staff staff)
    {
        List<CourtyardId> scope = [.. Services.GetRequiredService<ArchiveQueries>().VisibleCourtyards(Directory.PostOf(staff, ActSource.Console)).Select(c => c.Id)];
        await using var db = Db();
        return await db.Homes.Where(h => scope.Contains(h.CourtyardId)).OrderBy(h => h.Id).Skip(7).FirstAsync();
    }

    private async Task<int> Residents(string name)
    {
        await using var db = Db();
        return await db.Residents.CountAsync(r => r.Name == name);
    }

    private CommandCenterDbContext Db() => _app.Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContext();

    private static byte[] Sheet(params Dictionary<string, object?>[] rows)
    {
        var file = new MemoryStream();
        MiniExcel.SaveAs(file, rows);
        return file.ToArray();
    }
}
