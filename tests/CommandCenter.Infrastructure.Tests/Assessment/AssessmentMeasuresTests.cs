using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Tests.Support;
using static CommandCenter.Infrastructure.Tests.Assessment.AssessmentQueriesTests;

namespace CommandCenter.Infrastructure.Tests.Assessment;

/// <summary>Person scope, resolved-at-level shares, working-time averages and the drill-down, on real SQLite (docs/decisions/0006).</summary>
public sealed class AssessmentMeasuresTests
{
    private static readonly Post System = TestDatabase.Everyone;
    private static readonly AssessmentPeriod Period = AssessmentPeriod.Custom(new DateOnly(2026, 11, 22), new DateOnly(2026, 12, 31));

    [Fact]
    public async Task PersonsAsync_CountsWhatEachStaffMemberDid()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = Company(database);
        var dispatcher = database.Directory.Staff.First(s => s.Role == AccessRole.Dispatcher);
        var handler = database.Directory.Staff.First(s => s.Role == AccessRole.PropertyStaff && s.UnitId == company.Id);
        var asDispatcher = System with { StaffId = dispatcher.Id, Name = dispatcher.Name };
        var asHandler = System with { StaffId = handler.Id, Name = handler.Name };
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var reported = await database.Cases.ReportAsync(database.Report("0101", company.ServedCourtyardIds[0]), System);
            await database.Cases.ExecuteAsync(reported.Id, new AcceptCase(company.Level), asDispatcher);
            await database.Cases.ExecuteAsync(reported.Id, new DispatchCase(company.Id), asDispatcher);
            ids.Add(reported.Id);
        }
        await database.Cases.ExecuteAsync(ids[0], new SignCase(), asHandler);
        await database.Cases.ExecuteAsync(ids[0], new ReportDone("已清运"), asHandler);
        await database.Cases.ExecuteAsync(ids[1], new ReturnCase(ReturnReason.OwnershipUnclear), asHandler);

        var persons = await Queries(database).PersonsAsync(System, Period, null);

        int[] Figures(StaffId staffId) => [.. Enum.GetValues<PersonAct>().Select(persons.Single(p => p.StaffId == staffId).Of)];
        // Accepted, Dispatched, Signed, ReportedDone, Returned, DispatchedOnTime, DispatchReturned (the second case), Reassigned,
        // Reported, ReportRejected, Verified, VerifiedOnTime.
        Assert.Equal([2, 2, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0], Figures(dispatcher.Id));
        Assert.Equal([0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], Figures(handler.Id));
        Assert.Equal((dispatcher.Name, dispatcher.Role), persons.Where(p => p.StaffId == dispatcher.Id).Select(p => (p.Name, p.Role)).Single());
        Assert.Equal(2, persons.Count);
    }

    [Fact]
    public async Task ResolvedAtLevelAsync_SharesByLevel_WithTheCategorysDirectCasesApart()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = await BuildPeriodAsync(database); // A, B, D, E closed at the courtyard level
        var office = database.Directory.Units.Where(u => u.Level == HandlingLevel.Street).OrderBy(u => u.Id).First();

        // 占道经营 (0105) goes to the street by its category: closed there, direct.
        var direct = await database.Cases.ReportAsync(database.Report("0105", company.ServedCourtyardIds[0]), System);
        await database.Cases.ExecuteAsync(direct.Id, new AcceptCase(HandlingLevel.Street), System);
        await SignAndCloseAsync(database, direct.Id, office);
        // A courtyard case escalated to the community and closed there: resolved at the community, not direct.
        var escalated = await SignedAsync(database, company);
        await database.Cases.ExecuteAsync(escalated.Id, new EscalateCase("需要社区协调"), System);
        await SignAndCloseAsync(database, escalated.Id, database.Directory.UnitsServing(HandlingLevel.Community, company.ServedCourtyardIds[0]).First());

        var levels = await Queries(database).ResolvedAtLevelAsync(System, Period, null);

        Assert.Equal(new LevelClosings(HandlingLevel.Courtyard, 4, 0), levels.Of(HandlingLevel.Courtyard));
        Assert.Equal(new LevelClosings(HandlingLevel.Community, 1, 0), levels.Of(HandlingLevel.Community));
        Assert.Equal(new LevelClosings(HandlingLevel.Street, 1, 1), levels.Of(HandlingLevel.Street));
        Assert.Equal(new Rate(4, 5), levels.Share(HandlingLevel.Courtyard));
        Assert.Equal(new Rate(1, 5), levels.Share(HandlingLevel.Community));
        Assert.Equal(new Rate(0, 5), levels.Share(HandlingLevel.Street));
        Assert.Equal(new Rate(1, 6), levels.DirectShare(HandlingLevel.Street));
        Assert.Equal(new Rate(0, 5), levels.Share(HandlingLevel.District));
    }

    [Fact]
    public async Task AverageSignForTime_IsWorkingTime_OverTheWeekend()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = Company(database);
        // Dispatched Friday 27 November 17:00 China time, signed Monday 30 November 10:00: one working hour each side.
        database.Clock.SetUtcNow(ChinaTime.StartOfLocalDayUtc(new DateOnly(2026, 11, 27)).AddHours(17));
        var dispatched = await DispatchedAsync(database, company);
        database.Clock.SetUtcNow(ChinaTime.StartOfLocalDayUtc(new DateOnly(2026, 11, 30)).AddHours(10));
        await database.Cases.ExecuteAsync(dispatched.Id, new SignCase(), System);

        var area = new Indicators(await Queries(database).AreaAsync(System, Period, null));
        var unit = (await Queries(database).UnitsAsync(System, Period, UnitKind.PropertyCompany)).Single(u => u.UnitId == company.Id);

        Assert.Equal(TimeSpan.FromHours(2), area.AverageSignForTime);
        Assert.Equal(TimeSpan.FromHours(2), new Indicators(unit.Counts).AverageSignForTime);
    }

    [Fact]
    public async Task CasesAsync_ListsExactlyTheCasesEachCountCounts()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = await BuildPeriodAsync(database);
        var returned = await DispatchedAsync(database, company);
        await database.Cases.ExecuteAsync(returned.Id, new ReturnCase(ReturnReason.OwnershipUnclear), System);
        var escalated = await SignedAsync(database, company);
        await database.Cases.ExecuteAsync(escalated.Id, new EscalateCase("需要上级协调"), System);
        var queries = Queries(database);

        var area = await queries.AreaAsync(System, Period, null);
        var unit = (await queries.UnitsAsync(System, Period, UnitKind.PropertyCompany)).Single(u => u.UnitId == company.Id).Counts;

        foreach (var (scope, counts) in new[] { (new AssessmentScope(), area), (new AssessmentScope(UnitId: company.Id), unit) })
        {
            foreach (var indicator in Enum.GetValues<Indicator>())
            {
                var page = await queries.CasesAsync(System, Period, scope, indicator, 0, 1000);
                Assert.True(counts.Of(indicator) == page.Total, $"{indicator} of {scope}: count {counts.Of(indicator)}, listed {page.Total}");
                Assert.Equal(page.Total, page.Items.Count);
            }
        }
        // Pages follow one another without gaps or repeats.
        var whole = await queries.CasesAsync(System, Period, new AssessmentScope(UnitId: company.Id), Indicator.Due, 0, 1000);
        var first = await queries.CasesAsync(System, Period, new AssessmentScope(UnitId: company.Id), Indicator.Due, 0, 4);
        var second = await queries.CasesAsync(System, Period, new AssessmentScope(UnitId: company.Id), Indicator.Due, 4, 4);
        Assert.Equal(whole.Items, [.. first.Items, .. second.Items]);
        Assert.True(area.Due > 0 && area.Returned > 0 && area.Escalations > 0 && unit.Reworked > 0 && area.Unsatisfied > 0);
    }

    [Fact]
    public async Task DefaultSatisfiedSetting_IsStoredAndAudited()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.False(await Queries(database).DefaultSatisfiedCountsAsync(null));

        await database.Service<AssessmentSettings>().SetDefaultSatisfiedCountsAsync(System, true);

        Assert.True(await Queries(database).DefaultSatisfiedCountsAsync(null));
        await using var db = database.NewContext();
        Assert.Contains(db.AuditEntries, e => e.Action == Infrastructure.Access.AuditActions.AssessmentSettingsUpdated && e.Detail == "DefaultSatisfiedCounts=True");
    }

    private static async Task SignAndCloseAsync(TestDatabase database, Guid id, HandlingUnit unit)
    {
        await database.Cases.ExecuteAsync(id, new DispatchCase(unit.Id), System);
        await database.Cases.ExecuteAsync(id, new SignCase(), System);
        await CloseAsync(database, id, Rating.Satisfied);
    }

    [Fact]
    public async Task DefaultSatisfiedSetting_IsEachStreetsOwn_AndTheDistrictCountsItOnlyWhereEveryStreetDoes()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = database.Directory.Streets.Single().Id;
        var second = new StreetId(first.Value + 1);
        await using (var db = database.NewContext())
        {
            db.Streets.Add(new Street { Id = second, DistrictId = database.Directory.Streets.Single().DistrictId, Name = "鱼嘴街道", Code = "YL" });
            await db.SaveChangesAsync();
        }

        await database.Service<AssessmentSettings>().SetDefaultSatisfiedCountsAsync(System with { StreetId = second }, true);

        var queries = Queries(database);
        Assert.Equal((false, true, false), (await queries.DefaultSatisfiedCountsAsync(first), await queries.DefaultSatisfiedCountsAsync(second),
            await queries.DefaultSatisfiedCountsAsync(null)));
        await database.Service<AssessmentSettings>().SetDefaultSatisfiedCountsAsync(System, true);
        Assert.True(await queries.DefaultSatisfiedCountsAsync(null));
    }

    private static AssessmentQueries Queries(TestDatabase database) => database.Service<AssessmentQueries>();
}
