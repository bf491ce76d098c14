using Bunit;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Organisation;
using CommandCenter.Web.Components.Pages.Assessment;
using CommandCenter.Web.Tests.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommandCenter.Web.Tests.Assessment;

/// <summary>The assessment page's people tab over the November of <see cref="StreetPersonScoresTests"/>, as the district's administrator sees it.</summary>
public sealed class StreetPeopleTabTests : AdminTest, IClassFixture<StreetPersonScoresTests.App>
{
    private readonly StreetPersonScoresTests.App _app;

    public StreetPeopleTabTests(StreetPersonScoresTests.App app) : base(app.Services)
    {
        _app = app;
    }

    [Fact]
    public async Task ADistrictPost_ChoosesAStreet_AndSeesThatStreetsFigures()
    {
        var page = Context.Render<PersonRanking>(p => p.Add(r => r.Period, AssessmentPeriod.Month(2026, 11)));
        // Every street: D1 78.67, D2 92.00 (figures worked out in StreetPersonScoresTests).
        page.WaitForAssertion(() => Assert.Equal("78.67", Score(page, _app.Dispatcher)));

        var select = page.FindComponents<MudSelect<StreetId?>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-filter"), "person-street"));
        await select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(_app.StreetB));

        page.WaitForAssertion(() => Assert.Equal("52.00", Score(page, _app.Dispatcher)));
        Assert.Equal("92.00", Score(page, _app.StreetDispatcher));
        Assert.EndsWith($"staffId={_app.Dispatcher}&act=Dispatched&street={_app.StreetB}",
            page.Find($"[data-person='{_app.Dispatcher}'] [data-cell='Assessment.Dispatched'] a").GetAttribute("href"));
        Assert.Contains($"street={_app.StreetB}", page.Find("[data-export='persons.csv']").GetAttribute("href"));
    }

    [Fact]
    public void TheDrillDown_OfAStreetTheDistrictHasNot_SaysSoInAPlainSentence()
    {
        Context.Services.GetRequiredService<NavigationManager>()
            .NavigateTo($"/assessment/cases?period=month&year=2026&month=11&staffId={_app.Dispatcher}&act=Dispatched&street=999");

        var page = Context.Render<AssessmentCasesPage>();

        page.WaitForAssertion(() => Assert.Contains("街道不存在。", page.Markup));
    }

    private static string Score(IRenderedComponent<PersonRanking> page, StaffId person) =>
        page.Find($"[data-table=persons] [data-person='{person}'] [data-cell=score]").TextContent.Trim();
}
