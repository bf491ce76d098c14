using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Domain.Tests.Builders;
using static CommandCenter.Domain.Tests.Builders.CaseBuilder;
using static CommandCenter.Domain.Tests.Policies.Calendars;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>
/// A unit that never signs (issue 13): reminded at the sign-for limit whatever the policy says;
/// at twice the limit, counted on the same basis, the case goes back to dispatch, rises one level,
/// or only waits, as the policy in force at dispatch chose.
/// </summary>
public class SignForLapseTests
{
    private static readonly Actor Timer = Actor.System(ActSource.Timer);
    private static readonly TimeSpan Moment = TimeSpan.FromSeconds(1);

    /// <summary>Dispatched at 09:00 China time on Sunday 22 November 2026 (Clock.Start).</summary>
    private static readonly DateTime Dispatch = Clock.Start;
    /// <summary>20 minutes to sign, in calendar time.</summary>
    private static readonly DateTime SignDeadline = Utc("2026-11-22T01:20:00Z");
    private static readonly DateTime LapseDeadline = Utc("2026-11-22T01:40:00Z");

    // ---- what the dispatch records ----

    [Theory]
    [InlineData(SignForLapse.Remind)]
    [InlineData(SignForLapse.ReturnToDispatch)]
    [InlineData(SignForLapse.Escalate)]
    public void Dispatch_RecordsThePolicysChoiceAndTwiceTheLimit(SignForLapse lapse)
    {
        var c = DispatchedUnder(lapse);

        Assert.Equal((SignDeadline, LapseDeadline, lapse), (c.Clock.SignDeadlineUtc!.Value, c.Clock.SignLapseDeadlineUtc!.Value, c.Clock.SignForLapse!.Value));
    }

    [Fact]
    public void Dispatch_NoPolicy_ReturnsToDispatchAtTwiceTheDefaultLimit()
    {
        var c = DispatchedAt(Dispatch, Org.Rules);

        Assert.Equal(SignForLapse.ReturnToDispatch, c.Clock.SignForLapse);
        Assert.Equal(Dispatch + 2 * DefaultTimeLimits.SignFor, c.Clock.SignLapseDeadlineUtc);
    }

    [Fact]
    public void Dispatch_WorkingTimePolicy_CountsTwiceTheLimitInWorkingTime()
    {
        // Monday 23 November 11:00 China time; 2 working hours to sign: one before the lunch break, one after
        // it (14:30); twice that runs to 16:30, not to the 15:00 plain time would give.
        var policy = TimePolicy.Create(100, Org.Group.Code, null, HandlingLevel.Courtyard,
            TimeSpan.FromHours(2), TimeSpan.FromHours(24), 0.75, TimeBasis.Working, SignForLapse.ReturnToDispatch);

        var c = DispatchedAt(Utc("2026-11-23T03:00:00Z"), RulesWith(policy));

        Assert.Equal(Utc("2026-11-23T06:30:00Z"), c.Clock.SignDeadlineUtc);
        Assert.Equal(Utc("2026-11-23T08:30:00Z"), c.Clock.SignLapseDeadlineUtc);
    }

    // ---- at the limit: the reminder, for every choice ----

    [Theory]
    [InlineData(SignForLapse.Remind)]
    [InlineData(SignForLapse.ReturnToDispatch)]
    [InlineData(SignForLapse.Escalate)]
    public void FireDueTimers_AtTheLimit_RemindsAndKeepsTheCaseWithItsUnit(SignForLapse lapse)
    {
        var c = DispatchedUnder(lapse);

        Assert.Equal(0, c.FireDueTimers(SignDeadline - Moment, Timer, Org.Rules));
        Assert.Equal(1, c.FireDueTimers(SignDeadline, Timer, Org.Rules));

        Assert.Equal(CaseEventType.SignOverdue, c.Timeline[^1].Type);
        Assert.Equal((CaseState.Dispatched, Org.Property.Id, SignDeadline), (c.State, c.CurrentUnitId, c.Clock.SignOverdueAtUtc!.Value));
    }

    // ---- at twice the limit ----

    [Fact]
    public void FireDueTimers_ReturnToDispatch_AtTwiceTheLimit_ReturnsTheCaseWithoutItsUnit_AndKeepsTheLateness()
    {
        var c = DispatchedUnder(SignForLapse.ReturnToDispatch);
        c.FireDueTimers(SignDeadline, Timer, Org.Rules);

        Assert.Equal(0, c.FireDueTimers(LapseDeadline - Moment, Timer, Org.Rules));
        Assert.Equal(1, c.FireDueTimers(LapseDeadline, Timer, Org.Rules));

        Assert.Equal((CaseState.PendingDispatch, HandlingLevel.Courtyard, null, 0, 0),
            (c.State, c.Level, c.CurrentUnitId, c.ReturnsAtLevel, c.EscalationCount));
        Assert.Equal(SignDeadline, c.Clock.SignOverdueAtUtc);
        Assert.Null(c.NextTimerAtUtc);
        var returned = c.Timeline[^1];
        Assert.Equal((CaseEventType.ReturnedUnsigned, CaseState.Dispatched, CaseState.PendingDispatch, Org.Property.Id, LapseDeadline),
            (returned.Type, returned.FromState!.Value, returned.ToState, returned.UnitId!.Value, returned.OccurredAtUtc));
        Assert.Equal((Timer.Name, Timer.Source), (returned.ActorName, returned.Source));
    }

    [Fact]
    public void FireDueTimers_ReturnToDispatch_SweptLate_RemindsThenReturnsOnce()
    {
        var c = DispatchedUnder(SignForLapse.ReturnToDispatch);
        var events = c.EventCount;

        Assert.Equal(2, c.FireDueTimers(LapseDeadline.AddHours(3), Timer, Org.Rules));
        Assert.Equal(0, c.FireDueTimers(LapseDeadline.AddHours(4), Timer, Org.Rules));

        Assert.Equal([CaseEventType.SignOverdue, CaseEventType.ReturnedUnsigned], c.Timeline.Skip(events).Select(e => e.Type));
        Assert.Equal(CaseState.PendingDispatch, c.State);
    }

    [Fact]
    public void FireDueTimers_Escalate_AtTwiceTheLimit_RisesOneLevel()
    {
        var c = DispatchedUnder(SignForLapse.Escalate);
        c.FireDueTimers(SignDeadline, Timer, Org.Rules);

        Assert.Equal(1, c.FireDueTimers(LapseDeadline, Timer, Org.Rules));

        Assert.Equal((CaseState.PendingDispatch, HandlingLevel.Community, null, 1),
            (c.State, c.Level, c.CurrentUnitId, c.EscalationCount));
        Assert.Equal((CaseEventType.Escalated, Org.Property.Id), (c.Timeline[^1].Type, c.Timeline[^1].UnitId!.Value));
        Assert.Equal(SignDeadline, c.Clock.SignOverdueAtUtc);
        Assert.Null(c.NextTimerAtUtc);
    }

    [Fact]
    public void FireDueTimers_Escalate_AtDistrictLevel_ReturnsToDispatchForLackOfAHigherLevel()
    {
        var policy = TimePolicy.Create(100, Org.Group.Code, null, HandlingLevel.District,
            TimeSpan.FromMinutes(20), TimeSpan.FromHours(12), 0.5, TimeBasis.Calendar, SignForLapse.Escalate);
        var c = DispatchedAt(Dispatch, RulesWith(policy), HandlingLevel.District);

        Assert.Equal(2, c.FireDueTimers(LapseDeadline, Timer, Org.Rules));

        Assert.Equal((CaseState.PendingDispatch, HandlingLevel.District, null, 0),
            (c.State, c.Level, c.CurrentUnitId, c.EscalationCount));
        Assert.Equal(CaseEventType.ReturnedUnsigned, c.Timeline[^1].Type);
    }

    [Fact]
    public void FireDueTimers_Remind_AtTwiceTheLimit_DoesNothingMore()
    {
        var c = DispatchedUnder(SignForLapse.Remind);
        c.FireDueTimers(SignDeadline, Timer, Org.Rules);
        var (version, events) = (c.Version, c.EventCount);

        Assert.Null(c.NextTimerAtUtc);
        Assert.Equal(0, c.FireDueTimers(LapseDeadline.AddDays(3), Timer, Org.Rules));

        Assert.Equal((version, events, CaseState.Dispatched, Org.Property.Id), (c.Version, c.EventCount, c.State, c.CurrentUnitId));
    }

    [Theory]
    [InlineData(SignForLapse.ReturnToDispatch)]
    [InlineData(SignForLapse.Escalate)]
    public void FireDueTimers_SignedBetweenTheTwoLimits_IsNeitherReturnedNorEscalated(SignForLapse lapse)
    {
        var rules = RulesUnder(lapse);
        var c = DispatchedAt(Dispatch, rules);
        c.FireDueTimers(SignDeadline, Timer, Org.Rules);
        c.Sign(Org.Dispatcher, LapseDeadline - Moment, rules);
        var events = c.EventCount;

        Assert.Equal(0, c.FireDueTimers(LapseDeadline.AddMinutes(1), Timer, Org.Rules));

        Assert.Equal((CaseState.InProgress, HandlingLevel.Courtyard, Org.Property.Id, events), (c.State, c.Level, c.CurrentUnitId, c.EventCount));
        Assert.Equal(LapseDeadline - Moment + TimeSpan.FromHours(12) * 0.5, c.NextTimerAtUtc);
    }

    [Fact]
    public void FireDueTimers_PolicyChangedAfterDispatch_TheCaseKeepsTheChoiceItWasDispatchedWith()
    {
        var policy = Policy(SignForLapse.ReturnToDispatch);
        var rules = RulesWith(policy);
        var c = DispatchedAt(Dispatch, rules);

        policy.Update(policy.SignFor, policy.Handling, policy.WarningShare, policy.Basis, SignForLapse.Remind);
        c.FireDueTimers(LapseDeadline, Timer, Org.Rules);

        Assert.Equal(CaseState.PendingDispatch, c.State);
        Assert.Equal(SignForLapse.Remind, DispatchedAt(Dispatch, rules).Clock.SignForLapse);
    }

    /// <summary>
    /// 市容环境 (group 01) at courtyard level: 20 minutes to sign, 12 hours to handle, warning at half, calendar time.
    /// No automatic 督办, so only the sign-for timers act here (SupervisionTests covers it).
    /// </summary>
    private static TimePolicy Policy(SignForLapse lapse) => TimePolicy.Create(
        100, Org.Group.Code, null, HandlingLevel.Courtyard, TimeSpan.FromMinutes(20), TimeSpan.FromHours(12), 0.5, TimeBasis.Calendar, lapse,
        autoSuperviseOnOverdue: false);

    private static DeadlineRules RulesUnder(SignForLapse lapse) => RulesWith(Policy(lapse));

    private static DeadlineRules RulesWith(TimePolicy policy) =>
        new(new PolicyTable([.. PolicyTable.Defaults(China2026).Policies, policy]), China2026);

    private static Case DispatchedUnder(SignForLapse lapse) => DispatchedAt(Dispatch, RulesUnder(lapse));
}
