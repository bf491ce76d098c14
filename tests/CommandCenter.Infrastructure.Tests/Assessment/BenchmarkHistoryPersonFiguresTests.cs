using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.DemoData;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Assessment;

/// <summary>
/// The assessment benchmark's person ranking reads a history written as the benchmark writes it: cases driven through the
/// domain's commands with <see cref="DemoCaseGenerator.ActorFor"/> as the actor, stored in batches by
/// <see cref="DemoDataSeeder.SaveBatchAsync"/>, their days computed by the <see cref="DailyFiguresWorker"/>. These tests keep that
/// path from drifting away from the app's person figures.
/// </summary>
public sealed class BenchmarkHistoryPersonFiguresTests
{
    private static readonly Post System = TestDatabase.Everyone;

    /// <summary>A Friday: every act falls between 09:30 and 12:00 China time, inside the working hours (09:00–12:00).</summary>
    private static readonly DateOnly Day = new(2026, 11, 20);

    [Fact]
    public async Task TenCasesOfThreePeople_GiveTheFiguresWorkedOutByHand()
    {
        await using var database = await TestDatabase.CreateAsync();
        var street = DemoStreet.Build();
        var rules = database.Service<DeadlineRulesProvider>().Rules;
        var item = street.CategoryByCode("0101");
        var courtyard = street.Courtyards.First(c => street.Staff.Any(s => s.Role == AccessRole.GridWorker && s.GridId == c.GridId));
        var unit = street.DefaultUnit(item, item.DefaultLevel, courtyard);
        var dispatcherStaff = street.StaffWithRole(AccessRole.Dispatcher)[0];
        var gridWorkerStaff = street.Staff.First(s => s.Role == AccessRole.GridWorker && s.GridId == courtyard.GridId);
        var handlerStaff = street.StaffOfUnit(unit)[0];
        var (dispatcher, gridWorker, handler) =
            (DemoCaseGenerator.ActorFor(dispatcherStaff), DemoCaseGenerator.ActorFor(gridWorkerStaff), DemoCaseGenerator.ActorFor(handlerStaff));

        // Case n is reported 12n minutes after 09:30 and its acts follow a few minutes apart, all before 12:00.
        var number = 0;
        Case Reported(Actor by)
        {
            number++;
            var channel = by == gridWorker ? Channel.GridPatrol : Channel.Hotline;
            var reporter = channel == Channel.Hotline ? new Reporter("李四", "13900000000") : null;
            return Case.Report($"T{number:000}", street.Street.Id, channel, item, Domain.Categories.Urgency.Normal, courtyard, null,
                "小区门口有暴露垃圾", reporter, null, null, by, At(0), rules);
        }
        DateTime At(int step) => ChinaTime.StartOfLocalDayUtc(Day).AddHours(9.5).AddMinutes(12 * number + step);
        Case Dispatched(Actor reporter)
        {
            var c = Reported(reporter);
            c.Accept(dispatcher, At(1), rules);
            c.Dispatch(unit, [], rules, dispatcher, At(6));
            return c;
        }
        Case Done(Actor reporter)
        {
            var c = Dispatched(reporter);
            c.Sign(handler, At(7), rules);
            c.ReportDone("已清运", null, handler, At(8), rules);
            c.Verify(true, null, gridWorker, At(9), rules);
            return c;
        }

        var cases = new List<Case>();
        // 1: the grid worker's report, refused by the desk.
        var refused = Reported(gridWorker);
        refused.Reject("重复上报", dispatcher, At(1));
        cases.Add(refused);
        // 2, 3: reported, accepted, dispatched, signed, done, verified.
        cases.Add(Done(gridWorker));
        cases.Add(Done(gridWorker));
        // 4: returned by the handler (退单), dispatched again five minutes later (改派), then done.
        var returned = Dispatched(gridWorker);
        returned.Return(ReturnReason.OwnershipUnclear, null, handler, At(7), rules);
        returned.Dispatch(unit, [], rules, dispatcher, At(12));
        returned.Sign(handler, At(13), rules);
        returned.ReportDone("已清运", null, handler, At(14), rules);
        returned.Verify(true, null, gridWorker, At(15), rules);
        cases.Add(returned);
        // 5: the verification fails (rework); done again and verified.
        var reworked = Dispatched(gridWorker);
        reworked.Sign(handler, At(7), rules);
        reworked.ReportDone("已清运", null, handler, At(8), rules);
        reworked.Verify(false, "仍有垃圾", gridWorker, At(9), rules);
        reworked.ReportDone("已清运干净", null, handler, At(10), rules);
        reworked.Verify(true, null, gridWorker, At(11), rules);
        cases.Add(reworked);
        // 6: dispatched, not signed yet.
        cases.Add(Dispatched(gridWorker));
        // 7: a hotline call the dispatcher took, done.
        cases.Add(Done(dispatcher));
        // 8: a hotline call, signed and in progress.
        var inProgress = Dispatched(dispatcher);
        inProgress.Sign(handler, At(7), rules);
        cases.Add(inProgress);
        // 9: a hotline call refused; 10: one still waiting at the desk.
        var refusedCall = Reported(dispatcher);
        refusedCall.Reject("不属于受理范围", dispatcher, At(1));
        cases.Add(refusedCall);
        cases.Add(Reported(dispatcher));

        await using (var db = database.NewContext())
            await DemoDataSeeder.SaveBatchAsync(db, cases);
        await RunToTheEndAsync(database.Service<DailyFiguresWorker>());
        await using (var db = database.NewContext())
            Assert.Contains(Day, await db.ComputedAssessmentDays.Select(d => d.Day).ToListAsync());

        // Accepted, Dispatched, Signed, ReportedDone, Returned, DispatchedOnTime, DispatchReturned, Reassigned, Reported,
        // ReportRejected, Verified, VerifiedOnTime: worked out from the list above.
        int[] byDispatcher = [7, 8, 0, 0, 0, 8, 1, 1, 4, 1, 0, 0];
        int[] byGridWorker = [0, 0, 0, 0, 0, 0, 0, 0, 6, 1, 6, 6];
        int[] byHandler = [0, 0, 6, 6, 1, 0, 0, 0, 0, 0, 0, 0];
        foreach (var period in new[] { AssessmentPeriod.Day(Day), AssessmentPeriod.Month(2026, 11) })
        {
            var people = await database.Service<AssessmentQueries>().PersonsAsync(System, period, null);
            Assert.Equal(byDispatcher, Acts(people, dispatcherStaff.Id));
            Assert.Equal(byGridWorker, Acts(people, gridWorkerStaff.Id));
            Assert.Equal(byHandler, Acts(people, handlerStaff.Id));
            Assert.Equal(new[] { dispatcherStaff.Id, gridWorkerStaff.Id, handlerStaff.Id }.OrderBy(id => id.Value), people.Select(p => p.StaffId).OrderBy(id => id.Value));
            // Seven dispatches waited 5 minutes after their acceptance, the 改派 5 minutes after its 退单: all in working hours.
            var waits = people.Single(p => p.StaffId == dispatcherStaff.Id).Counts;
            Assert.Equal((8, TimeSpan.FromMinutes(40)), (waits.TimedDispatches, waits.DispatchTime));
        }
    }

    [Fact]
    public async Task GeneratedHistory_GivesTheActsItsTimelinesHold()
    {
        await using var database = await TestDatabase.CreateAsync();
        var street = DemoStreet.Build();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var cases = database.Seeder.History(street, 400, now, TimeSpan.FromDays(20), new Dictionary<string, int>()).ToList();
        await using (var db = database.NewContext())
            foreach (var batch in cases.Chunk(150))
                await DemoDataSeeder.SaveBatchAsync(db, batch);
        await RunToTheEndAsync(database.Service<DailyFiguresWorker>());

        // The timers let every clock run out somewhere, as they do in a real month: each kind of overdue mark is there.
        var marks = cases.SelectMany(c => c.Timeline).Select(e => e.Type).ToHashSet();
        Assert.All(OverdueMarks, mark => Assert.Contains(mark, marks));
        Assert.Contains(cases, c => c.Timeline.Any(e => e.Type == CaseEventType.Escalated && e.Source == ActSource.Timer));

        var period = AssessmentPeriod.Custom(ChinaTime.LocalDate(now).AddDays(-21), ChinaTime.LocalDate(now));
        var queries = database.Service<AssessmentQueries>();
        var people = await queries.PersonsAsync(System, period, null);
        Assert.Equal(Expected(cases, period), Counted(people));
        // Some dispatches and checks came after their stage's limit, and are not on time.
        Assert.True(people.Sum(p => p.Dispatched - p.DispatchedOnTime) > 0);
        Assert.True(people.Sum(p => p.Verified - p.VerifiedOnTime) > 0);
        var escalations = cases.Sum(c => c.Timeline.Count(e => e.Type == CaseEventType.Escalated && period.Contains(e.OccurredAtUtc)));
        Assert.Equal(escalations, (await queries.AreaAsync(System, period, null)).Escalations);
        var directory = database.Directory;
        foreach (var kind in Enum.GetValues<PersonKind>())
            Assert.Contains(people, p => PersonKinds.Of(p.Role) == kind && PersonKinds.Figures(kind).Sum(p.Of) > 0);
        Assert.Contains(people, p => directory.StaffMember(p.StaffId)?.UnitId is not null && p.Signed > 0 && p.ReportedDone > 0);
    }

    /// <summary>The acts each staff member did in the period as the generated cases' timelines hold them, counted here in memory.</summary>
    private static List<string> Expected(List<Case> cases, AssessmentPeriod period)
    {
        var counts = new Dictionary<(StaffId, PersonAct), int>();
        foreach (var c in cases)
            foreach (var e in c.Timeline.Where(e => e.ActorStaffId is not null && period.Contains(e.OccurredAtUtc)))
                foreach (var act in Simple.Where(a => PersonActs.EventsOf(a).Contains(e.Type) && (a != PersonAct.ReportRejected || c.State == CaseState.Rejected)
                    && (a is not (PersonAct.DispatchedOnTime or PersonAct.VerifiedOnTime) || OnTime(c, e))))
                    counts[(e.ActorStaffId!.Value, act)] = counts.GetValueOrDefault((e.ActorStaffId!.Value, act)) + 1;
        return [.. counts.Where(c => c.Value > 0).OrderBy(c => c.Key.Item1.Value).ThenBy(c => c.Key.Item2).Select(c => $"{c.Key.Item1} {c.Key.Item2} {c.Value}")];
    }

    /// <summary>
    /// Whether a dispatch or check ended its wait before the limit: no 待派遣 or 待核查 overdue mark since the case last came
    /// into the stage the act ended.
    /// </summary>
    private static bool OnTime(Case c, TimelineEvent act)
    {
        var before = c.Timeline.Where(e => e.Sequence < act.Sequence).OrderBy(e => e.Sequence).ToList();
        var entered = before.FindLastIndex(e => e.ToState == act.FromState && e.FromState != act.FromState);
        return !before.Skip(entered + 1).Any(e => e.Type is CaseEventType.DispatchOverdue or CaseEventType.VerificationOverdue);
    }

    /// <summary>Every mark a timer leaves when a clock runs out: at each waiting stage, at signing, handling, a 督办's reply, and a co-handler's part.</summary>
    private static readonly CaseEventType[] OverdueMarks =
        [CaseEventType.AcceptanceOverdue, CaseEventType.DispatchOverdue, CaseEventType.SignOverdue, CaseEventType.Overdue,
         CaseEventType.VerificationOverdue, CaseEventType.SupervisionOverdue, CaseEventType.PartSignOverdue, CaseEventType.PartOverdue];

    /// <summary>The same acts as the person query counted them.</summary>
    private static List<string> Counted(IReadOnlyList<PersonIndicatorCounts> people) =>
        [.. people.OrderBy(p => p.StaffId.Value).SelectMany(p => Simple.Where(a => p.Of(a) > 0).Select(a => $"{p.StaffId} {a} {p.Of(a)}"))];

    /// <summary>The acts counted here: one event each, the on-time ones with the overdue marks before them.</summary>
    private static readonly PersonAct[] Simple =
        [PersonAct.Accepted, PersonAct.Dispatched, PersonAct.Signed, PersonAct.ReportedDone, PersonAct.Returned, PersonAct.DispatchedOnTime,
         PersonAct.Reported, PersonAct.ReportRejected, PersonAct.Verified, PersonAct.VerifiedOnTime];

    private static int[] Acts(IReadOnlyList<PersonIndicatorCounts> people, StaffId staffId) =>
        people.SingleOrDefault(p => p.StaffId == staffId) is { } person
            ? [.. Enum.GetValues<PersonAct>().Select(person.Of)]
            : new int[Enum.GetValues<PersonAct>().Length];

    private static async Task RunToTheEndAsync(DailyFiguresWorker worker)
    {
        for (var round = 0; round < 50 && await worker.RunOnceAsync() > 0; round++) { }
    }
}
