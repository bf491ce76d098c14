using System.Globalization;
using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Web.Components.Pages.Admin;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Admin;

/// <summary>The who-decides page: a checkbox per decision and post, saved as one revision; a table that cannot stand is refused in words.</summary>
public sealed class DecisionsPageTests(ApiApp app) : AdminTest(app), IClassFixture<ApiApp>
{
    [Fact]
    public void TickingAPost_AndSaving_StoresItAtTheNextRevision()
    {
        var before = WhoDecides.Current;
        var page = RenderPage<Decisions>();
        Assert.Equal(before.Revision.ToString(CultureInfo.InvariantCulture), page.Find("[data-cell='revision']").TextContent);

        page.Find("[data-cell='ApproveDeferral.Dispatcher'] input").Change(true);
        page.Find("[data-action='save-decisions']").Click();

        page.WaitForAssertion(() => Assert.Equal(before.Revision + 1, WhoDecides.Current.Revision));
        Assert.Equal([AccessRole.StreetLeader, AccessRole.Dispatcher], WhoDecides.Current.Decisions.Single(r => r.Decision == Decision.ApproveDeferral).Roles);
        page.WaitForAssertion(() => Assert.Equal((before.Revision + 1).ToString(CultureInfo.InvariantCulture), page.Find("[data-cell='revision']").TextContent));
    }

    [Fact]
    public void LeavingADecisionWithNoPost_IsRefusedInWords_AndNothingIsStored()
    {
        var before = WhoDecides.Current;
        var page = RenderPage<Decisions>();

        foreach (var role in before.Decisions.Single(r => r.Decision == Decision.Escalate).Roles)
            page.Find($"[data-cell='Escalate.{role}'] input").Change(false);
        page.Find("[data-action='save-decisions']").Click();

        page.WaitForAssertion(() => Assert.Contains("每项决定至少要有一个岗位", page.Markup));
        Assert.Equivalent(before, WhoDecides.Current, strict: true);
    }
}
