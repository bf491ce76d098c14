using System.Diagnostics;
using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Components.Wall;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WallPage = CommandCenter.Web.Components.Pages.Wall.Wall;

namespace CommandCenter.Web.Tests.Wall;

/// <summary>The wall page against a projection fed by scripted events: it shows the figures it is given, and coalesces bursts.</summary>
public sealed class WallPageTests : ComponentTest, IClassFixture<ApiApp>
{
    private readonly InProcessCaseEventStream _stream = new(NullLogger<InProcessCaseEventStream>.Instance);
    private readonly DashboardProjection _projection;
    private readonly OrganisationDirectory _directory;

    public WallPageTests(ApiApp app)
    {
        _projection = new DashboardProjection(_stream, TimeProvider.System);
        _directory = app.Factory.Services.GetRequiredService<OrganisationDirectory>();
        Context.Services.AddSingleton(_projection);
        Context.Services.AddSingleton(_directory);
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddScoped<Session.CurrentActor>();
        SignInAs(_directory.Staff.First(s => s.Role == Domain.Access.AccessRole.StreetLeader));
        // As in the app: an interactive server circuit, which is when the wall subscribes.
        Context.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Render_ShowsTheProjectionsFigures()
    {
        var courtyard = _directory.Courtyards.First();
        _stream.Publish([Event(Guid.NewGuid(), "CT-20261201-0001", CaseEventType.Reported, CaseState.Reported, courtyard)]);

        var wall = Context.Render<WallPage>();

        Assert.Equal("1", wall.Find("[data-tile=Received] h3").TextContent.Trim());
        Assert.Contains(courtyard.Name, wall.Find("[data-case='CT-20261201-0001']").TextContent);
        Assert.Single(wall.FindAll("[data-marker='CT-20261201-0001']"));
        Assert.Equal(2, wall.FindAll("[data-trend]").Count);
    }

    [Fact]
    public void Burst_IsCoalesced_AndTheLastChangeIsShown()
    {
        var courtyard = _directory.Courtyards.First();
        var wall = Context.Render<WallPage>();

        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= 200; i++)
            _stream.Publish([Event(Guid.NewGuid(), $"CT-20261201-{i:0000}", CaseEventType.Reported, CaseState.Reported, courtyard)]);
        var burst = clock.Elapsed;

        wall.WaitForAssertion(() => Assert.Equal("200", wall.Find("[data-tile=Received] h3").TextContent.Trim()), TimeSpan.FromSeconds(10));
        // Each refresh of the wall's figures moves this hour's count on the 24 h chart, which passes it on at most
        // once a second: one update at the start of the burst, at most one per second during it, one trailing.
        var chartUpdates = Context.JSInterop.Invocations.Count(i => i.Identifier == "update" && Equals(i.Arguments[0], "cc-trend-24h"));
        Assert.InRange(chartUpdates, 1, 2 + (int)Math.Ceiling(burst / TrendChart.SendInterval));
    }

    [Fact]
    public async Task Disposed_UnsubscribesFromTheProjection()
    {
        Context.Render<WallPage>();
        Context.Render<WallPage>(p => p.Add(w => w.CommunityId, _directory.Courtyards.First().CommunityId.Value));
        Assert.Equal(2, _projection.SubscriberCount);

        await Context.DisposeComponentsAsync();

        Assert.Equal(0, _projection.SubscriberCount);
    }

    private static CaseEvent Event(Guid id, string number, CaseEventType type, CaseState state, Courtyard courtyard) =>
        new(id, number, 1, 1, type, null, state, HandlingLevel.Courtyard, Urgency.Normal, "0101", Channel.Hotline, 1, courtyard.CommunityId,
            courtyard.Id, null, ActSource.Console, DateTime.UtcNow, DateTime.UtcNow, false, null, null, null);

    [Fact]
    public void CommunityStaff_AskingForTheStreetWall_AreSentToTheirCommunitysWall()
    {
        var staff = _directory.Staff.First(s => s.Role == Domain.Access.AccessRole.CommunityStaff);
        SignInAs(staff);

        Context.Render<WallPage>();

        Assert.EndsWith($"/wall/community/{staff.CommunityId}", Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
    }
}
