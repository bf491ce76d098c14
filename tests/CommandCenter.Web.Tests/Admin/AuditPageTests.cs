using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Web.Components;
using CommandCenter.Web.Components.Pages.Admin;
using CommandCenter.Web.Tests.Support;
using static CommandCenter.Web.Tests.Admin.AuditPageDriver;

namespace CommandCenter.Web.Tests.Admin;

/// <summary>The audit page: the log newest first, a page at a time, narrowed by actor, case, source and unit.</summary>
public sealed class AuditPageTests(ApiApp app) : AdminTest(app), IClassFixture<ApiApp>
{
    [Fact]
    public async Task Render_NoFilter_ShowsOnePageOfTheWholeLog()
    {
        var total = (await Log.QueryAsync(new AuditQuery())).TotalCount;

        var page = RenderPage<Audit>();

        page.WaitForAssertion(() => Assert.Equal(Math.Min(total, 50), Rows(page).Count));
        Assert.Contains($"共 {total}", PagerText(page));
    }

    [Fact]
    public async Task FilterByActor_ListsOnlyTheirEntries_NewestFirst_InChinese()
    {
        var actor = Unique("审计员");
        await Log.WriteAsync(PostOf(actor), AuditActions.SignedIn);
        await Log.WriteAsync(PostOf(actor), AuditActions.TokenCreated, detail: "Display cc_abcde… 大厅屏");
        await Log.WriteAsync(PostOf(Unique("旁人")), AuditActions.SignedIn);
        var page = RenderPage<Audit>();

        page.Find(Input("data-filter='actor'")).Change(actor);

        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));
        Assert.All(Rows(page), r => Assert.Equal(actor, r.QuerySelector("[data-actor]")!.TextContent));
        Assert.Equal(["创建令牌", "登录"], Rows(page).Select(r => r.QuerySelector("[data-action]")!.TextContent));
        Assert.Contains("调度员", Rows(page)[0].TextContent);
        Assert.Contains("接口", Rows(page)[0].TextContent);
        Assert.Contains("Display cc_abcde… 大厅屏", Rows(page)[0].TextContent);
    }

    /// <summary>An act in a person's second post (docs/decisions/0016) names that post by its number beside the role.</summary>
    [Fact]
    public async Task AnEntryOfASecondPost_ShowsThePostsNumber()
    {
        var actor = Unique("两岗");
        await Log.WriteAsync(PostOf(actor) with { PostNumber = 2 }, AuditActions.SignedIn);
        var page = RenderPage<Audit>();

        page.Find(Input("data-filter='actor'")).Change(actor);

        page.WaitForAssertion(() => Assert.Single(Rows(page)));
        Assert.Contains("调度员 · 岗位 #2", Rows(page)[0].TextContent);
        Assert.Equal("2", Rows(page)[0].QuerySelector("[data-post]")!.GetAttribute("data-post"));
    }

    [Fact]
    public async Task FilterByCaseNumber_ListsThatCasesCommands_LinkedToTheCase()
    {
        var reported = await Cases.ReportAsync(
            new ReportCaseRequest(Channel.Hotline, "0102", Urgency.Normal, Directory.Courtyards.First().Id, null, "审计页测试：楼道堆放杂物", "张三", "13812345678"),
            System);
        await Cases.ExecuteAsync(reported.Id, new AcceptCase(Domain.Organisation.HandlingLevel.Street), System);
        var page = RenderPage<Audit>();

        page.Find(Input("data-filter='case'")).Change(reported.Number);

        page.WaitForAssertion(() => Assert.Equal(["受理", "上报"], Rows(page).Select(r => r.QuerySelector("[data-action]")!.TextContent)));
        Assert.All(Rows(page), r =>
        {
            var link = r.QuerySelector($"[data-case='{reported.Number}']")!;
            Assert.Equal($"/cases/{reported.Id}", link.GetAttribute("href"));
            Assert.Equal(reported.Number, link.TextContent);
        });
    }

    [Fact]
    public void FilterByCaseNumber_UnknownNumber_ShowsNoEntries_AndSaysTheCaseDoesNotExist()
    {
        var page = RenderPage<Audit>();

        page.Find(Input("data-filter='case'")).Change("CT-19990101-9999");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-empty]")));
        Assert.Contains("案件不存在。", page.Markup);
    }

    [Fact]
    public async Task FilterBySourceAndUnit_ListsOnlyEntriesOfBoth()
    {
        var actor = Unique("大屏");
        var unit = Directory.Units.First();
        var other = Directory.Units.Last();
        await Log.WriteAsync(PostOf(actor, ActSource.Display, unit.Id), AuditActions.SignedIn);
        await Log.WriteAsync(PostOf(actor, ActSource.Display, other.Id), AuditActions.SignedIn);
        await Log.WriteAsync(PostOf(actor, ActSource.Console, unit.Id), AuditActions.SignedIn);
        var page = RenderPage<Audit>();

        await Choose<ActSource?>(page, "source", ActSource.Display);
        await Choose<UnitId?>(page, "unit", unit.Id);
        page.Find(Input("data-filter='actor'")).Change(actor);

        page.WaitForAssertion(() => Assert.Single(Rows(page)));
        Assert.Contains("大屏", Rows(page)[0].TextContent);
        Assert.Contains(unit.Name, Rows(page)[0].TextContent);
    }

    [Fact]
    public async Task FilterByDates_AreWholeChinaTimeDays_TheToDayIncluded()
    {
        var actor = Unique("值班员");
        await Log.WriteAsync(PostOf(actor), AuditActions.SignedIn);
        var written = (await Log.QueryAsync(new AuditQuery { Actor = actor })).Items.Single();
        var day = ChinaTimeText.ToLocal(written.AtUtc).Date;
        var page = RenderPage<Audit>();
        page.Find(Input("data-filter='actor'")).Change(actor);

        await Pick(page, "from", day);
        await Pick(page, "to", day);
        page.WaitForAssertion(() => Assert.Single(Rows(page)));

        await Pick(page, "to", day.AddDays(-1));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-empty]")));
    }

    private static Post PostOf(string name, ActSource source = ActSource.Api, UnitId? unitId = null) =>
        new() { Role = AccessRole.Dispatcher, Name = name, Source = source, UnitId = unitId };
}
