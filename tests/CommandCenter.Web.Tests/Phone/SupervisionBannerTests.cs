using System.Globalization;
using Bunit;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Web.Components.Controls;
using CommandCenter.Web.Components.Pages.Phone;
using CommandCenter.Web.Localization;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Phone;

/// <summary>督办 reaches the handler's phone at once, through the same event stream as every live screen.</summary>
public sealed class SupervisionBannerTests(ApiApp app) : PhoneTest(app), IClassFixture<ApiApp>
{
    [Fact]
    public async Task Supervised_MyUnitsCase_BannerAppearsOnTheTaskList()
    {
        var (staff, company) = PropertyStaff();
        var task = await DispatchedAsync(company);
        SignIn(staff);
        var page = RenderPage<Tasks>();
        Assert.Empty(page.FindAll("[data-supervision-banner]"));

        await Cases.ExecuteAsync(task.Id, new SuperviseCase("请今天下班前处理"), System);

        page.WaitForAssertion(() => Assert.Contains(task.Number, page.Find("[data-supervision-banner]").TextContent));
        page.WaitForAssertion(() => Assert.Single(page.FindAll($"[data-task='{task.Number}'] [data-supervised]")));
    }

    [Fact]
    public async Task Answered_TheBannerGoesAwayAndTheTaskIsNoLongerMarked()
    {
        var (staff, company) = PropertyStaff();
        var task = await DispatchedAsync(company);
        SignIn(staff);
        var page = RenderPage<Tasks>();
        await Cases.ExecuteAsync(task.Id, new SuperviseCase("请今天下班前处理"), System);
        page.WaitForAssertion(() => Assert.Contains(task.Number, page.Find("[data-supervision-banner]").TextContent));

        await Cases.ExecuteAsync(task.Id, new AnswerSupervisionCase("已安排人员到场"), System);
        // A second update within the feed's interval waits for it on the screen's clock.
        ScreenClock.Advance(LiveCaseFeed.PhoneInterval);

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-supervision-banner]")));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-task='{task.Number}'] [data-supervised]")));
    }

    [Fact]
    public async Task Supervised_MyUnitsCase_BannerAppearsOnAnotherTasksPage()
    {
        var (staff, company) = PropertyStaff();
        var open = await DispatchedAsync(company);
        var urged = await DispatchedAsync(company);
        SignIn(staff);
        var page = RenderPage<TaskDetail>(p => p.Add(t => t.Id, open.Id));

        await Cases.ExecuteAsync(urged.Id, new SuperviseCase("请尽快处理"), System);

        page.WaitForAssertion(() => Assert.Equal($"/m/tasks/{urged.Id}", page.Find($"[data-urged='{urged.Number}']").GetAttribute("href")));
    }

    [Fact]
    public async Task Supervised_FromAnEnglishConsole_BannerStaysInTheHandlersLanguage()
    {
        var (staff, company) = PropertyStaff();
        var task = await DispatchedAsync(company);
        SignIn(staff);
        var page = RenderPage<Tasks>();

        // The event is published on the supervisor's flow, in the supervisor's language.
        await Task.Run(async () =>
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(CultureSetup.English);
            await Cases.ExecuteAsync(task.Id, new SuperviseCase("请尽快处理"), System);
        });

        page.WaitForAssertion(() => Assert.Contains("督办提醒", page.Find("[data-supervision-banner]").TextContent));
        page.WaitForAssertion(() => Assert.Contains("待签收", page.Find($"[data-task='{task.Number}']").TextContent));
    }

    [Fact]
    public async Task Supervised_AnotherUnitsCase_ShowsNoBanner()
    {
        var (staff, company) = PropertyStaff();
        var other = Directory.Units.First(u => u.Kind == Domain.Organisation.UnitKind.PropertyCompany && u.Id != company.Id && u.ServedCourtyardIds.Count > 0);
        var theirs = await DispatchedAsync(other);
        var mine = await DispatchedAsync(company);
        SignIn(staff);
        var page = RenderPage<Tasks>();

        await Cases.ExecuteAsync(theirs.Id, new SuperviseCase("请尽快处理"), System);
        // Events are delivered in commit order: once mine shows, theirs has been seen and passed over.
        await Cases.ExecuteAsync(mine.Id, new SuperviseCase("请尽快处理"), System);

        page.WaitForAssertion(() => Assert.Single(page.FindAll($"[data-urged='{mine.Number}']")));
        Assert.Empty(page.FindAll($"[data-urged='{theirs.Number}']"));
    }
}
