using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Web.Components.Pages.Phone;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommandCenter.Web.Tests.Phone;

/// <summary>随手拍: a report from patrol, on the person's own courtyard, as a grid-patrol case from the phone.</summary>
public sealed class PatrolReportTests : PhoneTest, IClassFixture<ApiApp>
{
    private readonly CourtyardLists _lists;

    public PatrolReportTests(ApiApp app) : base(app) => _lists = app.Factory.Services.GetRequiredService<CourtyardLists>();

    [Fact]
    public async Task Send_FromAPostWithOneCourtyard_ReportsAGridPatrolCaseThere()
    {
        var staff = Directory.Staff.Where(s => s.Role == AccessRole.PropertyStaff)
            .First(s => Directory.Unit(s.UnitId!.Value)!.ServedCourtyardIds.Count == 1);
        var courtyardId = Directory.Unit(staff.UnitId!.Value)!.ServedCourtyardIds[0];
        var post = SignIn(staff);
        var page = RenderPage<PatrolReport>();

        page.Find("[data-category='0101']").Click();
        page.Find("textarea[data-field=description]").Input("小区北门垃圾桶满溢");
        page.Find("[data-submit]").Click();

        var number = page.WaitForElement("[data-reported]").GetAttribute("data-reported")!;
        var reported = (await Queries.DetailAsync(post, (await Queries.FindByNumberAsync(post, number))!.Value))!;
        Assert.Equal((Channel.GridPatrol, courtyardId, ActSource.Phone), (reported.Report.Channel, reported.Place.CourtyardId, reported.Timeline[0].Source));
    }

    [Fact]
    public async Task Send_AtALift_ReportsTheCaseAboutIt()
    {
        var staff = Directory.Staff.Where(s => s.Role == AccessRole.PropertyStaff)
            .First(s => Directory.Unit(s.UnitId!.Value)!.ServedCourtyardIds.Count == 1);
        var courtyardId = Directory.Unit(staff.UnitId!.Value)!.ServedCourtyardIds[0];
        var lift = await _lists.AddFacilityAsync(Directory.PostOf(staff, ActSource.Phone), courtyardId,
            new FacilityInput(FacilityKind.Lift, 1, "随手拍电梯"));
        var post = SignIn(staff);
        var page = RenderPage<PatrolReport>();

        page.WaitForAssertion(() => page.Find("[data-field=facilityId]"));
        var facility = page.FindComponent<MudSelect<FacilityId?>>();
        await facility.InvokeAsync(() => facility.Instance.ValueChanged.InvokeAsync(new FacilityId(lift)));
        page.Find("[data-category='0101']").Click();
        page.Find("textarea[data-field=description]").Input("电梯困人，已联系物业");
        page.Find("[data-submit]").Click();

        var number = page.WaitForElement("[data-reported]").GetAttribute("data-reported")!;
        var reported = (await Queries.DetailAsync(post, (await Queries.FindByNumberAsync(post, number))!.Value))!;
        Assert.Equal(new CaseFacility(new FacilityId(lift), FacilityKind.Lift, "随手拍电梯"), reported.Place.Facility);
    }
}
