using Bunit;
using CommandCenter.Domain.Notices;
using CommandCenter.Infrastructure.Notices;
using CommandCenter.Web.Components.Pages.Phone;
using CommandCenter.Web.Tests.Admin;
using CommandCenter.Web.Tests.Phone;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NoticesPage = CommandCenter.Web.Components.Pages.Admin.Notices;

namespace CommandCenter.Web.Tests.Notices;

/// <summary>The phone's task page lists what the staff member was told.</summary>
public sealed class PhoneNoticeListTests(ApiApp app) : PhoneTest(app), IClassFixture<ApiApp>
{
    [Fact]
    public async Task ADispatchToTheUnit_IsListedAsTheStaffMembersNotice()
    {
        var (staff, company) = PropertyStaff();
        var dispatched = await DispatchedAsync(company);
        SignIn(staff);

        var page = RenderPage<Tasks>();

        var notice = page.FindAll("[data-notices] [data-kind='Dispatched']").First(r => r.TextContent.Contains(dispatched.Number));
        Assert.Contains("派遣通知", notice.TextContent);
        Assert.Contains(company.Name, notice.TextContent);
    }
}

/// <summary>The administrator's notices page: a template saved as the next revision; a dead letter sent again.</summary>
public sealed class NoticesPageTests(ApiApp app) : AdminTest(app), IClassFixture<ApiApp>
{
    private NoticeAdministration Notices => Services.GetRequiredService<NoticeAdministration>();

    [Fact]
    public async Task EditingATemplate_AndSaving_StoresTheNextRevision()
    {
        var before = (await Notices.TemplatesAsync()).Single(t => t.Kind == NoticeKind.Supervised);
        var page = RenderPage<NoticesPage>();

        page.Find("[data-template='Supervised'] textarea").Change("督办：案件{number}请今日回复");
        page.Find("[data-template='Supervised'] [data-action='save-template']").Click();

        page.WaitForAssertion(() => Assert.Contains("已保存", page.Markup));
        var after = (await Notices.TemplatesAsync()).Single(t => t.Kind == NoticeKind.Supervised);
        Assert.Equal((before.Revision + 1, "督办：案件{number}请今日回复"), (after.Revision, after.Text));
    }

    [Fact]
    public async Task ADeadLetter_IsSentAgainFromThePage()
    {
        var id = await DeadLetterAsync();
        var page = RenderPage<NoticesPage>();

        page.Find($"[data-notice='{id}'] [data-action='resend']").Click();

        page.WaitForAssertion(() => Assert.Contains("重新进入发送队列", page.Markup));
        // Back in the outbox; the app's worker may already have sent it.
        Assert.NotEqual(NoticeState.DeadLetter, (await Notices.ListAsync(null)).Single(n => n.Id == id).State);
    }

    private async Task<long> DeadLetterAsync()
    {
        var contexts = Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Infrastructure.Persistence.CommandCenterDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var notice = new Notice
        {
            Kind = NoticeKind.Dispatched, RecipientName = "李四", Phone = "13900000000", Text = "测试", State = NoticeState.DeadLetter,
            Attempts = 6, LastError = "503", CreatedAtUtc = DateTime.UtcNow, DueAtUtc = DateTime.UtcNow,
        };
        db.Notices.Add(notice);
        await db.SaveChangesAsync();
        return notice.Id;
    }
}
