using System.Globalization;
using Bunit;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Web.Components.Pages.Phone;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Phone;

/// <summary>"My tasks": the unit's open cases, the nearest deadline first, each with the time left.</summary>
public sealed class TaskListTests(ApiApp app) : PhoneTest(app), IClassFixture<ApiApp>
{
    [Fact]
    public async Task Render_UnitsOpenCases_NearestDeadlineFirst_WithTimeLeft()
    {
        var (staff, company) = PropertyStaff();
        var signed = await DispatchedAsync(company);
        await Cases.ExecuteAsync(signed.Id, new SignCase(), System);
        var waiting = await DispatchedAsync(company);
        SignIn(staff);

        var page = RenderPage<Tasks>();

        var rows = page.FindAll("[data-task]");
        var numbers = rows.Select(r => r.GetAttribute("data-task")).ToList();
        var deadlines = rows.Select(r => r.GetAttribute("data-deadline") is { } at
            ? DateTime.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : (DateTime?)null).ToList();
        // Deferred cases (缓办) have no deadline and come last.
        Assert.Equal(deadlines.OrderBy(d => d is null).ThenBy(d => d), deadlines);
        Assert.True(numbers.IndexOf(waiting.Number) < numbers.IndexOf(signed.Number), "the case still to sign races the nearer clock");
        var row = page.Find($"[data-task='{waiting.Number}']");
        Assert.Contains("待签收", row.TextContent);
        Assert.Contains("剩余", row.TextContent);
        Assert.Contains(Directory.CourtyardName(waiting.CourtyardId), row.TextContent);
    }

    [Fact]
    public async Task Render_CoHandledPart_IsListedApart_WithThePartsOwnClock_UntilItIsClosed()
    {
        var departments = Directory.Units.Where(u => u.Kind == Domain.Organisation.UnitKind.DistrictDepartment
            && Directory.Staff.Any(s => s.UnitId == u.Id && s.Role == Domain.Access.AccessRole.DepartmentLiaison)).Take(2).ToList();
        var (lead, own) = (departments[0], departments[1]);
        var reported = await Cases.ReportAsync(new ReportCaseRequest(Channel.Hotline, "0101", Domain.Categories.Urgency.Normal,
            Directory.Courtyards.First().Id, null, "河道漂浮物需要多个部门一起清理", "张三", "13812345678"), System);
        await Cases.ExecuteAsync(reported.Id, new AcceptCase(Domain.Organisation.HandlingLevel.District), System);
        var dispatched = await Cases.ExecuteAsync(reported.Id, new DispatchCase(lead.Id, [own.Id]), System);
        var post = SignIn(Directory.Staff.First(s => s.UnitId == own.Id && s.Role == Domain.Access.AccessRole.DepartmentLiaison));

        var page = RenderPage<Tasks>();

        var part = page.Find($"[data-part-task='{dispatched.Number}']");
        Assert.Equal(nameof(PartStatus.ToSign), part.QuerySelector("[data-part-state]")!.GetAttribute("data-part-state"));
        Assert.Contains("剩余", part.TextContent);
        Assert.Empty(page.FindAll($"[data-task='{dispatched.Number}']"));

        await Cases.ExecuteAsync(reported.Id, new SignPart(own.Id), post);
        await Cases.ExecuteAsync(reported.Id, new ClosePart(own.Id, "本部门河段已清理"), post);
        ScreenClock.Advance(global::CommandCenter.Web.Components.Controls.LiveCaseFeed.PhoneInterval);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-part-task='{dispatched.Number}']")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Render_PassedDeadline_ShowsTheOverdueTimeInRed()
    {
        var (staff, company) = PropertyStaff();
        var late = await DispatchedAsync(company);
        ScreenClock.SetUtcNow(late.Clock.SignDeadlineUtc!.Value.AddHours(3));
        SignIn(staff);

        var page = RenderPage<Tasks>();

        // Blazor writes a true attribute bare and leaves a false one out: present means overdue.
        var overdue = page.Find($"[data-task='{late.Number}'] [data-overdue]");
        Assert.Contains("mud-error-text", overdue.ClassList);
        Assert.Contains("超时", overdue.TextContent);
    }

    [Fact]
    public async Task Render_AnotherUnitsCase_IsNotListed()
    {
        var (staff, company) = PropertyStaff();
        var other = Directory.Units.First(u => u.Kind == Domain.Organisation.UnitKind.PropertyCompany && u.Id != company.Id
            && u.ServedCourtyardIds.Count > 0 && !u.ServedCourtyardIds.Intersect(company.ServedCourtyardIds).Any());
        var theirs = await DispatchedAsync(other);
        SignIn(staff);

        var page = RenderPage<Tasks>();

        Assert.Empty(page.FindAll($"[data-task='{theirs.Number}']"));
    }

    [Fact]
    public async Task TimeFilter_OverdueChip_ShowsOnlyTheTasksPastTheirClock_WarningChipNoneOfThese()
    {
        var (staff, company) = PropertyStaff();
        var late = await DispatchedAsync(company);
        var signed = await DispatchedAsync(company);
        await Cases.ExecuteAsync(signed.Id, new SignCase(), System);
        ScreenClock.SetUtcNow(late.Clock.SignDeadlineUtc!.Value.AddMinutes(1));
        SignIn(staff);
        var page = RenderPage<Tasks>();
        Assert.NotEmpty(page.FindAll($"[data-task='{signed.Number}']"));

        page.Find("[data-time-filter=Overdue]").Click();

        Assert.NotEmpty(page.FindAll($"[data-task='{late.Number}']"));
        Assert.Empty(page.FindAll($"[data-task='{signed.Number}']"));
        Assert.All(page.FindAll("[data-task] [data-overdue]"), e => Assert.Contains("超时", e.TextContent));
        Assert.Equal(page.FindAll("[data-task]").Count, page.FindAll("[data-task] [data-overdue]").Count);
        Assert.Contains("超时", page.Find("[data-time-filter=Overdue]").TextContent);

        page.Find("[data-time-filter=Warning]").Click();
        Assert.Empty(page.FindAll($"[data-task='{late.Number}']"));
        Assert.Empty(page.FindAll($"[data-task='{signed.Number}']"));

        page.Find("[data-time-filter=All]").Click();
        Assert.NotEmpty(page.FindAll($"[data-task='{late.Number}']"));
        Assert.NotEmpty(page.FindAll($"[data-task='{signed.Number}']"));
    }
}
