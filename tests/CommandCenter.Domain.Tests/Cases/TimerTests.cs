using CommandCenter.Domain.Policies;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>
/// The timers a case carries (DESIGN §4): each due one fires once, in deadline order, and
/// leaves the case's next timer behind it. Deadlines come from <see cref="Org.Rules"/>:
/// <see cref="DefaultTimeLimits"/> in calendar time.
/// </summary>
public class TimerTests
{
    private static readonly Actor Timer = Actor.System(ActSource.Timer);
    private static readonly TimeSpan Moment = TimeSpan.FromSeconds(1);

    // ---- NextTimerAtUtc ----

    [Fact]
    public void NextTimerAtUtc_AfterDispatch_IsTheSignDeadline()
    {
        var c = CaseBuilder.In(CaseState.Dispatched).Build();

        Assert.NotNull(c.Clock.SignDeadlineUtc);
        Assert.Equal(c.Clock.SignDeadlineUtc, c.NextTimerAtUtc);
    }

    [Fact]
    public void NextTimerAtUtc_AfterSign_IsTheWarningTime()
    {
        var builder = CaseBuilder.In(CaseState.Dispatched);
        var c = builder.Build();

        c.Sign(Org.Dispatcher, builder.Now, Org.Rules);

        Assert.NotNull(c.Clock.WarningAtUtc);
        Assert.Equal(c.Clock.WarningAtUtc, c.NextTimerAtUtc);
    }

    [Fact]
    public void NextTimerAtUtc_AfterTheWarningFired_IsTheHandlingDeadline()
    {
        var c = CaseBuilder.In(CaseState.InProgress).Build();

        c.FireDueTimers(c.Clock.WarningAtUtc!.Value, Timer, Org.Rules);

        Assert.NotNull(c.Clock.WarnedAtUtc);
        Assert.Equal(c.Clock.HandlingDeadlineUtc, c.NextTimerAtUtc);
    }

    [Fact]
    public void NextTimerAtUtc_DeferralApproved_IsTheReviewDateOnly()
    {
        var c = CaseBuilder.In(CaseState.InProgress).Deferred().Build();

        Assert.True(c.Clock.IsDeferred);
        Assert.Equal((null, null), (c.Clock.HandlingDeadlineUtc, c.Clock.WarningAtUtc));
        Assert.Equal(c.Clock.ReviewAtUtc, c.NextTimerAtUtc);
    }

    [Fact]
    public void NextTimerAtUtc_PendingEvaluation_IsTheEndOfTheEvaluationWindow()
    {
        var c = CaseBuilder.In(CaseState.PendingEvaluation).Build();

        Assert.Equal(c.VerifiedAtUtc!.Value + StreetRules.DefaultEvaluationWindow, c.NextTimerAtUtc);
    }

    [Theory]
    [InlineData(CaseState.Closed)]
    [InlineData(CaseState.Rejected)]
    [InlineData(CaseState.Merged)]
    public void NextTimerAtUtc_FinalState_IsNull(CaseState state)
    {
        var c = CaseBuilder.In(state).Build();

        Assert.Null(c.NextTimerAtUtc);
    }

    [Theory]
    [InlineData(CaseState.Dispatched, CaseCommand.Return)]
    [InlineData(CaseState.Dispatched, CaseCommand.Escalate)]
    [InlineData(CaseState.InProgress, CaseCommand.Escalate)]
    public void NextTimerAtUtc_BackToPendingDispatch_IsNull(CaseState state, CaseCommand command)
    {
        var builder = CaseBuilder.In(state);
        var c = builder.Build();

        Commands.Invoke(c, command, builder.Now);

        Assert.Equal(CaseState.PendingDispatch, c.State);
        Assert.Null(c.NextTimerAtUtc);
    }

    // ---- nothing due ----

    [Theory]
    [InlineData(CaseState.Dispatched)]
    [InlineData(CaseState.InProgress)]
    [InlineData(CaseState.PendingEvaluation)]
    public void FireDueTimers_JustBeforeTheNextTimer_FiresNothingAndChangesNothing(CaseState state)
    {
        var c = CaseBuilder.In(state).Build();
        var (version, events, next) = (c.Version, c.EventCount, c.NextTimerAtUtc);

        Assert.Equal(0, c.FireDueTimers(next!.Value.AddTicks(-1), Timer, Org.Rules));

        Assert.Equal((version, events, next, state), (c.Version, c.EventCount, c.NextTimerAtUtc, c.State));
    }

    // ---- sign-for (签收时限) ----

    [Fact]
    public void FireDueTimers_SignDeadlinePassed_RecordsOneSignOverdueByTheTimer()
    {
        var c = CaseBuilder.In(CaseState.Dispatched).Build();
        var late = c.Clock.SignDeadlineUtc!.Value + Moment;

        Assert.Equal(1, c.FireDueTimers(late, Timer, Org.Rules));

        Assert.Equal(late, c.Clock.SignOverdueAtUtc);
        var overdue = c.Timeline[^1];
        Assert.Equal(CaseEventType.SignOverdue, overdue.Type);
        Assert.Equal(late, overdue.OccurredAtUtc);
        AssertByTimer(overdue);
    }

    [Fact]
    public void FireDueTimers_SignDeadlinePassed_KeepsTheCaseDispatchedWithItsUnit()
    {
        var c = CaseBuilder.In(CaseState.Dispatched).Build();

        c.FireDueTimers(c.Clock.SignDeadlineUtc!.Value + Moment, Timer, Org.Rules);

        Assert.Equal((CaseState.Dispatched, HandlingLevel.Courtyard, Org.Property.Id, 0),
            (c.State, c.Level, c.CurrentUnitId, c.EscalationCount));
        // What remains is the lapse at twice the limit (SignForLapseTests).
        Assert.Equal(c.Clock.SignLapseDeadlineUtc, c.NextTimerAtUtc);
    }

    [Fact]
    public void FireDueTimers_SignOverdueAlreadyRecorded_FiresNothing()
    {
        var c = CaseBuilder.In(CaseState.Dispatched).Build();
        var late = c.Clock.SignDeadlineUtc!.Value + Moment;
        c.FireDueTimers(late, Timer, Org.Rules);
        var (version, events) = (c.Version, c.EventCount);

        Assert.Equal(0, c.FireDueTimers(c.Clock.SignLapseDeadlineUtc!.Value.AddTicks(-1), Timer, Org.Rules));

        Assert.Equal((version, events), (c.Version, c.EventCount));
    }

    [Fact]
    public void Sign_AfterSignOverdue_StartsTheHandlingTimers()
    {
        var c = CaseBuilder.In(CaseState.Dispatched).Build();
        var late = c.Clock.SignDeadlineUtc!.Value + Moment;
        c.FireDueTimers(late, Timer, Org.Rules);

        c.Sign(Org.Dispatcher, late.AddMinutes(5), Org.Rules);

        Assert.Equal(late.AddMinutes(5) + c.Clock.HandlingLimit!.Value * c.Clock.WarningShare!.Value, c.Clock.WarningAtUtc);
        Assert.Equal(c.Clock.WarningAtUtc, c.NextTimerAtUtc);
    }

    // ---- warning (预警 / 催办) ----

    [Fact]
    public void FireDueTimers_WarningPassedBeforeTheDeadline_RecordsOneWarnedByTheTimer()
    {
        var c = CaseBuilder.In(CaseState.InProgress).Build();
        var now = c.Clock.WarningAtUtc!.Value + Moment;
        Assert.True(now < c.Clock.HandlingDeadlineUtc);

        Assert.Equal(1, c.FireDueTimers(now, Timer, Org.Rules));

        Assert.Equal(now, c.Clock.WarnedAtUtc);
        Assert.Equal(CaseState.InProgress, c.State);
        var warned = c.Timeline[^1];
        Assert.Equal(CaseEventType.Warned, warned.Type);
        AssertByTimer(warned);
    }

    [Fact]
    public void FireDueTimers_WarningAlreadyRecorded_FiresNothing()
    {
        var c = CaseBuilder.In(CaseState.InProgress).Build();
        var now = c.Clock.WarningAtUtc!.Value + Moment;
        c.FireDueTimers(now, Timer, Org.Rules);
        var (version, events) = (c.Version, c.EventCount);

        Assert.Equal(0, c.FireDueTimers(now.AddMinutes(1), Timer, Org.Rules));

        Assert.Equal((version, events), (c.Version, c.EventCount));
    }

    // ---- handling limit (处置时限) below district: escalation ----

    [Theory]
    [InlineData(HandlingLevel.Courtyard, HandlingLevel.Community)]
    [InlineData(HandlingLevel.Community, HandlingLevel.Street)]
    [InlineData(HandlingLevel.Street, HandlingLevel.District)]
    public void FireDueTimers_HandlingDeadlinePassed_EscalatesOneLevelBackToDispatch(HandlingLevel level, HandlingLevel next)
    {
        var c = WarnedInProgressAt(level);

        Assert.Equal(1, c.FireDueTimers(c.Clock.HandlingDeadlineUtc!.Value + Moment, Timer, Org.Rules));

        Assert.Equal((next, CaseState.PendingDispatch, 1), (c.Level, c.State, c.EscalationCount));
        Assert.Null(c.CurrentUnitId);
    }

    [Theory]
    [InlineData(HandlingLevel.Courtyard)]
    [InlineData(HandlingLevel.Community)]
    [InlineData(HandlingLevel.Street)]
    public void FireDueTimers_HandlingDeadlinePassed_RecordsEscalatedByTheTimerForThePreviousUnit(HandlingLevel level)
    {
        var c = WarnedInProgressAt(level);
        var now = c.Clock.HandlingDeadlineUtc!.Value + Moment;

        c.FireDueTimers(now, Timer, Org.Rules);

        var escalated = c.Timeline[^1];
        Assert.Equal(CaseEventType.Escalated, escalated.Type);
        Assert.Equal((CaseState.InProgress, CaseState.PendingDispatch), (escalated.FromState, escalated.ToState));
        Assert.Equal((level.Next(), Org.UnitAt(level).Id, now), (escalated.Level, escalated.UnitId, escalated.OccurredAtUtc));
        AssertByTimer(escalated);
    }

    [Fact]
    public void FireDueTimers_LongAfterWarningAndDeadline_WarnsThenEscalates()
    {
        var c = CaseBuilder.In(CaseState.InProgress).Build();
        var events = c.EventCount;

        Assert.Equal(2, c.FireDueTimers(c.Clock.HandlingDeadlineUtc!.Value.AddDays(3), Timer, Org.Rules));

        Assert.Equal([CaseEventType.Warned, CaseEventType.Escalated], c.Timeline.Skip(events).Select(e => e.Type));
        Assert.Equal(HandlingLevel.Community, c.Level);
    }

    [Fact]
    public void FireDueTimers_AgainAfterCatchingUp_FiresNothing()
    {
        var c = CaseBuilder.In(CaseState.InProgress).Build();
        var muchLater = c.Clock.HandlingDeadlineUtc!.Value.AddDays(3);
        c.FireDueTimers(muchLater, Timer, Org.Rules);
        var (version, events) = (c.Version, c.EventCount);

        Assert.Equal(0, c.FireDueTimers(muchLater.AddDays(10), Timer, Org.Rules));

        Assert.Equal((version, events, 1), (c.Version, c.EventCount, c.EscalationCount));
    }

    // ---- handling limit at district: overdue (red) ----

    [Fact]
    public void FireDueTimers_DistrictDeadlinePassed_RecordsOneOverdueByTheTimer()
    {
        var c = WarnedInProgressAt(HandlingLevel.District);
        var late = c.Clock.HandlingDeadlineUtc!.Value + Moment;

        Assert.Equal(1, c.FireDueTimers(late, Timer, Org.Rules));

        Assert.Equal(late, c.Clock.OverdueAtUtc);
        // The same timer also 督办s the case (SupervisionTests): the overdue mark is one event of its own.
        var overdue = Assert.Single(c.Timeline, e => e.Type == CaseEventType.Overdue);
        AssertByTimer(overdue);
    }

    [Fact]
    public void FireDueTimers_DistrictDeadlinePassed_StaysInProgressWithItsUnit()
    {
        var c = WarnedInProgressAt(HandlingLevel.District);

        c.FireDueTimers(c.Clock.HandlingDeadlineUtc!.Value + Moment, Timer, Org.Rules);

        Assert.Equal((CaseState.InProgress, HandlingLevel.District, Org.Housing.Id, 0),
            (c.State, c.Level, c.CurrentUnitId, c.EscalationCount));
    }

    [Fact]
    public void FireDueTimers_DistrictOverdue_LeavesNoClockTimer()
    {
        var c = WarnedInProgressAt(HandlingLevel.District);
        var late = c.Clock.HandlingDeadlineUtc!.Value + Moment;
        c.FireDueTimers(late, Timer, Org.Rules);

        // Only the automatic 督办's reply deadline is left; once it has passed, nothing more.
        Assert.Null(c.Clock.NextDueAt(c.State));
        Assert.Equal(c.Supervision!.ReplyDueUtc, c.NextTimerAtUtc);
        Assert.Equal(1, c.FireDueTimers(late.AddDays(30), Timer, Org.Rules));
        Assert.Null(c.NextTimerAtUtc);
        Assert.Equal(0, c.FireDueTimers(late.AddDays(60), Timer, Org.Rules));
    }

    [Fact]
    public void ApproveRequest_PostponementAfterDistrictOverdue_MovesTheDeadlineAndClearsTheOverdueMark()
    {
        var (c, newDeadline) = OverdueAtDistrictWithPostponementWaiting();

        c.ApproveRequest(null, Org.Dispatcher, c.Clock.OverdueAtUtc!.Value.AddMinutes(1), Org.Rules);

        Assert.Equal(newDeadline, c.Clock.HandlingDeadlineUtc);
        Assert.Null(c.Clock.OverdueAtUtc);
        Assert.Null(c.Clock.WarnedAtUtc);
    }

    [Fact]
    public void ApproveRequest_PostponementAfterDistrictOverdue_RunsTheTimersAgain()
    {
        var (c, newDeadline) = OverdueAtDistrictWithPostponementWaiting();
        c.ApproveRequest(null, Org.Dispatcher, c.Clock.OverdueAtUtc!.Value.AddMinutes(1), Org.Rules);
        Assert.Equal(c.Clock.WarningAtUtc, c.NextTimerAtUtc);
        var events = c.EventCount;

        // The first overdue's automatic 督办 went unanswered in between (its timer fires after the clock's); still open, the second overdue opens none.
        Assert.Equal(3, c.FireDueTimers(newDeadline + Moment, Timer, Org.Rules));

        Assert.Equal([CaseEventType.Warned, CaseEventType.Overdue, CaseEventType.SupervisionOverdue], c.Timeline.Skip(events).Select(e => e.Type));
        Assert.Equal(newDeadline + Moment, c.Clock.OverdueAtUtc);
    }

    // ---- changed before its deadline ----

    [Fact]
    public void FireDueTimers_SignedJustBeforeTheSignDeadline_RecordsNoSignOverdue()
    {
        var c = CaseBuilder.In(CaseState.Dispatched).Build();
        var deadline = c.Clock.SignDeadlineUtc!.Value;
        c.Sign(Org.Dispatcher, deadline - Moment, Org.Rules);

        Assert.Equal(0, c.FireDueTimers(deadline + Moment, Timer, Org.Rules));

        Assert.Null(c.Clock.SignOverdueAtUtc);
        Assert.DoesNotContain(c.Timeline, e => e.Type == CaseEventType.SignOverdue);
    }

    [Fact]
    public void FireDueTimers_ReportedDoneJustBeforeTheHandlingDeadline_DoesNotEscalate()
    {
        var c = WarnedInProgressAt(HandlingLevel.Courtyard);
        var deadline = c.Clock.HandlingDeadlineUtc!.Value;
        Commands.Invoke(c, CaseCommand.ReportDone, deadline - Moment);

        Assert.Equal(0, c.FireDueTimers(deadline.AddHours(1), Timer, Org.Rules));

        Assert.Equal((CaseState.PendingVerification, HandlingLevel.Courtyard, 0), (c.State, c.Level, c.EscalationCount));
    }

    [Fact]
    public void FireDueTimers_ClosedCase_FiresNothing()
    {
        var c = CaseBuilder.In(CaseState.Closed).Build();
        var (version, events) = (c.Version, c.EventCount);

        Assert.Equal(0, c.FireDueTimers(c.ClosedAtUtc!.Value.AddDays(60), Timer, Org.Rules));

        Assert.Equal((version, events, CaseState.Closed), (c.Version, c.EventCount, c.State));
    }

    // ---- postponement (延期) ----

    [Fact]
    public void ApproveRequest_Postponement_MovesNextTimerToTheNewWarning()
    {
        var builder = CaseBuilder.In(CaseState.InProgress);
        var c = builder.Build();
        var warningLead = c.Clock.HandlingDeadlineUtc!.Value - c.Clock.WarningAtUtc!.Value;
        var newDeadline = c.Clock.HandlingDeadlineUtc!.Value.AddDays(2);
        c.RequestPostponement("The skip lorry is booked", newDeadline, Org.Dispatcher, builder.Now);

        c.ApproveRequest(null, Org.Dispatcher, builder.Now.AddMinutes(1), Org.Rules);

        Assert.Equal(newDeadline - warningLead, c.NextTimerAtUtc);
    }

    [Fact]
    public void ApproveRequest_PostponementAfterTheWarning_WarnsAgainAtTheNewWarning()
    {
        var c = WarnedInProgressAt(HandlingLevel.Courtyard);
        var now = c.Clock.WarnedAtUtc!.Value.AddMinutes(1);
        var newDeadline = c.Clock.HandlingDeadlineUtc!.Value.AddDays(2);
        c.RequestPostponement("The skip lorry is booked", newDeadline, Org.Dispatcher, now);

        c.ApproveRequest(null, Org.Dispatcher, now.AddMinutes(1), Org.Rules);

        Assert.Null(c.Clock.WarnedAtUtc);
        Assert.Equal(c.Clock.WarningAtUtc, c.NextTimerAtUtc);
        Assert.True(c.NextTimerAtUtc > now);
    }

    [Fact]
    public void FireDueTimers_PostponedCaseAtTheOldDeadline_DoesNotEscalate()
    {
        var builder = CaseBuilder.In(CaseState.InProgress);
        var c = builder.Build();
        var oldDeadline = c.Clock.HandlingDeadlineUtc!.Value;
        c.RequestPostponement("The skip lorry is booked", oldDeadline.AddDays(2), Org.Dispatcher, builder.Now);
        c.ApproveRequest(null, Org.Dispatcher, builder.Now.AddMinutes(1), Org.Rules);

        c.FireDueTimers(oldDeadline + Moment, Timer, Org.Rules);

        Assert.Equal((CaseState.InProgress, HandlingLevel.Courtyard, 0), (c.State, c.Level, c.EscalationCount));
    }

    // ---- evaluation window (默认满意) ----

    [Fact]
    public void FireDueTimers_EvaluationWindowOver_AutoClosesAsDefaultSatisfied()
    {
        var c = CaseBuilder.In(CaseState.PendingEvaluation).Build();
        var end = c.VerifiedAtUtc!.Value + StreetRules.DefaultEvaluationWindow;

        Assert.Equal(1, c.FireDueTimers(end.AddMinutes(1), Timer, Org.Rules));

        Assert.Equal((CaseState.Closed, Rating.DefaultSatisfied, RatingSource.Automatic), (c.State, c.Rating, c.RatingSource));
        Assert.Equal(end.AddMinutes(1), c.ClosedAtUtc);
        var closed = c.Timeline[^1];
        Assert.Equal(CaseEventType.AutoClosed, closed.Type);
        AssertByTimer(closed);
        Assert.Null(c.NextTimerAtUtc);
    }

    /// <summary>In progress at <paramref name="level"/> with its warning already fired, so the next timer is the deadline.</summary>
    private static Case WarnedInProgressAt(HandlingLevel level)
    {
        var c = CaseBuilder.In(CaseState.InProgress).AtLevel(level).Build();
        Assert.Equal(1, c.FireDueTimers(c.Clock.WarningAtUtc!.Value, Timer, Org.Rules));
        return c;
    }

    /// <summary>At district level, a postponement asked for in time but still undecided when the deadline passed.</summary>
    private static (Case Case, DateTime NewDeadline) OverdueAtDistrictWithPostponementWaiting()
    {
        var c = WarnedInProgressAt(HandlingLevel.District);
        var deadline = c.Clock.HandlingDeadlineUtc!.Value;
        var newDeadline = deadline.AddDays(2);
        c.RequestPostponement("Waiting for the contractor", newDeadline, Org.Dispatcher, deadline.AddHours(-1));
        Assert.Equal(1, c.FireDueTimers(deadline + Moment, Timer, Org.Rules));
        Assert.NotNull(c.Clock.OverdueAtUtc);
        return (c, newDeadline);
    }

    private static void AssertByTimer(TimelineEvent e) =>
        Assert.Equal((Timer.Name, Timer.Role, Timer.Source), (e.ActorName, e.ActorRole, e.Source));
}
