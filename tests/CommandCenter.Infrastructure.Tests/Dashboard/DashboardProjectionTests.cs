using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommandCenter.Infrastructure.Tests.Dashboard;

public sealed class DashboardProjectionTests
{
    // 2026-11-22 09:00 China time.
    private static readonly DateTime Now = new(2026, 11, 22, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ScriptedEvents_GiveExactlyTheExpectedFigures()
    {
        var stream = new InProcessCaseEventStream(NullLogger<InProcessCaseEventStream>.Instance);
        using var projection = new DashboardProjection(stream, new FakeTimeProvider(new DateTimeOffset(Now)), Rules());
        var (a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        stream.Publish([
            Event(a, 1, CaseEventType.Reported, CaseState.Reported, community: 1, category: "0101", at: Now.AddMinutes(-50)),
            Event(b, 1, CaseEventType.Reported, CaseState.Reported, community: 1, category: "0301", at: Now.AddMinutes(-40)),
            Event(b, 2, CaseEventType.Dispatched, CaseState.Dispatched, community: 1, category: "0301", at: Now.AddMinutes(-30)),
            Event(b, 3, CaseEventType.Rated, CaseState.Closed, community: 1, category: "0301", at: Now.AddMinutes(-10), rating: Rating.Satisfied),
            Event(c, 1, CaseEventType.Signed, CaseState.InProgress, community: 2, category: "0302", at: Now.AddMinutes(-20),
                reported: Now.AddDays(-2), deadline: Now.AddMinutes(-1), level: HandlingLevel.Community),
            Event(d, 1, CaseEventType.Rated, CaseState.Closed, community: 2, category: "0401", at: Now.AddMinutes(-5),
                reported: Now.AddDays(-3), rating: Rating.Unsatisfied, level: HandlingLevel.Street),
        ]);
        var street = projection.Figures();
        var communityTwo = projection.Figures(communityId: new CommunityId(2));

        Assert.Equal(new TodayCounts(Received: 2, Dispatched: 1, InProgress: 1, Closed: 2, Overdue: 1), street.Today);
        Assert.Equal(new Dictionary<CommunityId, int> { [new CommunityId(1)] = 1, [new CommunityId(2)] = 1 }, street.OpenByCommunity);
        Assert.Equal(new Dictionary<string, int> { ["01"] = 1, ["03"] = 1 }, street.OpenByCategoryGroup);
        Assert.Equal(new Dictionary<HandlingLevel, int> { [HandlingLevel.Courtyard] = 1, [HandlingLevel.Street] = 1 }, street.ClosedAtLevel);
        Assert.Equal(6, street.LatestEvents.Count);
        Assert.Equal(d, street.LatestEvents[0].CaseId);
        Assert.Equal(new TodayCounts(0, 0, 1, 1, 1), communityTwo.Today);
    }

    [Fact]
    public void Alerts_AreEveryStagesWarningAndOverdue_OverdueFirstThenTheNearestDeadline()
    {
        var stream = new InProcessCaseEventStream(NullLogger<InProcessCaseEventStream>.Instance);
        using var projection = new DashboardProjection(stream, new FakeTimeProvider(new DateTimeOffset(Now)), Rules());
        var none = StageTimes.None;

        stream.Publish([
            Open("acceptance-warning", CaseState.Reported, none with { WaitWarningAtUtc = Now.AddMinutes(-1), WaitDeadlineUtc = Now.AddMinutes(30) }),
            Open("acceptance-overdue", CaseState.Reported, none with { WaitWarningAtUtc = Now.AddMinutes(-90), WaitDeadlineUtc = Now.AddMinutes(-2) }),
            Open("dispatch-warning", CaseState.PendingDispatch, none with { WaitWarningAtUtc = Now.AddMinutes(-5), WaitDeadlineUtc = Now.AddMinutes(10) }),
            Open("dispatch-overdue", CaseState.PendingDispatch, none with { WaitWarningAtUtc = Now.AddHours(-3), WaitDeadlineUtc = Now.AddHours(-1) }),
            Open("sign-overdue", CaseState.Dispatched, none with { SignDeadlineUtc = Now.AddMinutes(-30) }),
            Open("sign-on-time", CaseState.Dispatched, none with { SignDeadlineUtc = Now.AddMinutes(1) }),
            Open("handling-warning", CaseState.InProgress, none with { WarningAtUtc = Now.AddHours(-1), HandlingDeadlineUtc = Now.AddHours(2) }),
            Open("handling-overdue", CaseState.InProgress, none with { WarningAtUtc = Now.AddHours(-5), HandlingDeadlineUtc = Now.AddMinutes(-10) }),
            Open("handling-on-time", CaseState.InProgress, none with { WarningAtUtc = Now.AddHours(1), HandlingDeadlineUtc = Now.AddHours(2) }),
            Open("verification-warning", CaseState.PendingVerification, none with { WaitWarningAtUtc = Now.AddMinutes(-1), WaitDeadlineUtc = Now.AddMinutes(5) }),
            Open("verification-overdue", CaseState.PendingVerification, none with { WaitWarningAtUtc = Now.AddHours(-20), WaitDeadlineUtc = Now.AddMinutes(-1) }),
            Open("deferred", CaseState.InProgress, none with { IsDeferred = true, WarningAtUtc = Now.AddHours(-5), HandlingDeadlineUtc = Now.AddHours(-1) }),
        ]);
        var figures = projection.Figures();

        Assert.Equal(
            [("dispatch-overdue", CaseState.PendingDispatch, TimeStatus.Overdue), ("sign-overdue", CaseState.Dispatched, TimeStatus.Overdue),
             ("handling-overdue", CaseState.InProgress, TimeStatus.Overdue), ("acceptance-overdue", CaseState.Reported, TimeStatus.Overdue),
             ("verification-overdue", CaseState.PendingVerification, TimeStatus.Overdue),
             ("verification-warning", CaseState.PendingVerification, TimeStatus.Warning), ("dispatch-warning", CaseState.PendingDispatch, TimeStatus.Warning),
             ("acceptance-warning", CaseState.Reported, TimeStatus.Warning), ("handling-warning", CaseState.InProgress, TimeStatus.Warning)],
            figures.Alerts.Select(a => (a.Number, a.Stage, a.Status)));
        Assert.Equal(Now.AddHours(-1), figures.Alerts[0].DeadlineUtc);
        Assert.Equal(5, figures.Today.Overdue);
        Assert.Equal(5, figures.OpenCases.Count(c => c.IsOverdue));
    }

    [Fact]
    public void Alerts_FollowTheClockWithoutAnyEvent()
    {
        var stream = new InProcessCaseEventStream(NullLogger<InProcessCaseEventStream>.Instance);
        var time = new FakeTimeProvider(new DateTimeOffset(Now));
        using var projection = new DashboardProjection(stream, time, Rules());
        stream.Publish([Open("sign", CaseState.Dispatched, StageTimes.None with { SignDeadlineUtc = Now.AddMinutes(10) }),
            Open("accept", CaseState.Reported, StageTimes.None with { WaitWarningAtUtc = Now.AddMinutes(5), WaitDeadlineUtc = Now.AddMinutes(20) })]);

        var before = projection.Figures();
        time.Advance(TimeSpan.FromMinutes(5));
        var warned = projection.Figures();
        time.Advance(TimeSpan.FromMinutes(5));
        var signOverdue = projection.Figures();

        Assert.Empty(before.Alerts);
        Assert.Equal([("accept", TimeStatus.Warning)], warned.Alerts.Select(a => (a.Number, a.Status)));
        Assert.Equal([("sign", TimeStatus.Overdue), ("accept", TimeStatus.Warning)], signOverdue.Alerts.Select(a => (a.Number, a.Status)));
        Assert.Equal((0, 1), (warned.Today.Overdue, signOverdue.Today.Overdue));
        Assert.Same(signOverdue, projection.Figures());
    }

    [Fact]
    public void Deferred_CountsOpenDeferredCases_AndAmongThemTheBacklog()
    {
        var stream = new InProcessCaseEventStream(NullLogger<InProcessCaseEventStream>.Instance);
        var time = new FakeTimeProvider(new DateTimeOffset(Now));
        using var projection = new DashboardProjection(stream, time, Rules());
        var deferred = StageTimes.None with { IsDeferred = true };

        stream.Publish([
            Open("recent", CaseState.InProgress, deferred, deferredAt: Now.AddDays(-3)),
            Open("old", CaseState.InProgress, deferred, deferredAt: Now.AddDays(-61)),
            Open("almost", CaseState.InProgress, deferred, deferredAt: Now.AddDays(-60).AddHours(1)),
            Open("handling", CaseState.InProgress, StageTimes.None with { HandlingDeadlineUtc = Now.AddDays(1) }),
        ]);

        Assert.Equal(new DeferredCounts(Deferred: 3, Backlog: 1, TimeSpan.FromDays(60)), projection.Figures().Deferred);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new DeferredCounts(Deferred: 3, Backlog: 2, TimeSpan.FromDays(60)), projection.Figures().Deferred);
    }

    private static CaseEvent Open(string number, CaseState state, StageTimes times, DateTime? deferredAt = null) =>
        Event(Guid.NewGuid(), 1, CaseEventType.Reported, state, community: 1, category: "0101", at: Now.AddDays(-1),
            times: times, deferredAt: deferredAt, number: number);

    [Fact]
    public void Trends_CountReceivedAndClosedPerHourAndPerChinaDay()
    {
        var stream = new InProcessCaseEventStream(NullLogger<InProcessCaseEventStream>.Instance);
        using var projection = new DashboardProjection(stream, new FakeTimeProvider(new DateTimeOffset(Now.AddMinutes(30))), Rules());
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        stream.Publish([
            Event(a, 1, CaseEventType.Reported, CaseState.Reported, community: 1, category: "0101", at: Now.AddMinutes(10)),
            Event(b, 1, CaseEventType.Reported, CaseState.Reported, community: 1, category: "0101", at: Now.AddMinutes(-70)),
            Event(c, 1, CaseEventType.Rated, CaseState.Closed, community: 1, category: "0101", at: Now.AddMinutes(20), reported: Now.AddDays(-2)),
        ]);
        var figures = projection.Figures();

        Assert.Equal(Now, figures.Hourly.BucketStartsUtc[^1]);
        Assert.Equal(24, figures.Hourly.BucketStartsUtc.Count);
        Assert.Equal([1, 0, 1], figures.Hourly.Received.TakeLast(3));
        Assert.Equal([0, 0, 1], figures.Hourly.Closed.TakeLast(3));
        // 2026-11-22 in China began at 2026-11-21 16:00 UTC; the case reported two days before falls on 11-20.
        Assert.Equal(new DateTime(2026, 11, 21, 16, 0, 0, DateTimeKind.Utc), figures.Daily.BucketStartsUtc[^1]);
        Assert.Equal([1, 0, 2], figures.Daily.Received.TakeLast(3));
        Assert.Equal([0, 0, 1], figures.Daily.Closed.TakeLast(3));
    }

    [Fact]
    public void Figures_BetweenChanges_AreComputedOnce()
    {
        var stream = new InProcessCaseEventStream(NullLogger<InProcessCaseEventStream>.Instance);
        using var projection = new DashboardProjection(stream, new FakeTimeProvider(new DateTimeOffset(Now)), Rules());
        var changes = 0;
        projection.Changed += () => changes++;

        var first = projection.Figures();
        var again = projection.Figures();
        stream.Publish([Event(Guid.NewGuid(), 1, CaseEventType.Reported, CaseState.Reported, 1, "0101", Now)]);

        Assert.Same(first, again);
        Assert.NotSame(first, projection.Figures());
        Assert.Equal(1, changes);
    }

    [Fact]
    public void OpenCounts_CountEveryOpenCase_PastTheMapsLimit_ByStateAndOverdue()
    {
        var stream = new InProcessCaseEventStream(NullLogger<InProcessCaseEventStream>.Instance);
        using var projection = new DashboardProjection(stream, new FakeTimeProvider(new DateTimeOffset(Now)), Rules());
        // 2,100 reported (past the map's 2,000), 30 in progress of which 12 overdue, 5 closed: counted by hand.
        stream.Publish([.. Enumerable.Range(0, 2_100).Select(i => Event(Guid.NewGuid(), 1, CaseEventType.Reported, CaseState.Reported, 1, "0101", Now.AddMinutes(-1)))]);
        stream.Publish([.. Enumerable.Range(0, 30).Select(i => Event(Guid.NewGuid(), 2, CaseEventType.Signed, CaseState.InProgress, 1, "0101", Now.AddMinutes(-30),
            deadline: i < 12 ? Now.AddMinutes(-1) : Now.AddHours(5)))]);
        stream.Publish([.. Enumerable.Range(0, 5).Select(i => Event(Guid.NewGuid(), 3, CaseEventType.Rated, CaseState.Closed, 1, "0101", Now.AddMinutes(-2), rating: Rating.Satisfied))]);

        var counts = projection.OpenCounts().OrderBy(c => c.Stage);

        Assert.Equal(new[] { new OpenCount(CaseState.Reported, 2_100, 0), new OpenCount(CaseState.InProgress, 30, 12) }.OrderBy(c => c.Stage), counts);
        Assert.Equal(2_000, projection.Figures().OpenCases.Count);
    }

    [Fact]
    public async Task AnEvent_ArrivingWhileFiguresAreComputed_DoesNotWaitForThem_AndTheNextFiguresHoldIt()
    {
        // The publisher is the committing writer, holding the single-writer gate: a wall's computation must never hold it up.
        var stream = new InProcessCaseEventStream(NullLogger<InProcessCaseEventStream>.Instance);
        var clock = new HeldClock(Now);
        using var projection = new DashboardProjection(stream, clock, Rules());
        var changes = 0;
        projection.Changed += () => changes++;

        clock.Hold();
        var computing = Task.Run(() => projection.Figures());
        Assert.True(clock.Reached.Wait(TimeSpan.FromSeconds(10)), "The figures never started computing.");
        var published = Task.Run(() => stream.Publish([Event(Guid.NewGuid(), 1, CaseEventType.Reported, CaseState.Reported, 1, "0101", Now)]));
        var returned = await Task.WhenAny(published, Task.Delay(TimeSpan.FromSeconds(10))) == published;
        clock.Release();
        var during = await computing;

        Assert.True(returned, "Publishing waited for the figures being computed.");
        Assert.Equal(1, changes);
        Assert.Equal(0, during.Today.Received);
        var after = projection.Figures();
        Assert.Equal(1, after.Today.Received);
        Assert.Single(after.LatestEvents);
        Assert.Equal(projection.Version, after.Version);
    }

    [Fact]
    public async Task RebuiltFromTheDatabase_EqualsTheLivePath()
    {
        await using var database = await TestDatabase.CreateAsync();
        var actor = database.Actor();
        var ids = new List<Guid>();
        foreach (var courtyard in database.Directory.Courtyards.Take(4))
            ids.Add((await database.Cases.ReportAsync(database.Report(courtyardId: courtyard.Id), actor)).Id);
        await database.Cases.ExecuteAsync(ids[0], new RejectCase("重复来电"), actor);
        await database.Cases.ExecuteAsync(ids[1], new AcceptCase(HandlingLevel.Community), actor);
        var unit = database.Directory.UnitsServing(HandlingLevel.Community, (await database.Queries.DetailAsync(TestDatabase.Everyone, ids[1]))!.Place.CourtyardId).First();
        await database.Cases.ExecuteAsync(ids[1], new DispatchCase(unit.Id), actor);
        await database.Cases.ExecuteAsync(ids[1], new SignCase(), actor);
        await database.Cases.ExecuteAsync(ids[1], new ReportDone("已处理"), actor);
        await database.Cases.ExecuteAsync(ids[1], new VerifyCase(true), actor);
        await database.Cases.ExecuteAsync(ids[1], new RateCase(Rating.BasicallySatisfied), actor);
        await database.Cases.ExecuteAsync(ids[2], new AcceptCase(), actor);
        var live = database.Dashboard.Figures();

        using var rebuilt = new DashboardProjection(new InProcessCaseEventStream(NullLogger<InProcessCaseEventStream>.Instance), database.Clock, database.Service<DeadlineRulesProvider>());
        await using (var db = database.NewContext()) await rebuilt.RebuildAsync(db);
        var fromDatabase = rebuilt.Figures();

        Assert.Equal(live.Today, fromDatabase.Today);
        Assert.Equal(live.OpenByCommunity, fromDatabase.OpenByCommunity);
        Assert.Equal(live.OpenByCategoryGroup, fromDatabase.OpenByCategoryGroup);
        Assert.Equal(live.ClosedAtLevel, fromDatabase.ClosedAtLevel);
        foreach (var (fromEvents, rebuiltTrend) in new[] { (live.Hourly, fromDatabase.Hourly), (live.Daily, fromDatabase.Daily) })
        {
            Assert.Equal(fromEvents.BucketStartsUtc, rebuiltTrend.BucketStartsUtc);
            Assert.Equal(fromEvents.Received, rebuiltTrend.Received);
            Assert.Equal(fromEvents.Closed, rebuiltTrend.Closed);
        }
        Assert.Equal(4, live.Hourly.Received.Sum());
        Assert.Equal(live.LatestEvents.Select(e => (e.CaseId, e.Sequence, e.Type)), fromDatabase.LatestEvents.Select(e => (e.CaseId, e.Sequence, e.Type)));
        Assert.Equal(new TodayCounts(Received: 4, Dispatched: 1, InProgress: 0, Closed: 1, Overdue: 0), live.Today);
    }

    [Fact]
    public async Task PatrolCaseClosedAtVerification_CountsAsClosedButNotAsARating()
    {
        await using var database = await TestDatabase.CreateAsync();
        var actor = database.Actor();
        var courtyard = database.Directory.Courtyards.First().Id;
        var patrol = (await database.Cases.ReportAsync(database.Report(courtyardId: courtyard) with { Channel = Channel.GridPatrol }, actor)).Id;
        var hotline = (await database.Cases.ReportAsync(database.Report(courtyardId: courtyard), actor)).Id;
        var unit = database.Directory.UnitsServing(HandlingLevel.Community, courtyard).First();
        foreach (var id in new[] { patrol, hotline })
        {
            await database.Cases.ExecuteAsync(id, new AcceptCase(HandlingLevel.Community), actor);
            await database.Cases.ExecuteAsync(id, new DispatchCase(unit.Id), actor);
            await database.Cases.ExecuteAsync(id, new SignCase(), actor);
            await database.Cases.ExecuteAsync(id, new ReportDone("已处理"), actor);
            await database.Cases.ExecuteAsync(id, new VerifyCase(true), actor);
        }
        await database.Cases.ExecuteAsync(hotline, new RateCase(Rating.BasicallySatisfied), actor);

        var live = database.Dashboard.Figures();
        using var rebuilt = new DashboardProjection(new InProcessCaseEventStream(NullLogger<InProcessCaseEventStream>.Instance), database.Clock, database.Service<DeadlineRulesProvider>());
        await using (var db = database.NewContext()) await rebuilt.RebuildAsync(db);

        foreach (var figures in new[] { live, rebuilt.Figures() })
        {
            Assert.Equal(2, figures.Today.Closed);
            Assert.Equal(2, figures.ClosedAtLevel[HandlingLevel.Community]);
        }
        // Both closed; the ratings are the hotline reporter's alone: the patrol case is no one's rating.
        var today = AssessmentPeriod.Day(ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime));
        var counts = await database.Service<AssessmentQueries>().AreaAsync(TestDatabase.Everyone, today, null);
        Assert.Equal((2, 0, 1, 0), (counts.Closed, counts.Satisfied, counts.BasicallySatisfied, counts.Unsatisfied));
        Assert.Equal(CaseEventType.ClosedWithoutRating, live.LatestEvents.First(e => e.CaseId == patrol).Type);
    }

    private static DeadlineRulesProvider Rules() => new(Options.Create(new DeadlineOptions()));

    /// <param name="deadline">The handling deadline, when <paramref name="times"/> does not say all the clocks.</param>
    private static CaseEvent Event(
        Guid id, int sequence, CaseEventType type, CaseState state, int community, string category, DateTime at,
        DateTime? reported = null, DateTime? deadline = null, Rating? rating = null, HandlingLevel level = HandlingLevel.Courtyard,
        StageTimes? times = null, DateTime? deferredAt = null, string? number = null) =>
        new(id, number ?? $"CT-{sequence}", sequence, sequence, type, null, state, level, Urgency.Normal, category, Channel.Hotline, new StreetId(1), new CommunityId(community), new CourtyardId(1),
            null, ActSource.Console, at, reported ?? at, false, deadline, null, rating,
            times ?? StageTimes.None with { HandlingDeadlineUtc = deadline }, deferredAt);

    /// <summary>A clock that, once held, stops whoever reads it until released: a computation caught in the middle.</summary>
    private sealed class HeldClock(DateTime nowUtc) : TimeProvider
    {
        private readonly ManualResetEventSlim _released = new(true);

        public ManualResetEventSlim Reached { get; } = new(false);

        public void Hold() => _released.Reset();

        public void Release() => _released.Set();

        public override DateTimeOffset GetUtcNow()
        {
            if (!_released.IsSet) Reached.Set();
            _released.Wait();
            return new DateTimeOffset(nowUtc);
        }
    }
}
