using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
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
        Assert.Equal("/archive/people", page.Find("[data-people-link]").GetAttribute("href"));
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

    [Fact]
    public async Task PeopleByTag_ShowsTheScopesPeopleMasked_AndRevealsOneRecordAudited()
    {
        var community = DemoAccounts.StaffOf("community", Directory.Staff)!;
        var post = Directory.PostOf(community, ActSource.Console);
        var archive = Services.GetRequiredService<ArchiveQueries>();
        var scope = archive.VisibleCourtyards(post).Select(c => c.Name).ToHashSet();
        var expected = await archive.PeopleAsync(post, new PeopleQuery(ResidentTags.ElderlyAlone, PageSize: 50));
        Assert.NotEmpty(expected.Items);
        var audited = await Log.QueryAsync(new AuditQuery { StaffId = community.Id, PageSize = 1 });
        SignInAs(community);

        var page = Context.Render<PeopleByTagPage>();
        page.WaitForAssertion(() => Assert.Equal(expected.Items.Count, page.FindAll("[data-masked=id]").Count));
        Assert.All(page.FindAll("[data-people] tbody tr a"), link => Assert.Contains(link.TextContent, scope));
        Assert.All(page.FindAll("[data-masked=id]").Where(c => c.TextContent.Length > 0), cell => Assert.Contains("*", cell.TextContent));

        var first = expected.Items.First(p => p.IdNumber is not null);
        page.Find($"[data-reveal='{first.Id.Value}']").Click();
        page.WaitForAssertion(() => Assert.DoesNotContain("*", page.Find("[data-revealed=id]").TextContent));
        var after = await Log.QueryAsync(new AuditQuery { StaffId = community.Id, PageSize = 1 });
        Assert.Equal(audited.TotalCount + 1, after.TotalCount);
    }

    [Fact]
    public async Task TheCommunity_SeesEachGridsAndCourtyardsRoundProgress_OnlyItsOwn()
    {
        var community = DemoAccounts.StaffOf("community", Directory.Staff)!;
        var post = Directory.PostOf(community, ActSource.Console);
        var own = Services.GetRequiredService<ArchiveQueries>().VisibleCourtyards(post).ToList();
        var progress = await Services.GetRequiredService<ArchiveRound>().ProgressAsync(post);
        SignInAs(community);

        var page = Context.Render<RoundProgressPage>();

        page.WaitForAssertion(() => Assert.Equal(own.Count, page.FindAll("[data-round-courtyard]").Count));
        Assert.Equal(own.Select(c => c.Id.Value.ToString()).Order(), page.FindAll("[data-round-courtyard]").Select(r => r.GetAttribute("data-round-courtyard")!).Order());
        Assert.Equal(own.Select(c => c.GridId).Distinct().Count(), page.FindAll("[data-round-grid]").Count);
        Assert.Equal($"{progress.Visited}/{progress.Homes}", page.Find("[data-round-total]").GetAttribute("data-round-total"));
    }
}
