using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Web.Components.Pages.Archive;
using CommandCenter.Web.Tests.Admin;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Archive;

/// <summary>The console's 一本账 over the real app: a grid worker sees their courtyard with its tags, property staff without; elsewhere is not found.</summary>
public sealed class CourtyardArchivePageTests(ApiApp app) : AdminTest(app), IClassFixture<ApiApp>
{
    [Fact]
    public void AGridWorker_SeesTheirCourtyardsFiguresAndTags_AndNotAnotherCommunitys()
    {
        var grid = DemoAccounts.StaffOf("grid", Directory.Staff)!;
        var post = Directory.PostOf(grid, ActSource.Console);
        var archive = Services.GetRequiredService<ArchiveQueries>();
        var own = archive.VisibleCourtyards(post).First();
        SignInAs(grid);

        var page = Context.Render<CourtyardArchivePage>(p => p.Add(x => x.Id, own.Id.Value));
        page.WaitForAssertion(() => page.Find("[data-figure=owners]"));
        Assert.Contains(own.Name, page.Find("h1").TextContent);
        Assert.NotEmpty(page.FindAll("[data-tag]"));
        Assert.NotEmpty(page.FindAll("[data-buildings] tbody tr"));

        var elsewhere = Directory.Courtyards.First(c => c.CommunityId != own.CommunityId);
        var refused = Context.Render<CourtyardArchivePage>(p => p.Add(x => x.Id, elsewhere.Id.Value));
        refused.WaitForAssertion(() => refused.Find("[data-not-found]"));
    }

    [Fact]
    public void PropertyStaff_SeeTheHomes_ButNoTags()
    {
        var property = DemoAccounts.StaffOf("property", Directory.Staff)!;
        var own = Services.GetRequiredService<ArchiveQueries>().VisibleCourtyards(Directory.PostOf(property, ActSource.Console)).First();
        SignInAs(property);

        var page = Context.Render<CourtyardArchivePage>(p => p.Add(x => x.Id, own.Id.Value));
        page.WaitForAssertion(() => page.Find("[data-figure=homes]"));
        Assert.Empty(page.FindAll("[data-tags]"));
    }
}
