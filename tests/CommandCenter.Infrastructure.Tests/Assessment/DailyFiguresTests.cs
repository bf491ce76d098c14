using CommandCenter.Domain.Access;
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
/// The unit table, the area (the street and each community) and the person ranking read from the stored days (docs/decisions/0014) equal the
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

    [Theory, TestedProviders]
    public async Task StoredDays_GiveTheLivePersonFigures_ThroughALateReturnAndALateRejection(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var company = Company(database);
        var dispatcher = database.Directory.Staff.First(s => s.Role == AccessRole.Dispatcher);
        var handler = database.Directory.Staff.First(s => s.Role == AccessRole.PropertyStaff && s.UnitId == company.Id);
        var gridWorker = database.Directory.Staff.First(s => s.Role == AccessRole.GridWorker);
        var asDispatcher = System with { StaffId = dispatcher.Id, Name = dispatcher.Name };
        var asHandler = System with { StaffId = handler.Id, Name = handler.Name };
        var asGridWorker = System with { StaffId = gridWorker.Id, Name = gridWorker.Name };
        var day0 = ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime);

        // Day 0: the grid worker reports R, left at the desk; the dispatcher accepts and dispatches X, Y and P; the handler
        // does X (verified by the dispatcher) and signs P, asking for a postponement; Y waits for signing.
        var r = await database.Cases.ReportAsync(database.Report("0101", company.ServedCourtyardIds[0]), asGridWorker);
        var (x, y, p) = (await DispatchedByAsync(), await DispatchedByAsync(), await DispatchedByAsync());
        await database.Cases.ExecuteAsync(x, new SignCase(), asHandler);
        await database.Cases.ExecuteAsync(x, new ReportDone("已清运"), asHandler);
        await database.Cases.ExecuteAsync(x, new VerifyCase(true), asDispatcher);
        var signedP = await database.Cases.ExecuteAsync(p, new SignCase(), asHandler);
        var deadline = signedP.Clock.HandlingDeadlineUtc!.Value;
        var postponed = signedP.Clock.LatestPostponementUtc is { } latest && latest < deadline.AddDays(3) ? latest : deadline.AddDays(3);
        await database.Cases.ExecuteAsync(p, new RequestPostponement("等待配件到货", postponed), asHandler);

        // Two days on (a quiet day between), both stored.
        database.Clock.SetUtcNow(ChinaTime.StartOfLocalDayUtc(day0.AddDays(2)) + DailyFiguresWorker.Settle);
        var worker = database.Service<DailyFiguresWorker>();
        await RunToTheEndAsync(worker);
        var today = ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime);
        await AssertStoredEqualLiveAsync(database, day0, today);
        // Accepted, Dispatched, Signed, ReportedDone, Returned, DispatchedOnTime, DispatchReturned, Reassigned, Reported,
        // ReportRejected, Verified, VerifiedOnTime.
        await AssertActsAsync(database, dispatcher.Id, day0, [3, 3, 0, 0, 0, 3, 0, 0, 0, 0, 1, 1]);
        await AssertActsAsync(database, gridWorker.Id, day0, [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);

        // Today: the handler returns Y, so day 0's dispatch of it was returned, and the dispatcher sends it again (改派); the
        // desk refuses R, so day 0's report was invalid; X is rated 不满意 late; P's postponement is granted.
        await database.Cases.ExecuteAsync(y, new ReturnCase(ReturnReason.OwnershipUnclear), asHandler);
        await database.Cases.ExecuteAsync(y, new DispatchCase(company.Id), asDispatcher);
        await database.Cases.ExecuteAsync(r.Id, new RejectCase("重复上报"), asDispatcher);
        await database.Cases.ExecuteAsync(x, new RateCase(Rating.Unsatisfied, Source: RatingSource.Reporter), System);
        await database.Cases.ExecuteAsync(p, new ApproveRequest(), asDispatcher);
        await using (var db = database.NewContext())
        {
            var marks = await db.AssessmentDirtyMarks.ToListAsync();
            Assert.Contains(marks, m => m.Day == day0);
            Assert.Contains(marks, m => m.CaseId == y);
        }
        // The marks wait: day 0 is counted live, with its late changes.
        await AssertStoredEqualLiveAsync(database, day0, today);
        await AssertActsAsync(database, dispatcher.Id, day0, [3, 3, 0, 0, 0, 3, 1, 0, 0, 0, 1, 1]);
        await AssertActsAsync(database, gridWorker.Id, day0, [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0]);

        // Day 0 computed again and read from its stored rows.
        await RunToTheEndAsync(worker);
        await using (var db = database.NewContext())
        {
            Assert.Empty(await db.AssessmentDirtyMarks.ToListAsync());
            Assert.Equal(1, await db.PersonDayCounts.Where(c => c.Day == day0 && c.StaffId == dispatcher.Id && c.Act == PersonAct.DispatchReturned).SumAsync(c => c.Count));
        }
        await AssertActsAsync(database, dispatcher.Id, day0, [3, 3, 0, 0, 0, 3, 1, 0, 0, 0, 1, 1]);
        await AssertActsAsync(database, gridWorker.Id, day0, [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0]);
        await AssertStoredEqualLiveAsync(database, day0, today);

        // Days later, once today (the 改派, the refusal) is over and stored too.
        database.Clock.Advance(TimeSpan.FromDays(2));
        await RunToTheEndAsync(worker);
        Assert.Contains(today, await StoredDaysAsync(database));
        await AssertActsAsync(database, dispatcher.Id, today, [0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0]);
        await AssertStoredEqualLiveAsync(database, day0, today);

        async Task<Guid> DispatchedByAsync()
        {
            var reported = await database.Cases.ReportAsync(database.Report("0101", company.ServedCourtyardIds[0]), System);
            await database.Cases.ExecuteAsync(reported.Id, new AcceptCase(company.Level), asDispatcher);
            await database.Cases.ExecuteAsync(reported.Id, new DispatchCase(company.Id), asDispatcher);
            return reported.Id;
        }
    }

    [Fact]
    public async Task LateRejection_ChangesTheStoredDayOfTheReport()
    {
        await using var database = await TestDatabase.CreateAsync();
        var gridWorker = database.Directory.Staff.First(s => s.Role == AccessRole.GridWorker);
        var day0 = ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime);
        var reported = await database.Cases.ReportAsync(database.Report("0101", Company(database).ServedCourtyardIds[0]),
            System with { StaffId = gridWorker.Id, Name = gridWorker.Name });
        database.Clock.SetUtcNow(ChinaTime.StartOfLocalDayUtc(day0.AddDays(2)) + DailyFiguresWorker.Settle);
        var worker = database.Service<DailyFiguresWorker>();
        await RunToTheEndAsync(worker);
        // Reported, and not (yet) refused.
        await AssertActsAsync(database, gridWorker.Id, day0, [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);

        // Refused two days later: nothing else of the save lies on day 0, so only the refusal's own mark can name it.
        await database.Cases.ExecuteAsync(reported.Id, new RejectCase("重复上报"), System);
        await using (var db = database.NewContext())
            Assert.Contains(await db.AssessmentDirtyMarks.ToListAsync(), m => m.Day == day0);
        await RunToTheEndAsync(worker);

        await AssertActsAsync(database, gridWorker.Id, day0, [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0]);
    }

    [Fact]
    public async Task PersonRanking_ReadsTheStoredDays()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = Company(database);
        var dispatcher = database.Directory.Staff.First(s => s.Role == AccessRole.Dispatcher);
        var day0 = ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime);
        var reported = await database.Cases.ReportAsync(database.Report("0101", company.ServedCourtyardIds[0]), System);
        await database.Cases.ExecuteAsync(reported.Id, new AcceptCase(company.Level), System with { StaffId = dispatcher.Id, Name = dispatcher.Name });
        database.Clock.Advance(TimeSpan.FromDays(1));
        await RunToTheEndAsync(database.Service<DailyFiguresWorker>());

        await using (var db = database.NewContext())
            Assert.Equal(1, await db.PersonDayCounts.Where(r => r.Day == day0 && r.StaffId == dispatcher.Id && r.Act == PersonAct.Accepted)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Count, 100)));

        Assert.Equal(100, (await ActsAsync(database, dispatcher.Id, day0))[(int)PersonAct.Accepted]);
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
    public async Task UnitTable_OfACommunitysOrAStreetsPost_ReadsTheDaysStoredForItsCommunities()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = Company(database);
        var day0 = ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime);
        var signed = await SignedAsync(database, company);
        database.Clock.Advance(TimeSpan.FromDays(1));
        await RunToTheEndAsync(database.Service<DailyFiguresWorker>());

        await using (var db = database.NewContext())
        {
            Assert.Equal(1, await db.UnitCommunityDayCounts.Where(r => r.Day == day0 && r.UnitId == company.Id && r.CommunityId == signed.CommunityId && r.Indicator == Indicator.Dispatched)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Count, 100)));
            Assert.Equal(1, await db.CommunityDayCounts.Where(r => r.Day == day0 && r.CommunityId == signed.CommunityId && r.Indicator == Indicator.Registered)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Count, 100)));
        }

        var own = PostsOfPlaces(database).Single(p => p.CommunityId == signed.CommunityId);
        var other = PostsOfPlaces(database).First(p => p.CommunityId is { } community && community != signed.CommunityId);
        var street = PostsOfPlaces(database).Single(p => p.Scope == ScopeKind.Street);
        Assert.Equal(100, await DispatchedAsync(own));
        Assert.Equal(100, await DispatchedAsync(street));
        Assert.Equal(0, await DispatchedAsync(other));
        Assert.Equal(100, (await Queries(database).AreaAsync(own, AssessmentPeriod.Day(day0), null)).Registered);
        Assert.Equal(0, (await Queries(database).AreaAsync(other, AssessmentPeriod.Day(day0), null)).Registered);

        async Task<int> DispatchedAsync(Domain.Access.Post post) =>
            (await Queries(database).UnitsAsync(post, AssessmentPeriod.Day(day0), null)).Single(r => r.UnitId == company.Id).Counts.Dispatched;
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

    /// <summary>
    /// More marks than a statement may carry variables (SQLite 32,766, SQL Server 2,100), as a large import or a long stop
    /// leaves them: a round reads and deletes them all, the cases' marks and then the calendar's "every day" among them.
    /// </summary>
    [Theory, TestedProviders]
    public async Task MarksBeyondAStatementsVariables_AreClearedByARound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var worker = database.Service<DailyFiguresWorker>();
        await RunToTheEndAsync(worker);
        const int Many = 40_000;
        await AddMarksAsync(database, Enumerable.Range(0, Many).Select(_ => new AssessmentDirtyMark { CaseId = Guid.NewGuid() }));

        Assert.Equal(Many, await worker.RunOnceAsync());
        Assert.Equal(0, await MarkCountAsync(database));

        await AddMarksAsync(database, [new AssessmentDirtyMark(), .. Enumerable.Range(0, Many).Select(_ => new AssessmentDirtyMark { CaseId = Guid.NewGuid() })]);
        Assert.Equal(Many + 1, await worker.RunOnceAsync());
        Assert.Equal(0, await MarkCountAsync(database));
    }

    private static async Task AddMarksAsync(TestDatabase database, IEnumerable<AssessmentDirtyMark> marks)
    {
        await using var db = database.NewContext();
        db.AssessmentDirtyMarks.AddRange(marks);
        await db.SaveChangesAsync();
    }

    private static async Task<int> MarkCountAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.AssessmentDirtyMarks.CountAsync();
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
            foreach (var kind in new PersonKind?[] { null, PersonKind.Dispatcher, PersonKind.GridWorker })
                Assert.Equal(await LiveAsync(database, () => PersonsAsync(queries, period, kind)), await PersonsAsync(queries, period, kind));
            // A street's and each community's posts add up the days stored per community (and count their committee's cases elsewhere live).
            foreach (var post in PostsOfPlaces(database))
            {
                Assert.Equal(await LiveAsync(database, () => queries.UnitsAsync(post, period, null)), await queries.UnitsAsync(post, period, null));
                Assert.Equal(await LiveAsync(database, () => queries.AreaAsync(post, period, null)), await queries.AreaAsync(post, period, null));
            }
        }
    }

    /// <summary>The street's own post and a post of each community's staff.</summary>
    private static IEnumerable<Domain.Access.Post> PostsOfPlaces(TestDatabase database) =>
        [
            System with { StreetId = database.Directory.Communities.First().StreetId },
            .. database.Directory.Communities.Select(community => database.Directory.Staff
                    .SelectMany(s => s.CurrentPosts.Select(p => (Staff: s, Post: p)))
                    .FirstOrDefault(x => x.Post.Role == AccessRole.CommunityStaff && x.Post.CommunityId == community.Id))
                .Where(x => x.Staff is not null)
                .Select(x => database.Directory.PostOf(x.Staff, ActSource.Console, x.Post.Number)),
        ];

    /// <summary>The person ranking's figures, one line per person: its counts hold a dictionary, which a record compares by reference.</summary>
    private static async Task<List<string>> PersonsAsync(AssessmentQueries queries, AssessmentPeriod period, PersonKind? kind) =>
        [.. (await queries.PersonsAsync(System, period, null, kind: kind))
            .Select(p => $"{p.StaffId} {p.Name} {p.Role}: {string.Join(' ', Enum.GetValues<PersonAct>().Select(p.Of))}; {p.Counts.TimedDispatches} in {p.Counts.DispatchTime}")];

    private static async Task AssertActsAsync(TestDatabase database, Domain.Organisation.StaffId staffId, DateOnly day, int[] expected)
    {
        var actual = await ActsAsync(database, staffId, day);
        Assert.Equal(expected, actual);
    }

    /// <summary>One person's count of every act, in the order of <see cref="PersonAct"/>, over one day.</summary>
    private static async Task<int[]> ActsAsync(TestDatabase database, Domain.Organisation.StaffId staffId, DateOnly day) =>
        (await Queries(database).PersonsAsync(System, AssessmentPeriod.Day(day), null)).SingleOrDefault(p => p.StaffId == staffId) is { } person
            ? [.. Enum.GetValues<PersonAct>().Select(person.Of)]
            : new int[Enum.GetValues<PersonAct>().Length];

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
