using System.Net.Http.Json;
using System.Text.Json;
using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Web.Components.Pages.Archive;
using CommandCenter.Web.Tests.Admin;
using CommandCenter.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Archive;

/// <summary>The console's 一本账 over the real app: a grid worker sees their courtyard with its tags, property staff without; elsewhere is not found.</summary>
public sealed class CourtyardArchivePageTests : AdminTest, IClassFixture<ApiApp>
{
    private readonly ApiApp _app;

    public CourtyardArchivePageTests(ApiApp app) : base(app) => _app = app;

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
    public async Task AFacilitysCases_AreCountedOpenAndThisYear_AndItsCountOpensThem()
    {
        var community = DemoAccounts.StaffOf("community", Directory.Staff)!;
        var post = Directory.PostOf(community, ActSource.Console);
        var courtyard = Services.GetRequiredService<ArchiveQueries>().VisibleCourtyards(post).OrderBy(c => c.Id.Value).Skip(1).First();
        var lists = Services.GetRequiredService<CourtyardLists>();
        var lift = await lists.AddFacilityAsync(post, courtyard.Id, new FacilityInput(FacilityKind.Lift, 1, "一本账电梯"));
        var quiet = await lists.AddFacilityAsync(post, courtyard.Id, new FacilityInput(FacilityKind.Bin, 2, "一本账垃圾站"));
        string[] numbers = new string[2];
        for (var i = 0; i < 2; i++)
            numbers[i] = (await Cases.ReportAsync(new Infrastructure.Cases.ReportCaseRequest(Domain.Cases.Channel.Hotline, "0101", Domain.Categories.Urgency.Normal,
                courtyard.Id, null, $"一本账电梯第{i + 1}次困人", FacilityId: new FacilityId(lift)), post)).Number;
        SignInAs(community);

        var page = Context.Render<CourtyardArchivePage>(p => p.Add(x => x.Id, courtyard.Id.Value));
        page.WaitForAssertion(() => page.Find($"[data-facility-cases-toggle='{lift}']"), Patience);

        // Worked by hand: two reports, both still waiting for acceptance, both this year; none about the bin.
        Assert.Equal("2/2", page.Find($"[data-facility-id='{lift}'] [data-facility-cases]").GetAttribute("data-facility-cases"));
        Assert.Equal("0/0", page.Find($"[data-facility-id='{quiet}'] [data-facility-cases]").GetAttribute("data-facility-cases"));
        Assert.Empty(page.FindAll("[data-facility-case-list]"));
        page.Find($"[data-facility-cases-toggle='{lift}']").Click();
        page.WaitForAssertion(() => Assert.Equal(numbers.Reverse(),
            page.FindAll($"[data-facility-case-list='{lift}'] [data-case]").Select(r => r.GetAttribute("data-case"))), Patience);
    }

    /// <summary>
    /// A new courtyard of 3,000 units written straight into the book: building A 1,800 homes with two residents each, building B
    /// 900 homes with one and 100 shops, 200 parking spaces without a building. The developer holds the shops and parking
    /// spaces (one owner), an investor three homes (one), 100 couples one home each (100), 50 homes have no owner on file (50)
    /// and every other home its own owner (2,547): 2,699. A resident who moved away is not counted.
    /// </summary>
    [Fact]
    public async Task ACourtyardWithManyHomes_ShowsTheBooksCounts_AsTheApiAnswersThem()
    {
        var community = DemoAccounts.StaffOf("community", Directory.Staff)!;
        var post = Directory.PostOf(community, ActSource.Console);
        var grid = Services.GetRequiredService<ArchiveQueries>().VisibleCourtyards(post).First().GridId;
        var places = Services.GetRequiredService<PlaceAdministration>();
        var courtyard = await places.SaveCourtyardAsync(null, new CourtyardInput("一本账千户苑", grid, CourtyardKind.Commercial, 3000, 30.66, 104.06), System);
        var a = await places.SaveBuildingAsync(null, courtyard.Id, "A栋", System);
        var b = await places.SaveBuildingAsync(null, courtyard.Id, "B栋", System);
        await WriteBookAsync(courtyard.Id, a.Id, b.Id);
        SignInAs(community);

        var page = Context.Render<CourtyardArchivePage>(p => p.Add(x => x.Id, courtyard.Id.Value));
        page.WaitForAssertion(() => page.Find("[data-figure=owners]"), Patience);

        string Digits(string selector) => new([.. page.Find(selector).TextContent.Where(char.IsAsciiDigit)]);
        Assert.Equal("3000", Digits("[data-figure=homes]"));
        Assert.Equal("277500", Digits("[data-figure=area]"));
        Assert.Equal("2699", Digits("[data-figure=owners]"));
        Assert.Equal("4500", Digits("[data-figure=residents]"));
        Assert.Equal("1500", Digits("[data-tag=ElderlyAlone]"));
        Assert.Equal("0", Digits("[data-tag=Dibao]"));
        Assert.Equal(["1800", "3600"], page.FindAll($"[data-building='{a.Id}'] td").Skip(1).Select(c => c.TextContent.Trim()));
        Assert.Equal(["1000", "900"], page.FindAll($"[data-building='{b.Id}'] td").Skip(1).Select(c => c.TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-home]"));

        // A building's homes are read when it is opened, and only its own.
        page.Find($"[data-building-toggle='{b.Id}']").Click();
        page.WaitForAssertion(() => Assert.Equal(1000, page.FindAll($"[data-building-homes='{b.Id}'] [data-home]").Count), Patience);

        var answer = await _app.Factory.ClientAs("community").GetFromJsonAsync<JsonElement>($"/api/archive/courtyards/{courtyard.Id.Value}");
        Assert.Equal(3000, answer.GetProperty("homes").GetInt32());
        Assert.Equal(277500m, answer.GetProperty("exclusiveArea").GetDecimal());
        Assert.Equal(2699, answer.GetProperty("ownerHeadCount").GetInt32());
        Assert.Equal(4500, answer.GetProperty("residents").GetInt32());
        Assert.Equal(300, answer.GetProperty("visitedThisQuarter").GetInt32());
    }

    private async Task WriteBookAsync(CourtyardId courtyard, BuildingId a, BuildingId b)
    {
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        const ArchiveSource Source = ArchiveSource.LandRegistry;
        await using var db = await Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        var nextHome = (await db.Homes.OrderByDescending(h => h.Id).Select(h => h.Id).FirstOrDefaultAsync()).Value + 1;
        var nextOwner = (await db.Owners.OrderByDescending(o => o.Id).Select(o => o.Id).FirstOrDefaultAsync()).Value + 1;
        var nextResident = (await db.Residents.OrderByDescending(r => r.Id).Select(r => r.Id).FirstOrDefaultAsync()).Value + 1;
        var homes = Enumerable.Range(0, 3000).Select(i => Home.Record(new HomeId(nextHome + i), courtyard, i < 1800 ? a : i < 2800 ? b : (BuildingId?)null, $"{i + 1}",
            i < 2700 ? 100m : i < 2800 ? 50m : 12.5m, AreaSource.Registry, i < 2700 ? HomeUse.Home : i < 2800 ? HomeUse.Shop : HomeUse.ParkingSpace,
            Source, now)).ToList();
        foreach (var visited in homes.Take(300)) visited.Visit(ArchiveSource.GridRound, now);
        var developer = Owner.Record(new OwnerId(nextOwner++), OwnerKind.Developer, "千户苑置业", null, null, Source, now);
        var investor = Owner.Record(new OwnerId(nextOwner++), OwnerKind.Person, "投资人", null, null, Source, now);
        List<Owner> owners = [developer, investor];
        List<Ownership> titles = [];
        for (var i = 0; i < 3000; i++)
        {
            var home = homes[i].Id;
            if (i >= 2700) titles.Add(Ownership.Record(home, developer.Id, true, Source, now));
            else if (i < 3) titles.Add(Ownership.Record(home, investor.Id, true, Source, now));
            else if (i < 103)
            {
                var (one, other) = (Owner.Record(new OwnerId(nextOwner++), OwnerKind.Person, $"夫{i}", null, null, Source, now),
                    Owner.Record(new OwnerId(nextOwner++), OwnerKind.Person, $"妻{i}", null, null, Source, now));
                owners.AddRange([one, other]);
                titles.AddRange([Ownership.Record(home, one.Id, true, Source, now), Ownership.Record(home, other.Id, false, Source, now)]);
            }
            else if (i >= 153)
            {
                var sole = Owner.Record(new OwnerId(nextOwner++), OwnerKind.Person, $"业主{i}", null, null, Source, now);
                owners.Add(sole);
                titles.Add(Ownership.Record(home, sole.Id, true, Source, now));
            }
        }
        ResidentTags[] tags = [ResidentTags.ElderlyAlone, ResidentTags.PartyMember | ResidentTags.Volunteer, ResidentTags.None];
        var livedIn = homes.Take(1800).SelectMany(h => new[] { h.Id, h.Id }).Concat(homes.Skip(1800).Take(900).Select(h => h.Id)).ToList();
        List<Resident> residents = [.. livedIn.Select((home, j) => Resident.Record(new ResidentId(nextResident + j), home, $"居民{j}", 1, Relation.Head, null,
            tags[j % 3], null, null, ArchiveSource.ResidentBook, now))];
        var movedAway = Resident.Record(new ResidentId(nextResident + residents.Count), homes[0].Id, "搬走的人", 1, Relation.Head, null, ResidentTags.ElderlyAlone,
            null, null, ArchiveSource.ResidentBook, now.AddDays(-10));
        movedAway.Remove(RemovalReason.Moved, DateOnly.FromDateTime(now.AddDays(-1)), ArchiveSource.ResidentBook, now);
        residents.Add(movedAway);
        await Services.GetRequiredService<UnitOfWork>().WriteAsync(unit =>
        {
            CaseBatchSave.AddNew(unit, homes);
            CaseBatchSave.AddNew(unit, owners);
            CaseBatchSave.AddNew(unit, titles);
            CaseBatchSave.AddNew(unit, residents);
        }, CancellationToken.None);
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
