using Bunit;
using CommandCenter.Web.Components.Pages.Assessment;
using CommandCenter.Web.Tests.Admin;

namespace CommandCenter.Web.Tests.Assessment;

/// <summary>The console's assessment page over the same month as the API tests: the same figures, each rate with its formula.</summary>
public sealed class AssessmentPageTests : AdminTest, IClassFixture<AssessmentApiTests.App>
{
    private readonly AssessmentApiTests.App _app;

    public AssessmentPageTests(AssessmentApiTests.App app) : base(app.Services)
    {
        _app = app;
    }

    [Fact]
    public void ThisMonth_ShowsTheAreaTiles_AndTheCompanysRow()
    {
        var page = RenderPage<AssessmentPage>();

        page.WaitForAssertion(() => Assert.Equal("66.67 %", page.Find("[data-tile=ClosureRate] h5").TextContent.Trim()));
        Assert.Equal("2026-11-01", page.Find("[data-period]").GetAttribute("data-period"));
        Assert.Equal("结案数 ÷ 应结案数", page.Find("[data-tile=ClosureRate] [data-formula]").TextContent.Trim());
        Assert.Equal("66.67 %", page.Find("[data-tile=SatisfactionRate] h5").TextContent.Trim());
        Assert.Equal("—", page.Find("[data-tile=UrgentOnTimeRate] h5").TextContent.Trim());
        var cells = page.FindAll($"[data-unit='{_app.Company.Id}'] td").Select(c => c.TextContent.Trim()).ToList();
        // 立案 应结案 结案 结案率 按期 按期率 缓办 返工 返工率 退单 退单率 满意 基本满意 不满意 默认满意 满意率 派遣 按时响应 响应率
        // 解决 (A only: E was rated 不满意) 解决率, average sign-for (signed at once) and handling (A and E's first 30 working minutes, E's rework 0), 升级, 超期未结.
        Assert.Equal([_app.Company.Name, "3", "4", "3", "75.00 %", "3", "75.00 %", "0", "1", "25.00 %", "0", "0.00 %", "2", "0", "1", "0", "66.67 %",
            "3", "3", "100.00 %", "1", "33.33 %", "0.0", "20.0", "0", "1"], cells);
    }

    [Fact]
    public void PeopleTab_RanksTheDispatchers_ThenSwitchesToTheGridWorkers()
    {
        var page = RenderPage<AssessmentPage>();

        // The fixture's three November cases were accepted and dispatched by the first dispatcher, none late or returned:
        // 60 × 20 % + 100 × 40 % + 100 × 40 % = 92.00, grade A, first; the other dispatchers did nothing and are unranked.
        page.WaitForAssertion(() => Assert.Equal("92.00", page.Find($"[data-table=persons] [data-person='{_app.Dispatcher.Id}'] [data-cell=score]").TextContent.Trim()));
        var row = page.Find($"[data-person='{_app.Dispatcher.Id}']");
        Assert.Equal("1", row.GetAttribute("data-rank"));
        Assert.Equal("A", row.QuerySelector("[data-cell=grade]")!.TextContent.Trim());
        Assert.Equal("3", row.QuerySelector("[data-cell='Assessment.Dispatched']")!.TextContent.Trim());
        Assert.EndsWith($"staffId={_app.Dispatcher.Id}&act=Dispatched", row.QuerySelector("[data-cell='Assessment.Dispatched'] a")!.GetAttribute("href"));
        Assert.Equal("100.00 %", row.QuerySelector("[data-cell='ScoreIndicator.DispatchOnTimeRate']")!.TextContent.Trim());
        var headers = page.FindAll("[data-table=persons] th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("改派", headers);
        Assert.Contains("按时派遣率 (%)", headers);
        Assert.All(page.FindAll("[data-table=persons] tbody tr").Skip(1), r => Assert.Equal("—", r.QuerySelector("[data-cell=score]")!.TextContent.Trim()));

        page.Find("[data-person-kind=GridWorker]").Click();

        page.WaitForAssertion(() => Assert.Equal("GridWorker", page.Find("[data-table=persons]").GetAttribute("data-kind")));
        Assert.Contains("无效上报率 (%)", page.FindAll("[data-table=persons] th").Select(h => h.TextContent.Trim()));
        Assert.Equal(_app.Directory.Staff.Count(s => s.IsActive && s.Role == Domain.Access.AccessRole.GridWorker), page.FindAll("[data-table=persons] tbody tr").Count);
    }
}
