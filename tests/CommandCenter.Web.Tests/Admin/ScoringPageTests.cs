using Bunit;
using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Web.Components.Pages.Admin;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Admin;

/// <summary>The scoring page shows a kind's current scheme, saves a change as the next revision, and says why an invalid one is refused.</summary>
public sealed class ScoringPageTests(ApiApp app) : AdminTest(app), IClassFixture<ApiApp>
{
    private ScoringAdministration Schemes => Services.GetRequiredService<ScoringAdministration>();

    [Fact]
    public async Task Save_MakesTheNextRevision()
    {
        var before = (await Schemes.CurrentAsync(ScoredKind.PropertyCompany)).Revision;
        var page = RenderPage<Scoring>();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-weight]").Count));

        page.Find(Input("data-field='listSize'")).Change("5");
        page.Find("[data-action='save-scheme']").Click();

        page.WaitForAssertion(() => Assert.Equal($"{before + 1}", page.Find("[data-scheme]").GetAttribute("data-revision")));
        var stored = await Schemes.CurrentAsync(ScoredKind.PropertyCompany);
        Assert.Equal((before + 1, 5), (stored.Revision, stored.ListSize));
    }

    [Fact]
    public async Task InvalidScheme_IsRefused_InTheUsersLanguage()
    {
        var before = (await Schemes.CurrentAsync(ScoredKind.PropertyCompany)).Revision;
        var page = RenderPage<Scoring>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-weight]")));

        page.Find("[data-action='add-weight']").Click();
        page.Find("[data-action='save-scheme']").Click();

        page.WaitForAssertion(() => Assert.Contains("每项权重须在1%到100%之间", page.Markup));
        Assert.Equal(before, (await Schemes.CurrentAsync(ScoredKind.PropertyCompany)).Revision);
    }
}
