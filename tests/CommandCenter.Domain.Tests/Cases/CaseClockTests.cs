using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Policies;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>
/// The clock as a value on its own: each transition moves the deadlines that belong together
/// and leaves the clock it started from as it was. Every expected instant is worked out by hand
/// (UTC; China is UTC+8, its working hours 09:00–12:00 and 13:30–18:00 are 01:00–04:00 and 05:30–10:00 UTC).
/// </summary>
public class CaseClockTests
{
    /// <summary>Policy 7 in revision 3: 30 min to sign, 24 h to handle, warning at three quarters, round the clock.</summary>
    private static readonly ResolvedPolicy RoundTheClock =
        new(7, 3, new CaseTimeLimits(TimeSpan.FromMinutes(30), TimeSpan.FromHours(24), 0.75), TimeBasis.Calendar);

    /// <summary>30 working minutes to sign, 3.5 working hours to handle, warning at half.</summary>
    private static readonly ResolvedPolicy WorkingTime =
        new(8, 1, new CaseTimeLimits(TimeSpan.FromMinutes(30), TimeSpan.FromHours(3.5), 0.5), TimeBasis.Working);

    /// <summary>Sunday 22 November 2026, 09:00 in China.</summary>
    private static readonly DateTime Dispatch = Utc(2026, 11, 22, 1, 0);

    [Fact]
    public void Stopped_NothingRuns()
    {
        var clock = CaseClock.Stopped;

        Assert.Null(clock.NextDueAt(CaseState.Dispatched));
        Assert.Null(clock.NextDueAt(CaseState.InProgress));
        Assert.Same(clock, clock.HandlingRestarted(Dispatch, Org.Rules));
    }

    [Fact]
    public void Dispatched_RecordsThePolicyAndStartsOnlyTheSignForDeadline()
    {
        var clock = CaseClock.Dispatched(RoundTheClock, Org.Rules, Dispatch);

        Assert.Equal((Dispatch, Utc(2026, 11, 22, 1, 30)), (clock.DispatchedAtUtc, clock.SignDeadlineUtc));
        Assert.Equal((7, 3, TimeBasis.Calendar), (clock.PolicyId, clock.PolicyRevision, clock.TimeBasis));
        Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.FromHours(24), 0.75), (clock.SignForLimit, clock.HandlingLimit, clock.WarningShare));
        Assert.Equal((null, null, null), (clock.SignedAtUtc, clock.WarningAtUtc, clock.HandlingDeadlineUtc));
        Assert.Equal(Utc(2026, 11, 22, 1, 30), clock.NextDueAt(CaseState.Dispatched));
    }

    [Fact]
    public void Dispatched_WorkingTime_SignForDeadlineSkipsTheWeekend()
    {
        // Friday 17:50 in China: 10 minutes left that day, the other 20 on Monday from 09:00.
        var clock = CaseClock.Dispatched(WorkingTime, Org.Rules, Utc(2026, 11, 27, 9, 50));

        Assert.Equal(Utc(2026, 11, 30, 1, 20), clock.SignDeadlineUtc);
    }

    [Fact]
    public void Signed_StartsTheHandlingDeadlineAndItsWarningTogether_AndClearsTheMissedSignFor()
    {
        var late = CaseClock.Dispatched(RoundTheClock, Org.Rules, Dispatch).Fired(CaseTimer.SignFor, Utc(2026, 11, 22, 1, 31));

        var clock = late.Signed(Utc(2026, 11, 22, 1, 40), Org.Rules);

        Assert.Equal(Utc(2026, 11, 22, 1, 40), clock.SignedAtUtc);
        Assert.Equal(Utc(2026, 11, 23, 1, 40), clock.HandlingDeadlineUtc);
        Assert.Equal(Utc(2026, 11, 22, 19, 40), clock.WarningAtUtc);
        Assert.Null(clock.SignOverdueAtUtc);
        Assert.Equal(Utc(2026, 11, 22, 1, 31), late.SignOverdueAtUtc);
        Assert.Null(late.SignedAtUtc);
    }

    [Fact]
    public void Signed_WorkingTime_HandlingDeadlineAndWarningSkipTheWeekend()
    {
        // Signed Friday 17:00 in China: one working hour that day; Monday from 09:00 gives the rest.
        var clock = CaseClock.Dispatched(WorkingTime, Org.Rules, Utc(2026, 11, 27, 8, 50)).Signed(Utc(2026, 11, 27, 9, 0), Org.Rules);

        Assert.Equal(Utc(2026, 11, 30, 3, 30), clock.HandlingDeadlineUtc);
        Assert.Equal(Utc(2026, 11, 30, 1, 45), clock.WarningAtUtc);
    }

    [Fact]
    public void HandlingRestarted_Rework_CountsTheDispatchLimitsFromNowAndKeepsTheSigning()
    {
        var signed = Signed(Utc(2026, 11, 22, 1, 20));
        var overdue = signed.Fired(CaseTimer.Warning, Utc(2026, 11, 22, 19, 20)).Fired(CaseTimer.Handling, Utc(2026, 11, 23, 1, 20));

        var clock = overdue.HandlingRestarted(Utc(2026, 11, 24, 3, 0), Org.Rules);

        Assert.Equal(Utc(2026, 11, 25, 3, 0), clock.HandlingDeadlineUtc);
        Assert.Equal(Utc(2026, 11, 24, 21, 0), clock.WarningAtUtc);
        Assert.Equal(Utc(2026, 11, 22, 1, 20), clock.SignedAtUtc);
        Assert.Equal((null, null), (clock.WarnedAtUtc, clock.OverdueAtUtc));
    }

    [Fact]
    public void Postponed_TheWarningKeepsItsLeadOnTheNewDeadline_AndTheWarningMayFireAgain()
    {
        var warned = Signed(Utc(2026, 11, 22, 1, 20)).Fired(CaseTimer.Warning, Utc(2026, 11, 22, 19, 21));

        var clock = warned.Postponed(Utc(2026, 11, 25, 1, 20));

        Assert.Equal(Utc(2026, 11, 25, 1, 20), clock.HandlingDeadlineUtc);
        Assert.Equal(Utc(2026, 11, 24, 19, 20), clock.WarningAtUtc);
        Assert.Null(clock.WarnedAtUtc);
        Assert.Equal(Utc(2026, 11, 24, 19, 20), clock.NextDueAt(CaseState.InProgress));
        Assert.Equal(Utc(2026, 11, 23, 1, 20), warned.HandlingDeadlineUtc);
    }

    [Fact]
    public void Deferred_StopsTheHandlingClock_AndReworkDoesNotRestartIt()
    {
        var clock = Signed(Utc(2026, 11, 22, 1, 20)).Deferred(Utc(2026, 11, 22, 3, 0), Utc(2026, 12, 22, 1, 0));

        Assert.True(clock.IsDeferred);
        Assert.Equal((null, null), (clock.HandlingDeadlineUtc, clock.WarningAtUtc));
        Assert.Equal(Utc(2026, 12, 22, 1, 0), clock.NextDueAt(CaseState.InProgress));
        Assert.Equal(CaseTimer.DeferralReview, clock.DueTimer(CaseState.InProgress, Utc(2026, 12, 22, 1, 0)));
        Assert.Equal(clock, clock.HandlingRestarted(Utc(2026, 11, 24, 3, 0), Org.Rules));
    }

    [Fact]
    public void Released_ClearsDeadlinesMarksAndDeferral_ButSaysWhichPolicySetThem()
    {
        var clock = Signed(Utc(2026, 11, 22, 1, 20)).Fired(CaseTimer.Warning, Utc(2026, 11, 22, 19, 20)).Deferred(Utc(2026, 11, 22, 20, 0), Utc(2026, 12, 22, 1, 0)).Released();

        Assert.False(clock.IsDeferred);
        Assert.Equal((null, null, null, null), (clock.SignDeadlineUtc, clock.SignedAtUtc, clock.WarningAtUtc, clock.HandlingDeadlineUtc));
        Assert.Equal((null, null, null), (clock.WarnedAtUtc, clock.SignOverdueAtUtc, clock.OverdueAtUtc));
        Assert.Equal((Dispatch, 7, 3), (clock.DispatchedAtUtc, clock.PolicyId, clock.PolicyRevision));
        Assert.Null(clock.NextDueAt(CaseState.PendingDispatch));
    }

    [Fact]
    public void DueTimer_WarningAndDeadlineBothPassed_FireWarningFirstThenTheDeadline()
    {
        var now = Utc(2026, 11, 24, 0, 0);
        var clock = Signed(Utc(2026, 11, 22, 1, 20));

        Assert.Equal(CaseTimer.Warning, clock.DueTimer(CaseState.InProgress, now));
        clock = clock.Fired(CaseTimer.Warning, now);
        Assert.Equal(CaseTimer.Handling, clock.DueTimer(CaseState.InProgress, now));
        clock = clock.Fired(CaseTimer.Handling, now);
        Assert.Null(clock.DueTimer(CaseState.InProgress, now));
        Assert.Equal((now, now), (clock.WarnedAtUtc, clock.OverdueAtUtc));
    }

    [Fact]
    public void DueTimer_BeforeTheWarning_NothingIsDue()
    {
        var clock = Signed(Utc(2026, 11, 22, 1, 20));

        Assert.Null(clock.DueTimer(CaseState.InProgress, Utc(2026, 11, 22, 19, 19)));
        Assert.Equal(Utc(2026, 11, 22, 19, 20), clock.NextDueAt(CaseState.InProgress));
    }

    [Theory]
    [InlineData(CaseState.PendingVerification)]
    [InlineData(CaseState.PendingEvaluation)]
    [InlineData(CaseState.Closed)]
    public void NextDueAt_CaseNoLongerWithTheUnit_NoDeadlineRuns(CaseState state)
    {
        var clock = Signed(Utc(2026, 11, 22, 1, 20));

        Assert.Null(clock.NextDueAt(state));
    }

    [Fact]
    public void DueAt_SignForRunsOnlyWhileDispatched_HandlingOnlyWhileInProgress()
    {
        var dispatched = CaseClock.Dispatched(RoundTheClock, Org.Rules, Dispatch);
        var signed = dispatched.Signed(Utc(2026, 11, 22, 1, 20), Org.Rules);

        Assert.Null(dispatched.DueAt(CaseTimer.SignFor, CaseState.InProgress));
        Assert.Null(signed.DueAt(CaseTimer.Handling, CaseState.Dispatched));
        Assert.Equal(Utc(2026, 11, 23, 1, 20), signed.DueAt(CaseTimer.Handling, CaseState.InProgress));
    }

    private static CaseClock Signed(DateTime signedAtUtc) =>
        CaseClock.Dispatched(RoundTheClock, Org.Rules, Dispatch).Signed(signedAtUtc, Org.Rules);

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
