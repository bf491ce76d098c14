using CommandCenter.Browser.Tests.Support;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Web.Tests.Public;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommandCenter.Browser.Tests.Phone;

/// <summary>
/// Handlers on a shared phone: the task list, a live 督办, sign, progress with a photo and done with a result photo;
/// a co-handler's own part; a call back to the reporter; what was finished; language and sign-out.
/// </summary>
public sealed class HandlerTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly Post System = Post.System(ActSource.Console);

    [Fact]
    public async Task SignProgressAndDone_OnAPhone_AreRecordedFromThePhone()
    {
        var (staff, company) = PropertyStaff();
        var task = await DispatchedAsync(company, "2 栋楼道堆满纸箱和旧家具，挡住了消防通道");
        var page = await app.SignedInPageAsync("property", 390, 844);

        await BrowserApp.OpenAsync(page, "/m");
        var row = page.Locator($"[data-task='{task.Number}']");
        await Expect(row).ToContainTextAsync("剩余");
        await Cases.ExecuteAsync(task.Id, new SuperviseCase("请今天处理"), System);
        await Expect(page.Locator($"[data-urged='{task.Number}']")).ToBeVisibleAsync();
        await Expect(row.Locator("[data-supervised]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "phone-tasks");

        await row.ClickAsync();
        await Expect(page.Locator("[data-case]")).ToHaveAttributeAsync("data-case", task.Number);
        await Expect(page.Locator("[data-reporter]")).ToHaveTextAsync("王* · 139****5678");
        await BrowserApp.ScreenshotAsync(page, "phone-task-dispatched");
        await page.Locator("[data-command=Sign]").ClickAsync();
        await Expect(page.Locator("[data-done=Sign]")).ToBeVisibleAsync();

        await Expect(page.Locator("[data-supervision=open]")).ToContainTextAsync("请今天处理");
        await page.Locator("[data-command=AnswerSupervision]").ClickAsync();
        await page.Locator("[data-field='Field.Answer']").FillAsync("已安排人员今天下午清理");
        await page.Locator("[data-submit=AnswerSupervision]").ClickAsync();
        await Expect(page.Locator("[data-done=AnswerSupervision]")).ToContainTextAsync("督办回复已提交");
        await Expect(page.Locator("[data-supervision=answered]")).ToContainTextAsync("已安排人员今天下午清理");
        await Expect(page.Locator("[data-supervised]")).ToHaveCountAsync(0);

        await page.Locator("[data-command=AddProgress]").ClickAsync();
        await page.Locator("[data-field='Field.Note']").FillAsync("已到现场，正在清理楼道杂物");
        await BrowserApp.PickFilesAsync(page.Locator("[data-field=photos]"), Photo("IMG_0101.jpg"));
        await Expect(page.Locator("[data-photo]")).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, "phone-task-progress-form");
        await page.Locator("[data-submit=AddProgress]").ClickAsync();
        await Expect(page.Locator("[data-done=AddProgress]")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.Locator("[data-command=ReportDone]").ClickAsync();
        await page.Locator("[data-field='Field.Result']").FillAsync("杂物已全部清走，消防通道畅通");
        await BrowserApp.PickFilesAsync(page.Locator("[data-field=photos]"), Photo("IMG_0102.jpg"));
        // The pick reaches the server over the circuit; a tap before it arrives would send no photo.
        await Expect(page.Locator("[data-photo]")).ToHaveCountAsync(1);
        await page.Locator("[data-submit=ReportDone]").ClickAsync();
        await Expect(page.Locator("[data-done=ReportDone]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var resultPhoto = page.Locator("[data-photos-of=ReportedDone] img");
        await Expect(resultPhoto).ToHaveCountAsync(1);
        await resultPhoto.ScrollIntoViewIfNeededAsync();
        await BrowserApp.ExpectImageShownAsync(resultPhoto);
        await BrowserApp.ScreenshotAsync(page, "phone-task-done");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth"));

        var timeline = (await Queries.DetailAsync(System, task.Id))!.Timeline;
        var fromPhone = timeline.Where(e => e.Source == ActSource.Phone).ToList();
        Assert.Equal([CaseEventType.Signed, CaseEventType.SupervisionAnswered, CaseEventType.ProgressNoted, CaseEventType.ReportedDone], fromPhone.Select(e => e.Type));
        Assert.All(fromPhone, e => Assert.Equal(staff.Name, e.ActorName));
        Assert.Single(fromPhone[2].Attachments);
        Assert.Single(fromPhone[3].Attachments);
    }

    [Fact]
    public async Task PatrolReport_OnAPhone_ReportsFromTheStaffsCourtyard()
    {
        var (staff, company) = PropertyStaff();
        var page = await app.SignedInPageAsync("property", 390, 844);

        await BrowserApp.OpenAsync(page, "/m/report");
        await BrowserApp.ScreenshotAsync(page, "phone-report-start");
        await BrowserApp.PickFilesAsync(page.Locator("[data-field=photos]"), Photo("IMG_0201.jpg"));
        await Expect(page.Locator("[data-photo]")).ToHaveCountAsync(1);
        await page.Locator("[data-field=courtyard]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await page.Locator("[data-category='0202']").ClickAsync();
        await page.Locator("[data-field=description]").FillAsync("单元门口路灯不亮，晚上很黑");
        await Expect(page.Locator("[data-submit]")).ToBeEnabledAsync();
        await BrowserApp.ScreenshotAsync(page, "phone-report");
        await page.Locator("[data-submit]").ClickAsync();

        var number = await page.Locator("[data-reported]").GetAttributeAsync("data-reported", new() { Timeout = 30_000 });
        await BrowserApp.ScreenshotAsync(page, "phone-report-sent");
        var reported = (await Queries.DetailAsync(System, (await Queries.FindByNumberAsync(System, number!))!.Value))!;
        Assert.Equal(Channel.GridPatrol, reported.Report.Channel);
        Assert.Contains(reported.Place.CourtyardId, company.ServedCourtyardIds);
        Assert.Equal((ActSource.Phone, staff.Name), (reported.Timeline[0].Source, reported.Timeline[0].ActorName));
        Assert.Single(reported.Timeline[0].Attachments);
    }

    [Fact]
    public async Task CoHandler_OnThePhone_SignsReportsWithAPhotoAndClosesItsPart_ThenSeesItFinished()
    {
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var liaison = DemoAccounts.StaffOf("liaison", directory.Staff)!;
        var own = liaison.UnitId!.Value;
        var lead = directory.Units.First(u => u.Kind == UnitKind.DistrictDepartment && u.Id != own).Id;
        var reported = await Cases.ReportAsync(
            new ReportCaseRequest(Channel.Hotline, "0101", Urgency.Normal, directory.Courtyards.First().Id, null, "河道边垃圾堆积，涉及多个部门", "李四", "13800001111"),
            System);
        await Cases.ExecuteAsync(reported.Id, new AcceptCase(HandlingLevel.District), System);
        await Cases.ExecuteAsync(reported.Id, new DispatchCase(lead, [own]), System);

        var page = await app.SignedInPageAsync("liaison", 390, 844);
        await BrowserApp.OpenAsync(page, "/m");
        var card = page.Locator($"[data-part-task='{reported.Number}']");
        await Expect(card.Locator("[data-part-state]")).ToHaveAttributeAsync("data-part-state", nameof(PartStatus.ToSign));
        await BrowserApp.ScreenshotAsync(page, "phone-parts");
        await card.ClickAsync();

        await Expect(page.Locator("[data-case]")).ToHaveAttributeAsync("data-case", reported.Number);
        await page.Locator("[data-command=SignPart]").ClickAsync();
        await Expect(page.Locator("[data-done=SignPart]")).ToBeVisibleAsync();

        await page.Locator("[data-command=AddPartProgress]").ClickAsync();
        await page.Locator("[data-field='Field.Note']").FillAsync("已组织人员清运一半");
        await BrowserApp.PickFilesAsync(page.Locator("[data-field=photos]"), new FilePayload { Name = "IMG_0301.jpg", MimeType = "image/jpeg", Buffer = Photos.Of("jpeg") });
        await Expect(page.Locator("[data-photo]")).ToHaveCountAsync(1);
        await page.Locator("[data-submit=AddPartProgress]").ClickAsync();
        await Expect(page.Locator("[data-done=AddPartProgress]")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.Locator("[data-command=ClosePart]").ClickAsync();
        await page.Locator("[data-field='Field.Result']").FillAsync("本部门负责的河道段已清理完毕");
        await BrowserApp.ScreenshotAsync(page, "phone-part-close");
        await page.Locator("[data-submit=ClosePart]").ClickAsync();
        await Expect(page.Locator("[data-done=ClosePart]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-command=ClosePart]")).ToHaveCountAsync(0);

        var detail = (await Queries.DetailAsync(System, reported.Id))!;
        var part = detail.Parts.Single(p => p.UnitId == own);
        Assert.True(part.IsClosed);
        Assert.Equal("本部门负责的河道段已清理完毕", part.Result);
        var fromPhone = detail.Timeline.Where(e => e.Source == ActSource.Phone).ToList();
        Assert.Equal([CaseEventType.PartSigned, CaseEventType.PartProgressNoted, CaseEventType.PartClosed], fromPhone.Select(e => e.Type));
        Assert.Single(fromPhone[1].Attachments);

        await page.Locator("[data-nav=done]").ClickAsync();
        await Expect(page.Locator($"[data-finished-task='{reported.Number}']")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "phone-finished");
    }

    [Fact]
    public async Task Handler_RevealsTheReportersNumber_ToCallBack_AndTheRevealIsAudited()
    {
        var (staff, company) = PropertyStaff();
        var reported = await DispatchedAsync(company, "单元门禁坏了，老人进不了门");

        var page = await app.SignedInPageAsync("property", 390, 844);
        await BrowserApp.OpenAsync(page, $"/m/tasks/{reported.Id}");
        await Expect(page.Locator("[data-reporter]")).ToHaveTextAsync("王* · 139****5678");
        await Expect(page.Locator("[data-call]")).ToHaveCountAsync(0);
        await page.Locator("[data-reveal]").ClickAsync();

        var call = page.Locator("[data-call]");
        await Expect(call).ToHaveAttributeAsync("href", "tel:13912345678");
        await Expect(page.Locator("[data-reporter]")).ToHaveTextAsync("王五 · 13912345678");
        Assert.True((await call.BoundingBoxAsync())!.Height >= 44);
        await BrowserApp.ScreenshotAsync(page, "phone-call-back");

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        var audited = await db.AuditEntries.SingleAsync(a => a.CaseId == reported.Id && a.Action == AuditActions.PersonalDataRevealed);
        Assert.Equal((staff.Id, ActSource.Phone), (audited.StaffId!.Value, audited.Source));
    }

    [Fact]
    public async Task SharedPhone_SwitchesLanguage_AndSignsOut()
    {
        var page = await app.SignedInPageAsync("grid", 390, 844);
        await BrowserApp.OpenAsync(page, "/m");
        await Expect(page.Locator("h1").Last).ToHaveTextAsync("我的任务");
        await page.Locator("[data-language=en-US]").ClickAsync();
        await Expect(page.Locator("h1").Last).ToHaveTextAsync("My tasks");
        await page.Locator("[data-circuit=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await BrowserApp.ScreenshotAsync(page, "phone-english");
        var language = (await page.Locator("[data-language]").BoundingBoxAsync())!;
        var signOut = (await page.Locator("[data-sign-out]").BoundingBoxAsync())!;
        Assert.True(language.Height >= 44 && signOut.Height >= 44, $"header targets {language.Height} and {signOut.Height} px tall");

        await page.Locator("[data-sign-out]").ClickAsync();
        await BrowserApp.SentToSignInAsync(page);
        await page.GotoAsync("/m", new() { WaitUntil = WaitUntilState.Commit });
        await BrowserApp.SentToSignInAsync(page);
    }

    private CaseService Cases => app.Services.GetRequiredService<CaseService>();
    private CaseQueries Queries => app.Services.GetRequiredService<CaseQueries>();

    /// <summary>The demo user "property": the first property staff member, and their company.</summary>
    private (Staff Staff, HandlingUnit Company) PropertyStaff()
    {
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var staff = DemoAccounts.StaffOf("property", directory.Staff)!;
        return (staff, directory.Unit(staff.UnitId!.Value)!);
    }

    /// <summary>A hotline case taken in and dispatched to the company, as the dispatch desk would.</summary>
    private async Task<Case> DispatchedAsync(HandlingUnit company, string description)
    {
        var reported = await Cases.ReportAsync(
            new ReportCaseRequest(Channel.Hotline, "0102", Urgency.Urgent, company.ServedCourtyardIds[0], null, description, "王五", "13912345678"),
            System);
        await Cases.ExecuteAsync(reported.Id, new AcceptCase(company.Level), System);
        return await Cases.ExecuteAsync(reported.Id, new DispatchCase(company.Id), System);
    }

    private static FilePayload Photo(string name) => new() { Name = name, MimeType = "image/jpeg", Buffer = Photos.Of("jpeg") };
}
