using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Tests.Organisation;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Assessment;

/// <summary>Schemes stored by revision and the 红黑榜 frozen when published, on a real SQLite file.</summary>
public sealed class HonourRollTests
{
    private static readonly AssessmentPeriod November = AssessmentPeriod.Month(2026, 11);

    [Fact]
    public async Task PublishedHonourRoll_DoesNotChange_WhenLaterCasesArrive()
    {
        await using var database = await TestDatabase.CreateAsync();
        // Signed first, so it falls due in November with the others and is still open when the month ends.
        var company = database.Directory.Units.Where(u => u.Kind == UnitKind.PropertyCompany && u.ServedCourtyardIds.Count > 0).OrderBy(u => u.Id).First();
        var open = await AssessmentQueriesTests.SignedAsync(database, company);
        await AssessmentQueriesTests.BuildPeriodAsync(database);
        database.Clock.SetUtcNow(November.ToUtc.AddHours(1));
        var rolls = database.Service<HonourRolls>();

        var published = await rolls.PublishAsync(database.Actor("StreetLeader"), null, 2026, 11);
        var entry = Assert.Single(published.Entries, e => e.UnitId == company.Id);
        Assert.Equal((HonourList.Red, 1, 1), (entry.List, entry.Rank, entry.SchemeRevision));

        // Later data: the case due in November closes in December, which moves November's live figures.
        await AssessmentQueriesTests.CloseAsync(database, open.Id, Rating.Satisfied);
        await AssessmentQueriesTests.SignedAsync(database, company);
        var live = await database.Service<UnitScores>().OfKindAsync(TestDatabase.Everyone, November, UnitKind.PropertyCompany);
        Assert.NotEqual(entry.Score, live.Rows.Single(r => r.Unit.UnitId == company.Id).Score!.Value);

        var stored = await rolls.OfMonthAsync(TheStreet(database), 2026, 11);
        Assert.Equal(
            published.Entries.Select(e => (e.UnitId, e.List, e.Rank, e.Score, e.Grade, e.SchemeRevision)),
            stored!.Entries.Select(e => (e.UnitId, e.List, e.Rank, e.Score, e.Grade, e.SchemeRevision)));
        await Assert.ThrowsAsync<HonourRollAlreadyPublishedException>(() => rolls.PublishAsync(database.Actor("StreetLeader"), null, 2026, 11));
    }

    /// <summary>
    /// The people on the 红黑榜 by their kinds' schemes (hand-worked in <see cref="PersonScoresTests.DeskAndPatrolAsync"/>):
    /// with the dispatchers' list cut to one, the second dispatcher (92.00, A) is on the red list and the first (52.00, D)
    /// on the black; the grid worker (72.00, C), alone of the kind, on the red. Read back as published.
    /// </summary>
    [Fact]
    public async Task PublishedHonourRoll_ListsDispatchersAndGridWorkers_ByTheirSchemes()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (first, second, worker, _, _) = await PersonScoresTests.DeskAndPatrolAsync(database);
        var desk = ScoringScheme.Default(ScoredKind.Dispatcher);
        await database.Service<ScoringAdministration>().SaveAsync(database.Actor("Administrator"), ScoredKind.Dispatcher,
            new ScoringSchemeInput([.. desk.Weights], [.. desk.CountBands], desk.Grades, 1, ExpectedRevision: 1));
        database.Clock.SetUtcNow(November.ToUtc.AddHours(1));

        var published = await database.Service<HonourRolls>().PublishAsync(database.Actor("StreetLeader"), null, 2026, 11);

        var expected = new[]
        {
            (second.Id, PersonKind.Dispatcher, HonourList.Red, 1, 92.00m, Grade.A, 2),
            (first.Id, PersonKind.Dispatcher, HonourList.Black, 2, 52.00m, Grade.D, 2),
            (worker.Id, PersonKind.GridWorker, HonourList.Red, 1, 72.00m, Grade.C, 1),
        };
        Assert.Equal(expected, published.Persons.Select(p => (p.StaffId, p.Kind, p.List, p.Rank, p.Score, p.Grade, p.SchemeRevision)));
        var stored = await database.Service<HonourRolls>().OfMonthAsync(TheStreet(database), 2026, 11);
        Assert.Equal(expected, stored!.Persons.Select(p => (p.StaffId, p.Kind, p.List, p.Rank, p.Score, p.Grade, p.SchemeRevision)));
        Assert.Equal(second.Name, stored.Persons[0].Name);
    }

    [Fact]
    public async Task Publish_IsRefused_BeforeTheMonthIsOver()
    {
        await using var database = await TestDatabase.CreateAsync();

        var refused = await Assert.ThrowsAsync<Domain.Common.DomainValidationException>(() =>
            database.Service<HonourRolls>().PublishAsync(database.Actor("StreetLeader"), null, 2026, 11));

        Assert.Equal("MonthNotOver", refused.Code);
        Assert.Null(await database.Service<HonourRolls>().LatestAsync(TheStreet(database)));
    }

    /// <summary>
    /// Two streets publish their own November (docs/decisions/0017): the company's one dispatch lies in street A, so it is on
    /// A's red list (rank 1) and on no list of B, whose month had no case. A street's leader publishes only their street; a
    /// district post among two streets names one; the wall of each street shows its own.
    /// </summary>
    [Fact]
    public async Task EachStreet_PublishesItsOwnRoll_FromItsOwnCases()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = await AssessmentQueriesTests.BuildPeriodAsync(database);
        var (streetA, streetB, _) = await StreetsTests.SecondStreetAsync(database);
        database.Clock.SetUtcNow(November.ToUtc.AddHours(1));
        var rolls = database.Service<HonourRolls>();
        var leaderOfA = database.Actor("StreetLeader") with { StreetId = streetA.Id };
        var leaderOfB = database.Actor("StreetLeader") with { StreetId = streetB.Id };

        Assert.Equal("HonourRollStreet", (await Assert.ThrowsAsync<Domain.Common.DomainValidationException>(() =>
            rolls.PublishAsync(database.Actor("StreetLeader"), null, 2026, 11))).Code);
        Assert.Equal(AccessRefusal.OutOfScope, (await Assert.ThrowsAsync<AccessRefusedException>(() => rolls.PublishAsync(leaderOfA, streetB.Id, 2026, 11))).Refusal);
        await Assert.ThrowsAsync<UnknownStreetException>(() => rolls.PublishAsync(database.Actor("StreetLeader"), new StreetId(999), 2026, 11));
        var ofA = await rolls.PublishAsync(leaderOfA, null, 2026, 11);
        var ofB = await rolls.PublishAsync(database.Actor("StreetLeader"), streetB.Id, 2026, 11);
        await Assert.ThrowsAsync<HonourRollAlreadyPublishedException>(() => rolls.PublishAsync(leaderOfB, null, 2026, 11));

        Assert.Equal((streetA.Id, HonourList.Red, 1), ofA.Entries.Where(e => e.UnitId == company.Id).Select(e => (e.StreetId, e.List, e.Rank)).Single());
        Assert.Equal(streetB.Id, ofB.Publication.StreetId);
        Assert.DoesNotContain(ofB.Entries, e => e.UnitId == company.Id);
        Assert.Contains((await rolls.LatestAsync(streetA.Id))!.Entries, e => e.UnitId == company.Id);
        Assert.DoesNotContain((await rolls.OfMonthAsync(streetB.Id, 2026, 11))!.Entries, e => e.UnitId == company.Id);
        Assert.Equal(streetB.Id, (await rolls.OfWallAsync(streetB.Id, null))!.Publication.StreetId);
        Assert.Null(await rolls.OfWallAsync(null, null)); // a wall of both streets: each published its own
        await using var db = database.NewContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.HonourRollPublished));
    }

    [Fact]
    public async Task SchemeEdit_MakesANewRevision_AndOldSnapshotsKeepTheirs()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = await AssessmentQueriesTests.BuildPeriodAsync(database);
        database.Clock.SetUtcNow(November.ToUtc.AddHours(1));
        var schemes = database.Service<ScoringAdministration>();
        await database.Service<HonourRolls>().PublishAsync(database.Actor("StreetLeader"), null, 2026, 11);

        var saved = await schemes.SaveAsync(database.Actor("Administrator"), ScoredKind.PropertyCompany, new ScoringSchemeInput(
            [new(ScoreIndicator.OnTimeRate, 50, ScoreDirection.HigherIsBetter), new(ScoreIndicator.SatisfactionRate, 50, ScoreDirection.HigherIsBetter)],
            [], GradeBands.Default, 5, ExpectedRevision: 1));

        Assert.Equal(2, saved.Revision);
        Assert.Equal(2, (await schemes.CurrentAsync(ScoredKind.PropertyCompany)).Revision);
        Assert.Equal([2, 1], (await schemes.HistoryAsync(ScoredKind.PropertyCompany)).Select(s => s.Revision));
        var live = await database.Service<UnitScores>().OfKindAsync(TestDatabase.Everyone, November, UnitKind.PropertyCompany);
        Assert.Equal(2, live.Rows.Single(r => r.Unit.UnitId == company.Id).Score!.SchemeRevision);
        var published = await database.Service<HonourRolls>().OfMonthAsync(TheStreet(database), 2026, 11);
        Assert.Equal(1, published!.Entries.Single(e => e.UnitId == company.Id).SchemeRevision);
        await using var db = database.NewContext();
        Assert.Single(await db.AuditEntries.Where(a => a.Action == AuditActions.ScoringSchemeSaved).ToListAsync());
        Assert.Single(await db.AuditEntries.Where(a => a.Action == AuditActions.HonourRollPublished).ToListAsync());
    }

    [Fact]
    public async Task StaleOrInvalidSave_StoresNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var schemes = database.Service<ScoringAdministration>();
        var valid = ScoringScheme.Default(ScoredKind.DistrictDepartment);

        await Assert.ThrowsAsync<Infrastructure.Deadlines.StaleRecordException>(() => schemes.SaveAsync(database.Actor("Administrator"), ScoredKind.DistrictDepartment,
            new ScoringSchemeInput(valid.Weights, valid.CountBands, valid.Grades, valid.ListSize, ExpectedRevision: 7)));
        var invalid = await Assert.ThrowsAsync<Domain.Common.DomainValidationException>(() => schemes.SaveAsync(database.Actor("Administrator"), ScoredKind.DistrictDepartment,
            new ScoringSchemeInput([new(ScoreIndicator.ClosureRate, 90, ScoreDirection.HigherIsBetter)], [], valid.Grades, valid.ListSize, ExpectedRevision: 1)));

        Assert.Equal("WeightsNotHundred", invalid.Code);
        Assert.Equal(1, (await schemes.CurrentAsync(ScoredKind.DistrictDepartment)).Revision);
    }

    private static StreetId TheStreet(TestDatabase database) => database.Directory.Streets.Single().Id;
}
