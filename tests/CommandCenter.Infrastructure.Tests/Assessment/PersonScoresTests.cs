using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Tests.Support;
using static CommandCenter.Infrastructure.Tests.Assessment.AssessmentQueriesTests;

namespace CommandCenter.Infrastructure.Tests.Assessment;

/// <summary>
/// The people's figures from a history the domain really produces: a grid worker's reports (one refused), a dispatch the
/// unit returned and another dispatcher sent again (改派), a verification — counted, timed in working time, scored and
/// ranked by the default schemes, each figure listing its cases.
/// </summary>
public sealed class PersonScoresTests
{
    private static readonly Post System = TestDatabase.Everyone;
    private static readonly AssessmentPeriod Period = AssessmentPeriod.Custom(new DateOnly(2026, 11, 22), new DateOnly(2026, 12, 31));

    [Theory, TestedProviders]
    public async Task ReturnedThenReassigned_CountsAgainstTheFirstDispatcher_AndScoresByHand(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var (first, second, worker, valid, invalid) = await DeskAndPatrolAsync(database);
        var dispatchers = database.Directory.Staff.Where(s => s.Role == AccessRole.Dispatcher).ToList();

        var scores = database.Service<PersonScores>();
        var desk = await scores.OfKindAsync(System, Period, PersonKind.Dispatcher);
        var patrol = await scores.OfKindAsync(System, Period, PersonKind.GridWorker);

        var one = desk.Rows.Single(r => r.Person.StaffId == first.Id);
        var two = desk.Rows.Single(r => r.Person.StaffId == second.Id);
        var walker = patrol.Rows.Single(r => r.Person.StaffId == worker.Id);
        int[] Figures(PersonScore row) => [.. PersonKinds.Figures(row.Indicators.Kind).Select(row.Person.Of)];
        // Accepted, Dispatched, DispatchedOnTime, DispatchReturned, Reassigned.
        Assert.Equal([1, 1, 1, 1, 0], Figures(one));
        Assert.Equal([0, 1, 1, 0, 1], Figures(two));
        // Reported, ReportRejected, Verified, VerifiedOnTime.
        Assert.Equal([2, 1, 1, 1], Figures(walker));
        Assert.Equal(TimeSpan.FromHours(2), one.Indicators.AverageDispatchTime);
        Assert.Equal(TimeSpan.FromMinutes(30), two.Indicators.AverageDispatchTime);

        // First: 60 × 20 % + 100 × 40 % + (1 − 1 ÷ 1) × 100 × 40 % = 52.00 (D); second: 12 + 40 + 40 = 92.00 (A).
        Assert.Equal((52.00m, Grade.D, 2), (one.Score!.Value, one.Score.Grade, one.Rank!.Value));
        Assert.Equal((92.00m, Grade.A, 1), (two.Score!.Value, two.Score.Grade, two.Rank!.Value));
        // Grid worker: 60 × 20 % + 100 × 40 % + (1 − 1 ÷ 2) × 100 × 40 % = 72.00 (C).
        Assert.Equal((72.00m, Grade.C, 1), (walker.Score!.Value, walker.Score.Grade, walker.Rank!.Value));
        // The third dispatcher did nothing: listed, unscored, last.
        Assert.Equal((null, null), (desk.Rows[^1].Score, desk.Rows[^1].Rank));
        Assert.Equal(dispatchers.Count, desk.Rows.Count);

        // Each figure opens to exactly the cases behind it.
        var queries = database.Service<AssessmentQueries>();
        foreach (var (staff, act, expected) in new[]
        {
            (first, PersonAct.DispatchReturned, valid.Id), (second, PersonAct.Reassigned, valid.Id),
            (worker, PersonAct.ReportRejected, invalid.Id), (worker, PersonAct.VerifiedOnTime, valid.Id),
        })
        {
            var page = await queries.PersonCasesAsync(System, Period, null, staff.Id, act, 0, 10);
            Assert.Equal([expected], page.Items.Select(c => c.CaseId));
        }
    }

    [Fact]
    public async Task DispatchAndVerification_AfterTheirOverdueMarks_AreNotOnTime()
    {
        await using var database = await TestDatabase.CreateAsync();
        var company = Company(database);
        var dispatcher = database.Directory.Staff.Where(s => s.Role == AccessRole.Dispatcher).OrderBy(s => s.Id.Value).First();
        var worker = database.Directory.Staff.First(s => s.Role == AccessRole.GridWorker);
        Post As(Staff staff) => System with { StaffId = staff.Id, Name = staff.Name };
        var sweeper = database.Service<DeadlineSweeper>();
        DateTime China(int day, int hour) => ChinaTime.StartOfLocalDayUtc(new DateOnly(2026, 11, day)).AddHours(hour);

        // Monday 09:00 accepted; the desk's two hours run out and the timer marks it (待派遣 overdue) before the 15:00 dispatch.
        database.Clock.SetUtcNow(China(30, 9));
        var reported = await database.Cases.ReportAsync(database.Report("0101", company.ServedCourtyardIds[0]), As(worker));
        await database.Cases.ExecuteAsync(reported.Id, new AcceptCase(company.Level), As(dispatcher));
        database.Clock.SetUtcNow(China(30, 15));
        await sweeper.SweepAsync(CancellationToken.None);
        await database.Cases.ExecuteAsync(reported.Id, new DispatchCase(company.Id), As(dispatcher));
        await database.Cases.ExecuteAsync(reported.Id, new SignCase(), System);
        await database.Cases.ExecuteAsync(reported.Id, new ReportDone("已清运"), System);
        // Its verification waits past its 24 working hours (待核查 overdue) before the grid worker checks it.
        database.Clock.SetUtcNow(China(30, 15).AddDays(7));
        await sweeper.SweepAsync(CancellationToken.None);
        await database.Cases.ExecuteAsync(reported.Id, new VerifyCase(true), As(worker));

        var persons = await database.Service<AssessmentQueries>().PersonsAsync(System, Period, null);

        var desk = persons.Single(p => p.StaffId == dispatcher.Id);
        var patrol = persons.Single(p => p.StaffId == worker.Id);
        Assert.Equal((1, 0), (desk.Dispatched, desk.DispatchedOnTime));
        Assert.Equal((1, 0), (patrol.Verified, patrol.VerifiedOnTime));
        Assert.Equal(new Rate(0, 1), new PersonIndicators(PersonKind.Dispatcher, desk.Counts).DispatchOnTimeRate);
    }

    /// <summary>
    /// The history of the test above, in the last days of November: the grid worker reports two cases, the first
    /// dispatcher accepts one (refusing the other) and dispatches it, the company returns it, the second dispatcher sends
    /// it again, it is done and the grid worker verifies it. By hand: second 92.00 (A), first 52.00 (D), the grid worker 72.00 (C).
    /// </summary>
    internal static async Task<(Staff First, Staff Second, Staff Worker, Case Valid, Case Invalid)> DeskAndPatrolAsync(TestDatabase database)
    {
        var company = Company(database);
        var dispatchers = database.Directory.Staff.Where(s => s.Role == AccessRole.Dispatcher).OrderBy(s => s.Id.Value).ToList();
        var (first, second) = (dispatchers[0], dispatchers[1]);
        var worker = database.Directory.Staff.First(s => s.Role == AccessRole.GridWorker);
        var handler = database.Directory.Staff.First(s => s.Role == AccessRole.PropertyStaff && s.UnitId == company.Id);
        Post As(Staff staff) => System with { StaffId = staff.Id, Name = staff.Name };
        DateTime China(int day, int hour, int minute = 0) => ChinaTime.StartOfLocalDayUtc(new DateOnly(2026, 11, day)).AddHours(hour).AddMinutes(minute);

        // Friday 27 November 17:00 (China): the grid worker reports two cases; the first dispatcher accepts one and refuses the other.
        database.Clock.SetUtcNow(China(27, 17));
        var valid = await database.Cases.ReportAsync(database.Report("0101", company.ServedCourtyardIds[0]), As(worker));
        var invalid = await database.Cases.ReportAsync(database.Report("0101", company.ServedCourtyardIds[0]), As(worker));
        await database.Cases.ExecuteAsync(valid.Id, new AcceptCase(company.Level), As(first));
        await database.Cases.ExecuteAsync(invalid.Id, new RejectCase("重复上报，现场无问题"), As(first));
        // Monday 10:00 the first dispatches (two working hours after the case came in); 11:00 the company returns it;
        // 11:30 the second dispatches it again (a 改派, half an hour after the return).
        database.Clock.SetUtcNow(China(30, 10));
        await database.Cases.ExecuteAsync(valid.Id, new DispatchCase(company.Id), As(first));
        database.Clock.SetUtcNow(China(30, 11));
        await database.Cases.ExecuteAsync(valid.Id, new ReturnCase(ReturnReason.JurisdictionMismatch), As(handler));
        database.Clock.SetUtcNow(China(30, 11, 30));
        await database.Cases.ExecuteAsync(valid.Id, new DispatchCase(company.Id), As(second));
        await database.Cases.ExecuteAsync(valid.Id, new SignCase(), As(handler));
        await database.Cases.ExecuteAsync(valid.Id, new ReportDone("已清运"), As(handler));
        await database.Cases.ExecuteAsync(valid.Id, new VerifyCase(true), As(worker));

        return (first, second, worker, valid, invalid);
    }
}
