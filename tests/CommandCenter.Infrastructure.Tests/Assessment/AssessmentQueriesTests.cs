using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Assessment;

/// <summary>
/// A small period made with the real commands on a real SQLite file, its figures worked out by
/// hand (docs/decisions/0006): five cases, all Normal urgency, all dispatched to one property company.
/// </summary>
public sealed class AssessmentQueriesTests
{
    private static readonly Post System = TestDatabase.Everyone;
    // 2026-11-22 to 2026-12-31, China days: holds every deadline of the cases below.
    private static readonly AssessmentPeriod Period = AssessmentPeriod.Custom(new DateOnly(2026, 11, 22), new DateOnly(2026, 12, 31));

    [Fact]
    public async Task AreaAsync_CountsByTheStandardDefinitions()
    {
        await using var database = await TestDatabase.CreateAsync();
        await BuildPeriodAsync(database);

        var counts = await Queries(database).AreaAsync(System, Period, null);

        // 立案: five accepted. 应结案: all five — A, D and E closed before a deadline (due when they
        // closed), B due at its deadline and closed after it, C due at its deadline and still open.
        // 结案: A, B, D, E. 按期: A and E (B late; D deferred, which leaves numerator and denominator).
        // 缓办: D. 返工: E. Ratings of the period: 满意 A, D, E's second; 基本满意 B; 不满意 E's first.
        // 12345: five dispatches, all signed at once; 解决: A, B, D (E was rated 不满意 once). Five rounds
        // signed, five reported done (E twice); only B's, an hour into Monday, took working time (the rest fell on Sunday).
        Assert.Equal(IndicatorCounts.None with
        {
            Registered = 5, Due = 5, Closed = 4, ClosedOnTime = 2, Deferred = 1, Reworked = 1,
            Satisfied = 3, BasicallySatisfied = 1, Unsatisfied = 1, OverdueOpen = 1,
            Dispatched = 5, RespondedInTime = 5, Resolved = 3, SignedRounds = 5, HandledRounds = 5, HandlingTime = TimeSpan.FromHours(1),
        }, counts);
        var indicators = new Indicators(counts);
        Assert.Equal(80.00m, indicators.ClosureRate!.Value.Percent);
        Assert.Equal(50.00m, indicators.OnTimeRate!.Value.Percent);      // 2 ÷ (5 − 1)
        Assert.Equal(20.00m, indicators.ReworkRate!.Value.Percent);
        Assert.Equal(80.00m, indicators.SatisfactionRate!.Value.Percent); // (3 + 1) ÷ 5: the 不满意 that reopened E counts
        Assert.Null(indicators.UrgentOnTimeRate);
    }

    [Fact]
    public async Task UnitsAsync_CountsTheCompanysRounds_AndTheOneUnderWay()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = await BuildPeriodAsync(database);

        var table = await Queries(database).UnitsAsync(System, Period, UnitKind.PropertyCompany);

        // 立案: five dispatches received (E's rework is no new dispatch). 应结案: the five done rounds
        // (A, B, D, E's first, E's rework) and C's round under way. 结案: five done. 按期: A, E's two
        // (B late, D deferred). 缓办: D. 返工: E's rework round. The five ratings all of cases it did.
        // 解决: the done rounds of A, B and D (E's case was rated 不满意 with this unit).
        var row = Assert.Single(table, r => r.UnitId == company.Id);
        Assert.Equal(IndicatorCounts.None with
        {
            Registered = 5, Due = 6, Closed = 5, ClosedOnTime = 3, Deferred = 1, Reworked = 1,
            Satisfied = 3, BasicallySatisfied = 1, Unsatisfied = 1, OverdueOpen = 1,
            Dispatched = 5, RespondedInTime = 5, Resolved = 3, SignedRounds = 5, HandledRounds = 5, HandlingTime = TimeSpan.FromHours(1),
        }, row.Counts);
        Assert.Equal(60.00m, new Indicators(row.Counts).OnTimeRate!.Value.Percent); // 3 ÷ (6 − 1)
        Assert.All(table.Where(r => r.UnitId != company.Id), r => Assert.Equal(IndicatorCounts.None, r.Counts));
        Assert.All(table, r => Assert.Equal(UnitKind.PropertyCompany, r.Kind));
    }

    [Fact]
    public async Task UnitsAsync_ReturnsAndEscalations_AreCountedWhenTheyHappen()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = Company(database);
        var returned = await DispatchedAsync(database, company);
        await database.Cases.ExecuteAsync(returned.Id, new ReturnCase(ReturnReason.OwnershipUnclear), System);
        var escalated = await SignedAsync(database, company);
        await database.Cases.ExecuteAsync(escalated.Id, new EscalateCase("需要上级协调"), System);

        var row = (await Queries(database).UnitsAsync(System, Period, UnitKind.PropertyCompany)).Single(r => r.UnitId == company.Id);
        var area = await Queries(database).AreaAsync(System, Period, null);

        // Two dispatches received; one returned, one escalated by hand before its deadline: neither is due of the unit.
        Assert.Equal((2, 1, 1, 0), (row.Counts.Registered, row.Counts.Returned, row.Counts.Escalations, row.Counts.Due));
        Assert.Equal(50.00m, new Indicators(row.Counts).ReturnRate!.Value.Percent);
        Assert.Equal((2, 1, 1), (area.Registered, area.Returned, area.Escalations));
    }

    [Fact]
    public async Task AreaAsync_CommunityPost_SeesOnlyItsCommunity()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = await BuildPeriodAsync(database);
        var community = database.Directory.Courtyard(company.ServedCourtyardIds[0])!.CommunityId;
        var elsewhere = database.Directory.Staff.First(s => s.Role == AccessRole.CommunityStaff && s.CommunityId != community);
        var post = database.Directory.PostOf(elsewhere, ActSource.Console);

        Assert.Equal(IndicatorCounts.None, await Queries(database).AreaAsync(post, Period, null));
        Assert.Equal(IndicatorCounts.None, await Queries(database).AreaAsync(post, Period, community));
        Assert.Equal(5, (await Queries(database).AreaAsync(System, Period, community)).Due);
    }

    [Fact]
    public async Task UnitsAsync_ForTheCompanysCommunity_CountsAsStreetWide_AndForAnotherNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = await BuildPeriodAsync(database);
        var community = database.Directory.Courtyard(company.ServedCourtyardIds[0])!.CommunityId;
        var other = database.Directory.Communities.First(c => c.Id != community).Id;

        // The street-wide table reads ratings and spans without asking each row's case; a community's asks.
        var streetWide = await Queries(database).UnitsAsync(System, Period, UnitKind.PropertyCompany);
        var ofCommunity = await Queries(database).UnitsAsync(System, Period, UnitKind.PropertyCompany, communityId: community);
        var ofOther = await Queries(database).UnitsAsync(System, Period, UnitKind.PropertyCompany, communityId: other);

        Assert.Equal(streetWide, ofCommunity);
        Assert.All(ofOther, r => Assert.Equal(IndicatorCounts.None, r.Counts));
    }

    [Fact]
    public async Task UnitsAsync_ReadsRatingsAndUnsatisfiedRounds_ThroughTheTimelinesPartialIndexes()
    {
        await using var database = await TestDatabase.CreateAsync();
        await BuildPeriodAsync(database);
        using var commands = new ExecutedCommands();
        // EF Core asks whether anyone listens to its commands at most once a second (its logging cache time).
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        await Queries(database).UnitsAsync(System, Period, null);

        var plans = new List<string>();
        await using var db = database.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        // Only this database's queries: tests beside this one run their own commands meanwhile.
        foreach (var command in commands.Texts.Where(c => c.DataSource == global::System.IO.Path.GetFullPath(database.Path)
            && c.Text.StartsWith("SELECT", StringComparison.Ordinal) && c.Text.Contains("\"TimelineEvents\"", StringComparison.Ordinal)))
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.Text;
            foreach (var (name, value) in command.Parameters) explain.Parameters.Add(new SqliteParameter(name, value ?? DBNull.Value));
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync()) plans.Add(reader.GetString(3));
        }
        Assert.Contains(plans, p => p.Contains("IX_TimelineEvents_Ratings_OccurredAtUtc", StringComparison.Ordinal));
        Assert.Contains(plans, p => p.Contains("IX_TimelineEvents_Unsatisfied_CaseId_UnitId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AreaAsync_PeriodBeforeTheCases_IsEmpty()
    {
        await using var database = await TestDatabase.CreateAsync();
        await BuildPeriodAsync(database);

        var counts = await Queries(database).AreaAsync(System, AssessmentPeriod.Month(2026, 10), null);

        Assert.Equal(IndicatorCounts.None, counts);
        Assert.Null(new Indicators(counts).ClosureRate);
    }

    /// <summary>
    /// A: closed on time. B: closed late. C: open past its deadline. D: deferred, then closed.
    /// E: rated 不满意, reworked, rated 满意. The clock ends past B's and C's deadlines.
    /// </summary>
    internal static async Task<HandlingUnit> BuildPeriodAsync(TestDatabase database)
    {
        var company = Company(database);
        var a = await SignedAsync(database, company);
        var b = await SignedAsync(database, company);
        var c = await SignedAsync(database, company);
        var d = await SignedAsync(database, company);
        var e = await SignedAsync(database, company);

        database.Clock.Advance(TimeSpan.FromMinutes(30));
        await CloseAsync(database, a.Id, Rating.Satisfied);

        await database.Cases.ExecuteAsync(d.Id, new RequestDeferral("等待业主大会表决维修资金", database.Clock.GetUtcNow().UtcDateTime.AddDays(30)), System);
        await database.Cases.ExecuteAsync(d.Id, new ApproveRequest(), System);
        await CloseAsync(database, d.Id, Rating.Satisfied);

        await CloseAsync(database, e.Id, Rating.Unsatisfied);
        await CloseAsync(database, e.Id, Rating.Satisfied);

        // Past B's and C's deadlines (signed at the same moment, the same policy).
        database.Clock.SetUtcNow(c.Clock.HandlingDeadlineUtc!.Value.AddHours(1));
        await CloseAsync(database, b.Id, Rating.BasicallySatisfied);
        return company;
    }

    internal static async Task CloseAsync(TestDatabase database, Guid id, Rating rating)
    {
        await database.Cases.ExecuteAsync(id, new ReportDone("已处理"), System);
        await database.Cases.ExecuteAsync(id, new VerifyCase(true), System);
        await database.Cases.ExecuteAsync(id, new RateCase(rating, Source: RatingSource.Reporter), System);
    }

    internal static HandlingUnit Company(TestDatabase database) =>
        database.Directory.Units.Where(u => u.Kind == UnitKind.PropertyCompany && u.ServedCourtyardIds.Count > 0).OrderBy(u => u.Id).First();

    internal static async Task<Case> SignedAsync(TestDatabase database, HandlingUnit unit)
    {
        var dispatched = await DispatchedAsync(database, unit);
        return await database.Cases.ExecuteAsync(dispatched.Id, new SignCase(), System);
    }

    internal static async Task<Case> DispatchedAsync(TestDatabase database, HandlingUnit unit)
    {
        var reported = await database.Cases.ReportAsync(database.Report("0101", unit.ServedCourtyardIds[0]), System);
        await database.Cases.ExecuteAsync(reported.Id, new AcceptCase(unit.Level), System);
        return await database.Cases.ExecuteAsync(reported.Id, new DispatchCase(unit.Id), System);
    }

    private static AssessmentQueries Queries(TestDatabase database) => database.Service<AssessmentQueries>();
}
