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
        Assert.Equal([_app.Company.Name, "3", "4", "3", "75.00 %", "75.00 %", "25.00 %", "66.67 %", "0", "0"], cells);
    }
}
