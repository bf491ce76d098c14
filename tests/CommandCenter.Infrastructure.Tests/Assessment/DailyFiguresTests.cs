using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CommandCenter.Infrastructure.Tests.Assessment.AssessmentQueriesTests;

namespace CommandCenter.Infrastructure.Tests.Assessment;

/// <summary>
/// The unit table and the area (the street and each community) read from the stored days (docs/decisions/0014) equal the
/// live query, for a history made through the real commands: kept current by the marks each save writes and the worker's
/// rounds, and right while marks wait.
/// </summary>
public sealed class DailyFiguresTests
{
    private static readonly Domain.Access.Post System = TestDatabase.Everyone;

    [Theory, TestedProviders]
    public async Task StoredDays_GiveTheLiveFigures_ThroughPostponementsAndALateUnsatisfied(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var company = Company(database);
        var day0 = ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime);

        // Day 0: A closed 满意; E rated 不满意 and reworked; D reported done and verified, rated only later;
        // B and C open; P asks for a postponement of its deadline; Q, in another community, open.
        var a = await SignedAsync(database, company);
        var b = await SignedAsync(database, company);
        var c = await SignedAsync(database, company);
        var d = await SignedAsync(database, company);
        var e = await SignedAsync(database, company);
        var p = await SignedAsync(database, company);
        var q = await SignedAsync(database, Elsewhere(database, company));
        database.Clock.Advance(TimeSpan.FromMinutes(30));
        await CloseAsync(database, a.Id, Rating.Satisfied);
        await CloseAsync(database, e.Id, Rating.Unsatisfied);
        await database.Cases.ExecuteAsync(d.Id, new ReportDone("已处理"), System);
        await database.Cases.ExecuteAsync(d.Id, new VerifyCase(true), System);
        var firstDeadline = p.Clock.HandlingDeadlineUtc!.Value;
        var postponed = p.Clock.LatestPostponementUtc is { } latest && latest < firstDeadline.AddDays(3) ? latest : firstDeadline.AddDays(3);
        await database.Cases.ExecuteAsync(p.Id, new RequestPostponement("等待配件到货", postponed), System);

        // Past the deadlines' day: the worker stores every day over, with B, C and P overdue on it.
        database.Clock.SetUtcNow(ChinaTime.StartOfLocalDayUtc(ChinaTime.LocalDate(firstDeadline).AddDays(1)) + DailyFiguresWorker.Settle);
        var worker = database.Service<DailyFiguresWorker>();
        await RunToTheEndAsync(worker);
        var today = ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime);
        await AssertStoredEqualLiveAsync(database, day0, today);
        Assert.Contains(ChinaTime.LocalDate(firstDeadline), await StoredDaysAsync(database));

        // Today: P's deadline moves off a stored day, B is done late (closed today, due on a past day), D is rated 不满意 (its
        // round, due on day 0, was resolved), Q is done late and rated 不满意 (reopened).
        await database.Cases.ExecuteAsync(p.Id, new ApproveRequest(), System);
        await CloseAsync(database, b.Id, Rating.BasicallySatisfied);
        await database.Cases.ExecuteAsync(d.Id, new RateCase(Rating.Unsatisfied, Source: RatingSource.Reporter), System);
        await CloseAsync(database, q.Id, Rating.Unsatisfied);
        await using (var db = database.NewContext())
            Assert.NotEmpty(await db.AssessmentDirtyMarks.ToListAsync());
        // The marks wait: the changed days are counted live.
        await AssertStoredEqualLiveAsync(database, day0, today);

        await RunToTheEndAsync(worker);
        await using (var db = database.NewContext())
            Assert.Empty(await db.AssessmentDirtyMarks.ToListAsync());
        await AssertStoredEqualLiveAsync(database, day0, today);

        // Days later, once today is over and stored too.
        database.Clock.Advance(TimeSpan.FromDays(2));
        await RunToTheEndAsync(worker);
        Assert.Contains(today, await StoredDaysAsync(database));
        await AssertStoredEqualLiveAsync(database, day0, today);
    }

    [Fact]
    public async Task UnitTable_ReadsTheStoredDays()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = Company(database);
        var day0 = ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime);
        await SignedAsync(database, company);
        database.Clock.Advance(TimeSpan.FromDays(1));
        await RunToTheEndAsync(database.Service<DailyFiguresWorker>());

        await using (var db = database.NewContext())
            await db.UnitDayCounts.Where(r => r.Day == day0 && r.UnitId == company.Id && r.Indicator == Indicator.Dispatched)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Count, 100));

        var row = (await Queries(database).UnitsAsync(System, AssessmentPeriod.Day(day0), null)).Single(r => r.UnitId == company.Id);
        Assert.Equal(100, row.Counts.Dispatched);
    }

    [Fact]
    public async Task Area_ReadsTheStoredDaysOfItsCommunities()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = Company(database);
        var day0 = ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime);
        var signed = await SignedAsync(database, company);
        database.Clock.Advance(TimeSpan.FromDays(1));
        await RunToTheEndAsync(database.Service<DailyFiguresWorker>());

        await using (var db = database.NewContext())
            await db.CommunityDayCounts.Where(r => r.Day == day0 && r.CommunityId == signed.CommunityId && r.Indicator == Indicator.Registered)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Count, 100));

        Assert.Equal(100, (await Queries(database).AreaAsync(System, AssessmentPeriod.Day(day0), null)).Registered);
        Assert.Equal(100, (await Queries(database).AreaAsync(System, AssessmentPeriod.Day(day0), signed.CommunityId)).Registered);
    }

    [Fact]
    public async Task CaseMovedToAnotherCommunity_MarksEveryDayOfIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = Company(database);
        var signed = await SignedAsync(database, company);
        var elsewhere = database.Directory.Courtyard(Elsewhere(database, company).ServedCourtyardIds[0])!.CommunityId;
        database.Clock.Advance(TimeSpan.FromDays(1));
        await RunToTheEndAsync(database.Service<DailyFiguresWorker>());

        await using var db = database.NewContext();
        var moved = await db.Cases.SingleAsync(c => c.Id == signed.Id);
        db.Entry(moved).Property(nameof(Case.CommunityId)).CurrentValue = elsewhere;
        await db.SaveChangesAsync();

        Assert.Contains(await db.AssessmentDirtyMarks.ToListAsync(), m => m.CaseId == signed.Id);
    }

    [Fact]
    public async Task Intake_MarksNoDay()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = Company(database);
        // The seeding's calendar marked every day.
        await RunToTheEndAsync(database.Service<DailyFiguresWorker>());

        await SignedAsync(database, company);

        await using var db = database.NewContext();
        Assert.Empty(await db.AssessmentDirtyMarks.ToListAsync());
    }

    [Fact]
    public async Task TwoServersOnPostgreSql_ComputeEachDayOnce()
    {
        await using var database = await TestDatabase.CreateAsync(provider: DatabaseProvider.PostgreSql);
        var company = Company(database);
        // The seeding's calendar marked every day.
        await RunToTheEndAsync(database.Service<DailyFiguresWorker>());
        var day0 = ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime);
        await SignedAsync(database, company);
        await SignedAsync(database, Elsewhere(database, company));
        // 40 days over: two rounds of 31 days and one of 9 between them.
        database.Clock.SetUtcNow(ChinaTime.StartOfLocalDayUtc(day0.AddDays(40)) + DailyFiguresWorker.Settle);
        DailyFiguresWorker[] servers = [NewWorker(database), NewWorker(database)];

        // Each server's days: a day computed by both would count twice (or its second write would fail on the key and throw).
        var computed = await Task.WhenAll(servers.Select(server => Task.Run(async () =>
        {
            var days = 0;
            for (var round = 0; round < 200; round++)
            {
                var done = await server.RunOnceAsync();
                days += done;
                if (done > 0) continue;
                if ((await StoredDaysAsync(database)).Count == 40) break;
                await Task.Delay(50);
            }
            return days;
        })));

        Assert.Equal(40, computed.Sum());
        Assert.Equal(Enumerable.Range(0, 40).Select(day0.AddDays), (await StoredDaysAsync(database)).Order());
    }

    /// <summary>A worker of its own, as a second server runs one, on the same database.</summary>
    private static DailyFiguresWorker NewWorker(TestDatabase database) =>
        new(database.Service<IDbContextFactory<CommandCenterDbContext>>(), database.Service<UnitOfWork>(), database.Service<AssessmentQueries>(),
            database.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<DailyFiguresWorker>.Instance);

    /// <summary>A company whose first courtyard lies in another community than <paramref name="company"/>'s.</summary>
    private static Domain.Organisation.HandlingUnit Elsewhere(TestDatabase database, Domain.Organisation.HandlingUnit company)
    {
        var home = database.Directory.Courtyard(company.ServedCourtyardIds[0])!.CommunityId;
        return database.Directory.Units
            .Where(u => u.Kind == Domain.Organisation.UnitKind.PropertyCompany && u.ServedCourtyardIds.Count > 0
                && database.Directory.Courtyard(u.ServedCourtyardIds[0])!.CommunityId != home)
            .OrderBy(u => u.Id).First();
    }

    private static async Task RunToTheEndAsync(DailyFiguresWorker worker)
    {
        for (var round = 0; round < 50 && await worker.RunOnceAsync() > 0; round++) { }
    }

    private static async Task<List<DateOnly>> StoredDaysAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.ComputedAssessmentDays.Select(d => d.Day).ToListAsync();
    }

    /// <summary>Periods of one day, of the history and some days to come, and whole months and the year.</summary>
    private static async Task AssertStoredEqualLiveAsync(TestDatabase database, DateOnly day0, DateOnly today)
    {
        AssessmentPeriod[] periods =
        [
            AssessmentPeriod.Day(day0), AssessmentPeriod.Day(day0.AddDays(1)), AssessmentPeriod.Day(today),
            AssessmentPeriod.Custom(day0, today.AddDays(10)), AssessmentPeriod.Custom(day0.AddDays(1), today.AddDays(-1)),
            AssessmentPeriod.Month(day0.Year, day0.Month), AssessmentPeriod.Month(today.AddMonths(1).Year, today.AddMonths(1).Month),
            AssessmentPeriod.Year(day0.Year),
        ];
        var queries = Queries(database);
        foreach (var period in periods)
        {
            Assert.Equal(await LiveAsync(database, () => queries.UnitsAsync(System, period, null)), await queries.UnitsAsync(System, period, null));
            Assert.Equal(await LiveAsync(database, () => queries.AreaAsync(System, period, null)), await queries.AreaAsync(System, period, null));
            foreach (var community in database.Directory.Communities)
                Assert.Equal(await LiveAsync(database, () => queries.AreaAsync(System, period, community.Id)), await queries.AreaAsync(System, period, community.Id));
        }
    }

    /// <summary>The live query: with an "every day changed" mark the stored days are not read; the mark goes afterwards.</summary>
    private static async Task<T> LiveAsync<T>(TestDatabase database, Func<Task<T>> query)
    {
        await using var db = database.NewContext();
        var everything = new AssessmentDirtyMark();
        db.AssessmentDirtyMarks.Add(everything);
        await db.SaveChangesAsync();
        try
        {
            return await query();
        }
        finally
        {
            await db.AssessmentDirtyMarks.Where(m => m.Id == everything.Id).ExecuteDeleteAsync();
        }
    }

    private static AssessmentQueries Queries(TestDatabase database) => database.Service<AssessmentQueries>();
}
