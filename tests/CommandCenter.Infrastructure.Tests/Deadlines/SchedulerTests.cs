using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Tests.Support;
using CommandCenter.Infrastructure.Persistence;

namespace CommandCenter.Infrastructure.Tests.Deadlines;

/// <summary>The real Quartz scheduler over a real database, on the real clock: in memory beside SQLite, clustered on PostgreSQL.</summary>
public sealed class SchedulerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    [Theory, TestedProviders]
    public async Task HandlingDeadlinePasses_CaseEscalatesOnceAndIsRoutedToTheCommunity(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var host = await TimerHost.StartAsync(store);
        await host.UseShortLimitAsync(Limit);
        var id = await host.SignedCaseAsync();

        var detail = await Eventually.HoldsAsync(() => host.Queries.DetailAsync(TestDatabase.Everyone, id)!, d => d!.Level == HandlingLevel.Community);

        Assert.Equal(HandlingLevel.Community, detail!.Level);
        Assert.Equal(CaseState.Dispatched, detail.State);
        var timerEvents = detail.Timeline.Where(e => e.Source == DeadlineSweeper.Timer.Source).Select(e => e.Type).ToList();
        Assert.Equal([CaseEventType.Warned, CaseEventType.Escalated, CaseEventType.Dispatched], timerEvents);
        Assert.Equal(host.Directory.Units.Single(u => u.Kind == UnitKind.CommunityCommittee && u.CommunityId == detail.Place.CommunityId).Id, detail.Handling.CurrentUnitId);
        var courtyard = Assert.Single(detail.HandlingRecords);
        Assert.Equal((HandlingLevel.Courtyard, HandlingOutcome.Escalated, false, true),
            (courtyard.Level, courtyard.Outcome, courtyard.SignedLate, courtyard.HandledLate));
    }

    [Theory, TestedProviders]
    public async Task NobodySigns_CaseIsRemindedThenReturnedToDispatchOnce(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var host = await TimerHost.StartAsync(store);
        await host.UseShortLimitAsync(Limit);
        var id = await host.DispatchedCaseAsync();

        var detail = await Eventually.HoldsAsync(() => host.Queries.DetailAsync(TestDatabase.Everyone, id)!, d => d!.State == CaseState.PendingDispatch);
        await Task.Delay(TimeSpan.FromSeconds(2));
        detail = await host.Queries.DetailAsync(TestDatabase.Everyone, id);

        Assert.Equal((CaseState.PendingDispatch, HandlingLevel.Courtyard, null), (detail!.State, detail.Level, detail.Handling.CurrentUnitId));
        Assert.NotNull(detail.Deadlines.SignOverdueAtUtc);
        var timerEvents = detail.Timeline.Where(e => e.Source == DeadlineSweeper.Timer.Source).Select(e => e.Type).ToList();
        Assert.Equal([CaseEventType.SignOverdue, CaseEventType.ReturnedUnsigned], timerEvents);
        var record = Assert.Single(detail.HandlingRecords);
        Assert.Equal((HandlingOutcome.ReturnedUnsigned, true, null), (record.Outcome, record.SignedLate, record.SignedAtUtc));
    }

    [Theory, TestedProviders]
    public async Task SupervisionUnanswered_ReplyDeadlinePasses_RecordsSupervisionOverdueOnce(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var host = await TimerHost.StartAsync(store);
        var id = await host.DispatchedCaseAsync();
        var due = DateTime.UtcNow + Limit;
        await host.Cases.ExecuteAsync(id, new SuperviseCase("今天下班前处理", due), TestDatabase.Everyone);

        var detail = await Eventually.HoldsAsync(() => host.Queries.DetailAsync(TestDatabase.Everyone, id)!, d => d!.Supervision?.OverdueAtUtc is not null);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Single(await host.TimelineAsync(id), e => e.Type == CaseEventType.SupervisionOverdue);
        Assert.True(detail!.Supervision!.OverdueAtUtc >= due);
        Assert.True(detail.Handling.IsSupervised);
    }

    [Theory, TestedProviders]
    public async Task DeferralReviewDatePasses_RemindsOnce_AndTheCaseStaysDeferred(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var host = await TimerHost.StartAsync(store);
        var id = await host.SignedCaseAsync();
        var reviewAt = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        await host.Cases.ExecuteAsync(id, new RequestDeferral("需要专项资金", reviewAt), TestDatabase.Everyone);
        await host.Cases.ExecuteAsync(id, new ApproveRequest(), TestDatabase.Everyone);

        await Eventually.HoldsAsync(() => host.TimelineAsync(id), t => t.Any(e => e.Type == CaseEventType.DeferralReviewDue));
        await Task.Delay(TimeSpan.FromSeconds(2));

        var review = Assert.Single(await host.TimelineAsync(id), e => e.Type == CaseEventType.DeferralReviewDue);
        Assert.True(review.OccurredAtUtc >= reviewAt);
        var detail = await host.Queries.DetailAsync(TestDatabase.Everyone, id);
        Assert.Equal((CaseState.InProgress, true), (detail!.State, detail.Deadlines.IsDeferred));
    }

    [Theory, TestedProviders]
    public async Task CaseDoneJustBeforeItsDeadline_DoesNotEscalate(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var host = await TimerHost.StartAsync(store);
        await host.UseShortLimitAsync(TimeSpan.FromSeconds(4));
        var id = await host.SignedCaseAsync();

        await host.Cases.ExecuteAsync(id, new ReportDone("已清运"), TestDatabase.Everyone);
        await Task.Delay(TimeSpan.FromSeconds(6));

        var detail = await host.Queries.DetailAsync(TestDatabase.Everyone, id);
        Assert.Equal(CaseState.PendingVerification, detail!.State);
        Assert.Equal(HandlingLevel.Courtyard, detail.Level);
        Assert.DoesNotContain(detail.Timeline, e => e.Source == DeadlineSweeper.Timer.Source);
    }

    [Theory, TestedProviders]
    public async Task Restart_AfterTheDeadlinePassedWhileStopped_EscalatesOnce(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        Guid id;
        await using (var first = await TimerHost.StartAsync(store))
        {
            await first.UseShortLimitAsync(TimeSpan.FromSeconds(3));
            id = await first.SignedCaseAsync();
        }
        await Task.Delay(TimeSpan.FromSeconds(5));

        await using var second = await TimerHost.StartAsync(store);
        var timeline = await Eventually.HoldsAsync(() => second.TimelineAsync(id), t => t.Any(e => e.Type == CaseEventType.Escalated));
        await Task.Delay(TimeSpan.FromSeconds(2));
        timeline = await second.TimelineAsync(id);

        Assert.Single(timeline, e => e.Type == CaseEventType.Escalated);
        Assert.Single(timeline, e => e.Type == CaseEventType.Warned);
        Assert.True(timeline.Single(e => e.Type == CaseEventType.Warned).Sequence < timeline.Single(e => e.Type == CaseEventType.Escalated).Sequence);
    }

    [Theory, TestedProviders]
    public async Task NobodyDispatchesNorVerifies_EachWaitIsFlaggedOnce_AcrossARestart(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        Guid waiting, done;
        await using (var first = await TimerHost.StartAsync(store))
        {
            await first.UseShortWaitsAsync(Limit);
            waiting = await first.AcceptedCaseAsync();
            done = await first.SignedCaseAsync();
            await first.Cases.ExecuteAsync(done, new ReportDone("垃圾已清运"), TestDatabase.Everyone);
        }
        await Task.Delay(Limit + TimeSpan.FromSeconds(1));

        await using var second = await TimerHost.StartAsync(store);
        await Eventually.HoldsAsync(() => second.TimelineAsync(waiting), t => t.Any(e => e.Type == CaseEventType.DispatchOverdue));
        await Eventually.HoldsAsync(() => second.TimelineAsync(done), t => t.Any(e => e.Type == CaseEventType.VerificationOverdue));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Single(await second.TimelineAsync(waiting), e => e.Type == CaseEventType.DispatchOverdue);
        Assert.Single(await second.TimelineAsync(done), e => e.Type == CaseEventType.VerificationOverdue);
        var detail = (await second.Queries.DetailAsync(TestDatabase.Everyone, waiting))!;
        Assert.Equal((CaseState.PendingDispatch, CaseState.PendingDispatch), (detail.State, detail.Deadlines.WaitStage!.Value));
        Assert.NotNull(detail.Deadlines.WaitOverdueAtUtc);
    }

    [Theory, TestedProviders]
    public async Task CoHandlerNeverSigns_ItsPartsSignForFiresOnce_AcrossARestart_ForThatUnitOnly(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        (Guid Id, UnitId Signed, UnitId Unsigned) ticket;
        await using (var first = await TimerHost.StartAsync(store))
            ticket = await first.StreetLedCaseAsync(Limit);
        await Task.Delay(Limit + TimeSpan.FromSeconds(1));

        await using var second = await TimerHost.StartAsync(store);
        await Eventually.HoldsAsync(() => second.TimelineAsync(ticket.Id), t => t.Any(e => e.Type == CaseEventType.PartSignOverdue));
        await Task.Delay(TimeSpan.FromSeconds(2));

        var detail = (await second.Queries.DetailAsync(TestDatabase.Everyone, ticket.Id))!;
        var overdue = Assert.Single(detail.Timeline, e => e.Type == CaseEventType.PartSignOverdue);
        Assert.Equal((second.Directory.UnitName(ticket.Unsigned), DeadlineSweeper.Timer.Source), (overdue.UnitName, overdue.Source));
        Assert.Equal(CaseState.InProgress, detail.State);
        var unsigned = detail.Parts.Single(p => p.UnitId == ticket.Unsigned);
        Assert.Equal((true, true, false), (unsigned.IsOpen, unsigned.SignedLate, unsigned.IsSigned));
        Assert.False(detail.Parts.Single(p => p.UnitId == ticket.Signed).SignedLate);
    }

    [Theory, TestedProviders]
    public async Task TwoSchedulersOnOneDatabase_DoNotDoubleEscalate(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var one = await TimerHost.StartAsync(store);
        await using var two = await TimerHost.StartAsync(store);
        await one.UseShortLimitAsync(TimeSpan.FromSeconds(3));
        await two.UseShortLimitAsync(TimeSpan.FromSeconds(3));
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++) ids.Add(await (i % 2 == 0 ? one : two).SignedCaseAsync(courtyardId: new CourtyardId(1 + i % 5)));

        foreach (var id in ids)
            await Eventually.HoldsAsync(() => one.TimelineAsync(id), t => t.Any(e => e.Type == CaseEventType.Escalated));
        await Task.Delay(TimeSpan.FromSeconds(2));

        foreach (var id in ids)
        {
            var timeline = await one.TimelineAsync(id);
            Assert.Single(timeline, e => e.Type == CaseEventType.Escalated);
            Assert.Single(timeline, e => e.Type == CaseEventType.Warned);
        }
    }
}
