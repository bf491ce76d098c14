using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>The timers a case carries: each due one fires once, in deadline order, and leaves the case's next timer behind it.</summary>
public class TimerTests
{
    private static readonly Actor Timer = Actor.System("Timer");

    [Fact]
    public void NextTimer_FollowsTheClocksThroughTheLifecycle()
    {
        var builder = CaseBuilder.In(CaseState.Dispatched);
        var c = builder.Build();
        Assert.Equal(c.SignDeadlineUtc, c.NextTimerAtUtc);

        c.Sign(Org.Dispatcher, builder.Now, Org.Rules);
        Assert.Equal(c.WarningAtUtc, c.NextTimerAtUtc);

        c.FireDueTimers(c.WarningAtUtc!.Value, Timer);
        Assert.Equal(c.HandlingDeadlineUtc, c.NextTimerAtUtc);

        c.Escalate("物业无力处置", Org.Dispatcher, builder.Now);
        Assert.Null(c.NextTimerAtUtc);
    }

    [Fact]
    public void FireDueTimers_NothingDue_FiresNothingAndChangesNothing()
    {
        var builder = CaseBuilder.In(CaseState.InProgress);
        var c = builder.Build();
        var (version, events) = (c.Version, c.EventCount);

        Assert.Equal(0, c.FireDueTimers(c.WarningAtUtc!.Value.AddSeconds(-1), Timer));
        Assert.Equal((version, events), (c.Version, c.EventCount));
    }

    [Fact]
    public void FireDueTimers_SignForMissed_TellsOnceAndKeepsTheState()
    {
        var builder = CaseBuilder.In(CaseState.Dispatched);
        var c = builder.Build();
        var late = c.SignDeadlineUtc!.Value.AddSeconds(1);

        Assert.Equal(1, c.FireDueTimers(late, Timer));
        Assert.Equal(0, c.FireDueTimers(late.AddMinutes(5), Timer));

        Assert.Equal(CaseState.Dispatched, c.State);
        Assert.Equal(CaseEventType.SignOverdue, c.Timeline[^1].Type);
        Assert.Equal(late, c.SignOverdueAtUtc);
        Assert.Null(c.NextTimerAtUtc);
    }

    [Fact]
    public void FireDueTimers_LongAfterTheDeadline_WarnsThenEscalatesOnce()
    {
        var builder = CaseBuilder.In(CaseState.InProgress);
        var c = builder.Build();
        var unit = c.CurrentUnitId;
        var muchLater = c.HandlingDeadlineUtc!.Value.AddHours(3);

        Assert.Equal(2, c.FireDueTimers(muchLater, Timer));
        Assert.Equal(0, c.FireDueTimers(muchLater.AddHours(1), Timer));

        Assert.Equal([CaseEventType.Warned, CaseEventType.Escalated], c.Timeline.TakeLast(2).Select(e => e.Type));
        Assert.Equal(HandlingLevel.Community, c.Level);
        Assert.Equal(CaseState.PendingDispatch, c.State);
        Assert.Equal(unit, c.Timeline[^1].UnitId);
        Assert.Equal("Timer", c.Timeline[^1].Source);
    }

    [Fact]
    public void FireDueTimers_AtDistrictLevel_MarksOverdueOnceAndStaysInProgress()
    {
        var builder = CaseBuilder.In(CaseState.InProgress).AtLevel(HandlingLevel.District);
        var c = builder.Build();
        var late = c.HandlingDeadlineUtc!.Value.AddSeconds(1);

        c.FireDueTimers(late, Timer);

        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal(CaseEventType.Overdue, c.Timeline[^1].Type);
        Assert.Equal(late, c.OverdueAtUtc);
        Assert.Null(c.NextTimerAtUtc);
    }

    [Fact]
    public void ApprovedPostponement_AfterTheWarning_MovesTheNextTimerToTheNewWarning()
    {
        var builder = CaseBuilder.In(CaseState.InProgress);
        var c = builder.Build();
        c.FireDueTimers(c.WarningAtUtc!.Value, Timer);
        var oldDeadline = c.HandlingDeadlineUtc!.Value;
        var newDeadline = oldDeadline.AddDays(2);

        c.RequestPostponement("等待配件", newDeadline, Org.Dispatcher, c.WarningAtUtc!.Value.AddMinutes(1));
        c.ApproveRequest(null, Org.Dispatcher, c.WarningAtUtc!.Value.AddMinutes(2));

        Assert.Equal(newDeadline, c.HandlingDeadlineUtc);
        Assert.Null(c.WarnedAtUtc);
        Assert.Equal(c.WarningAtUtc, c.NextTimerAtUtc);
        Assert.True(c.NextTimerAtUtc > oldDeadline);
    }

    [Fact]
    public void FireDueTimers_CaseDoneBeforeItsDeadline_HasNothingLeftToFire()
    {
        var builder = CaseBuilder.In(CaseState.InProgress);
        var c = builder.Build();

        c.ReportDone("已处理", null, Org.Dispatcher, builder.Now);

        Assert.Null(c.NextTimerAtUtc);
        Assert.Equal(0, c.FireDueTimers(c.HandlingDeadlineUtc!.Value.AddDays(1), Timer));
    }

    [Fact]
    public void FireDueTimers_EvaluationWindowOver_ClosesAsDefaultSatisfied()
    {
        var builder = CaseBuilder.In(CaseState.PendingEvaluation);
        var c = builder.Build();
        Assert.Equal(c.VerifiedAtUtc + Case.EvaluationWindow, c.NextTimerAtUtc);

        c.FireDueTimers(c.NextTimerAtUtc!.Value, Timer);

        Assert.Equal(CaseState.Closed, c.State);
        Assert.Equal(Rating.DefaultSatisfied, c.Rating);
        Assert.Null(c.NextTimerAtUtc);
    }
}
