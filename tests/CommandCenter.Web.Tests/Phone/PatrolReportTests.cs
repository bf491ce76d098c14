using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Web.Components.Pages.Phone;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Phone;

/// <summary>随手拍: a report from patrol, on the person's own courtyard, as a grid-patrol case from the phone.</summary>
public sealed class PatrolReportTests(ApiApp app) : PhoneTest(app), IClassFixture<ApiApp>
{
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
}
