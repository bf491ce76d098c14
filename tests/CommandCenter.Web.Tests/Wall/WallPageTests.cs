using System.Diagnostics;
using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Assessment;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Components;
using CommandCenter.Web.Components.Wall;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WallPage = CommandCenter.Web.Components.Pages.Wall.Wall;

using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Tests.Wall;

/// <summary>The wall page against a projection fed by scripted events: it shows the figures it is given, and coalesces bursts.</summary>
public sealed class WallPageTests : ComponentTest, IClassFixture<ApiApp>
{
    private readonly InProcessCaseEventStream _stream = new(NullLogger<InProcessCaseEventStream>.Instance);
    private readonly DashboardProjection _projection;
    private readonly WallAssessment _assessment;
    private readonly OrganisationDirectory _directory;
    private readonly IDbContextFactory<Infrastructure.Persistence.CommandCenterDbContext> _db;
    private readonly CommandCenterFactory _factory;

    public WallPageTests(ApiApp app)
    {
        _factory = app.Factory;
        _projection = new DashboardProjection(_stream, TimeProvider.System, app.Factory.Services.GetRequiredService<DeadlineRulesProvider>());
        _directory = app.Factory.Services.GetRequiredService<OrganisationDirectory>();
        Context.Services.AddSingleton(_projection);
        _assessment = new WallAssessment(app.Factory.Services.GetRequiredService<AssessmentQueries>(),
            app.Factory.Services.GetRequiredService<Infrastructure.Assessment.Scoring.ScoringAdministration>(),
            app.Factory.Services.GetRequiredService<Infrastructure.Assessment.Scoring.PersonScores>(),
            app.Factory.Services.GetRequiredService<Infrastructure.Assessment.Scoring.HonourRolls>(), _projection, TimeProvider.System, NullLogger<WallAssessment>.Instance);
        Context.Services.AddSingleton(_assessment);
        Context.Services.AddSingleton(_directory);
        _db = app.Factory.Services.GetRequiredService<IDbContextFactory<Infrastructure.Persistence.CommandCenterDbContext>>();
        Context.Services.AddSingleton(new Infrastructure.Archive.ArchiveTally(_db, TimeProvider.System));
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddScoped<Session.CurrentActor>();
        Context.Services.AddMetrics();
        Context.Services.AddSingleton<CommandCenter.Web.Telemetry.WallLiveness>();
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
    public async Task Render_ShowsTheStreetsArchive_BesideItsCases()
    {
        await using var db = await _db.CreateDbContextAsync();
        var homes = await db.Homes.CountAsync();
        var residents = await db.Residents.CountAsync(r => r.Removal == null);
        var elderly = await db.Residents.CountAsync(r => r.Removal == null && (r.Tags & Domain.Archive.ResidentTags.ElderlyAlone) != 0);

        var wall = Context.Render<WallPage>();

        var panel = wall.WaitForElement("[data-archive-panel]");
        Assert.True(homes > 0);
        Assert.Equal((homes.ToString(), residents.ToString()), (panel.GetAttribute("data-homes"), panel.GetAttribute("data-residents")));
        Assert.Equal(elderly.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), wall.Find("[data-archive=elderly]").TextContent.Trim());
    }

    [Fact]
    public async Task Render_ShowsTheAssessmentRates_TodayAnd30Days_WithTheirFormulas()
    {
        _assessment.Rates(null);
        await _assessment.RefreshAsync();
        var rates = _assessment.Rates(null)!;

        var wall = Context.Render<WallPage>();

        var last30Days = new Indicators(rates.Last30Days);
        foreach (var (key, rate) in new[] { ("ClosureRate", last30Days.ClosureRate), ("OnTimeRate", last30Days.OnTimeRate), ("SatisfactionRate", last30Days.SatisfactionRate) })
            Assert.EndsWith(RateText.Of(rate), wall.Find($"[data-tile={key}] [data-period='30d']").TextContent.Trim());
        Assert.Equal(RateText.Of(new Indicators(rates.Today).OnTimeRate), wall.Find("[data-tile=OnTimeRate] [data-period='today']").TextContent.Trim());
        Assert.Equal("按期结案数 ÷ (应结案数 − 缓办数)", wall.Find("[data-tile=OnTimeRate] [data-formula]").TextContent.Trim());
        Assert.Equal(rates.Ranking.Select(u => u.Item.UnitId.ToString()), wall.FindAll("[data-unit]").Select(r => r.GetAttribute("data-unit")));
    }

    [Fact]
    public async Task Render_ShowsThePeopleOfTheLast30Days_AsTheAssessmentPageRanksThem()
    {
        _assessment.Rates(null);
        await _assessment.RefreshAsync();
        var rates = _assessment.Rates(null)!;
        var scores = _factory.Services.GetRequiredService<Infrastructure.Assessment.Scoring.PersonScores>();
        var period = AssessmentPeriod.LastDays(rates.AsOfUtc, 30);
        var expected = new List<string>();
        foreach (var kind in Enum.GetValues<PersonKind>())
        {
            var page = await scores.OfKindAsync(Post.System(ActSource.Display), period, kind);
            expected.AddRange(page.Rows.Where(r => r.Rank is not null).Take(3).Select(r => $"{r.Person.StaffId} {r.Rank} {r.Score!.Value:0.00}"));
        }

        var wall = Context.Render<WallPage>();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, wall.FindAll("[data-person]").Select(r => $"{r.GetAttribute("data-person")} {r.GetAttribute("data-rank")} {r.Children[2].TextContent.Trim()}"));
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
        // The wall's assessment figures and the walls' liveness follow the projection too; those stay.
        var liveness = Context.Services.GetRequiredService<CommandCenter.Web.Telemetry.WallLiveness>();
        var before = _projection.SubscriberCount;
        Context.Render<WallPage>();
        Context.Render<WallPage>(p => p.Add(w => w.CommunityId, _directory.Courtyards.First().CommunityId.Value));
        Assert.Equal(before + 2, _projection.SubscriberCount);
        Assert.Equal(2, _assessment.SubscriberCount);
        Assert.Equal(2, liveness.Open);

        await Context.DisposeComponentsAsync();

        Assert.Equal(before, _projection.SubscriberCount);
        Assert.Equal(0, _assessment.SubscriberCount);
        Assert.Equal(0, liveness.Open);
    }

    private static CaseEvent Event(
        Guid id, string number, CaseEventType type, CaseState state, Courtyard courtyard, StageTimes? times = null, DateTime? deferredAt = null) =>
        new(id, number, 1, 1, type, null, state, HandlingLevel.Courtyard, Urgency.Normal, "0101", Channel.Hotline, new StreetId(1), courtyard.CommunityId,
            courtyard.Id, null, ActSource.Console, DateTime.UtcNow, DateTime.UtcNow, false, null, null, null, times ?? StageTimes.None, deferredAt);

    [Fact]
    public void Render_NamesEachAlertsStageAndStatus_AndShowsTheDeferredWithTheirBacklog()
    {
        var courtyard = _directory.Courtyards.First();
        var now = DateTime.UtcNow;
        _stream.Publish([
            Event(Guid.NewGuid(), "CT-20261201-0101", CaseEventType.Dispatched, CaseState.Dispatched, courtyard, StageTimes.None with { SignDeadlineUtc = now.AddMinutes(-5) }),
            Event(Guid.NewGuid(), "CT-20261201-0102", CaseEventType.Accepted, CaseState.PendingDispatch, courtyard,
                StageTimes.None with { WaitWarningAtUtc = now.AddMinutes(-1), WaitDeadlineUtc = now.AddHours(1) }),
            Event(Guid.NewGuid(), "CT-20261201-0103", CaseEventType.RequestApproved, CaseState.InProgress, courtyard,
                StageTimes.None with { IsDeferred = true }, now.AddDays(-70)),
        ]);

        var wall = Context.Render<WallPage>();

        Assert.Equal("待签收超时", wall.Find("[data-alert='CT-20261201-0101'] [data-alert-label]").TextContent.Trim());
        Assert.Equal("待派遣预警", wall.Find("[data-alert='CT-20261201-0102'] [data-alert-label]").TextContent.Trim());
        Assert.Empty(wall.FindAll("[data-alert='CT-20261201-0103']"));
        var alerts = wall.FindAll("[data-alert]").Select(a => a.GetAttribute("data-status")).ToList();
        Assert.Equal(alerts.OrderByDescending(s => s == "Overdue"), alerts);
        Assert.True(int.Parse(wall.Find("[data-tile=Deferred] [data-count=deferred]").TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains("积存", wall.Find("[data-tile=Deferred] [data-count=backlog]").TextContent);
        Assert.Contains("60", wall.Find("[data-tile=Deferred] [data-formula]").TextContent);
    }

    [Fact]
    public void NoAlerts_TheAlertPanelIsOneLine_AndUnitsGoByTheirShortNames()
    {
        var wall = Context.Render<WallPage>();

        Assert.Empty(wall.FindAll("[data-alert]"));
        Assert.Single(wall.FindAll(".cc-wall-alerts > .cc-wall-inline"));
        Assert.Empty(wall.FindAll(".cc-wall-alerts .cc-wall-rows"));
        Assert.DoesNotContain(wall.FindAll("[data-unit]"), row => row.TextContent.Contains("有限公司", StringComparison.Ordinal));
    }

    /// <summary>
    /// A courtyard outlined through the places API (decision 0017) reaches its street's wall: the map draws its outline's
    /// five points (closed ring stored open: four) as a polygon, and no courtyard of the other street.
    /// </summary>
    [Fact]
    public async Task AStreetsWall_DrawsItsCourtyardsOutline_OnTheMap()
    {
        var (street, courtyard) = await TestStreets.SecondStreetAsync(_factory);

        var wall = Context.Render<WallPage>(p => p.Add(w => w.StreetId, street.Value));

        var outline = wall.WaitForElement($"svg polygon[data-outline='{courtyard.Value}']");
        Assert.Equal(4, outline.GetAttribute("points")!.Split(' ').Length);
        Assert.Equal([courtyard.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)], wall.FindAll("svg polygon[data-outline]").Select(p => p.GetAttribute("data-outline")));
    }

    [Fact]
    public async Task ACommunitysWall_ListsItsCourtyards_WithTheirArchiveCountsBesideTheirOpenCases_AndTheStreetsWallDoesNot()
    {
        var community = _directory.Courtyards.GroupBy(c => c.CommunityId).First(g => g.Count() >= 2);
        var courtyard = community.First();
        await using var db = await _db.CreateDbContextAsync();
        var homes = await db.Homes.CountAsync(h => h.CourtyardId == courtyard.Id);
        var party = await db.Residents.CountAsync(r => r.Removal == null && (r.Tags & Domain.Archive.ResidentTags.PartyMember) != 0
            && db.Homes.Any(h => h.Id == r.HomeId && h.CourtyardId == courtyard.Id));

        var wall = Context.Render<WallPage>(p => p.Add(w => w.CommunityId, community.Key.Value));

        wall.WaitForElement("[data-courtyard-archive]");
        Assert.Equal(community.Select(c => c.Id.ToString()).Order(), wall.FindAll("[data-courtyard-archive] [data-courtyard]").Select(r => r.GetAttribute("data-courtyard")!).Order());
        var row = wall.Find($"[data-courtyard='{courtyard.Id}']");
        Assert.Equal(homes.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), row.QuerySelector("[data-figure=homes]")!.TextContent.Trim());
        Assert.Equal(party.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), row.QuerySelector("[data-figure=PartyMember]")!.TextContent.Trim());
        Assert.Empty(row.QuerySelectorAll("[data-figure=Dibao], [data-figure=Disabled]"));

        var street = Context.Render<WallPage>();
        Assert.Empty(street.FindAll("[data-courtyard-archive]"));
    }

    [Fact]
    public void CommunityStaff_AskingForTheStreetWall_AreSentToTheirCommunitysWall()
    {
        var staff = _directory.Staff.First(s => s.Role == Domain.Access.AccessRole.CommunityStaff);
        SignInAs(staff);

        Context.Render<WallPage>();

        Assert.EndsWith($"/wall/community/{staff.CommunityId}", Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
    }
}
