using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Domain.Tests.Builders;
using static CommandCenter.Domain.Tests.Builders.CaseBuilder;
using static CommandCenter.Domain.Tests.Policies.Calendars;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>
/// Which policy sets a case's deadlines (DESIGN §4): the street's table resolved at dispatch,
/// recorded with its revision, counted on the 2026 working calendar where the policy says
/// working time, and kept for sign and rework even when the policy changes later.
/// </summary>
public class DeadlinePolicyTests
{
    private static readonly TimeSpan RubbishSignFor = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan RubbishHandling = TimeSpan.FromHours(12);

    /// <summary>市容环境 (group 01) at courtyard level, any urgency: 20 min to sign, 12 h to handle, warning at half.</summary>
    private readonly TimePolicy _rubbish = TimePolicy.Create(
        100, Org.Group.Code, null, HandlingLevel.Courtyard, RubbishSignFor, RubbishHandling, 0.5, TimeBasis.Calendar);

    private readonly DeadlineRules _defaults = new(PolicyTable.Defaults(China2026), China2026);
    private readonly DeadlineRules _rules;

    public DeadlinePolicyTests() =>
        _rules = new(new PolicyTable([.. PolicyTable.Defaults(China2026).Policies, _rubbish]), China2026);

    // ---- which policy ----

    [Theory]
    [MemberData(nameof(Combinations.EveryUrgencyAndLevel), MemberType = typeof(Combinations))]
    public void Dispatch_DefaultPolicies_RecordsTheMatchingPolicyAndRevision(Urgency urgency, HandlingLevel level)
    {
        var expected = _defaults.Policies.Policies.Single(p => p.Urgency == urgency && p.Level == level);

        var c = DispatchedAt(Clock.Start, _defaults, level, urgency);

        Assert.Equal((expected.Id, expected.Revision), (c.Clock.PolicyId, c.Clock.PolicyRevision));
        Assert.Equal((expected.SignFor, expected.Handling, expected.WarningShare, expected.Basis),
            (c.Clock.SignForLimit, c.Clock.HandlingLimit, c.Clock.WarningShare, c.Clock.TimeBasis));
    }

    [Fact]
    public void Dispatch_DefaultPolicyForCritical_SetsItsTenMinuteSignDeadline()
    {
        var c = DispatchedAt(Clock.Start, _defaults, HandlingLevel.Courtyard, Urgency.Critical);

        Assert.Equal(Clock.Start.AddMinutes(10), c.Clock.SignDeadlineUtc);
    }

    [Fact]
    public void Dispatch_NoPolicies_RecordsNoPolicyAndCalendarTime()
    {
        var c = DispatchedAt(Clock.Start, Org.Rules);

        Assert.Equal((null, null, TimeBasis.Calendar), (c.Clock.PolicyId, c.Clock.PolicyRevision, c.Clock.TimeBasis));
        Assert.Equal(Clock.Start + DefaultTimeLimits.SignFor, c.Clock.SignDeadlineUtc);
    }

    [Fact]
    public void Dispatch_CategoryGroupPolicy_WinsOverTheDefaults()
    {
        var c = DispatchedAt(Clock.Start, _rules);

        Assert.Equal((_rubbish.Id, 1), (c.Clock.PolicyId, c.Clock.PolicyRevision));
        Assert.Equal(Clock.Start + RubbishSignFor, c.Clock.SignDeadlineUtc);
    }

    [Fact]
    public void Sign_CategoryGroupPolicy_CountsItsHandlingLimitAndWarningShare()
    {
        var c = DispatchedAt(Clock.Start, _rules);
        var signed = Clock.Start.AddMinutes(5);

        c.Sign(Org.Dispatcher, signed, _rules);

        Assert.Equal(signed + RubbishHandling, c.Clock.HandlingDeadlineUtc);
        Assert.Equal(signed + RubbishHandling / 2, c.Clock.WarningAtUtc);
    }

    [Fact]
    public void Dispatch_CategoryPolicyAtAnotherLevel_FallsBackToTheDefaults()
    {
        var c = DispatchedAt(Clock.Start, _rules, HandlingLevel.Community);

        var expected = _defaults.Policies.Policies.Single(p => p.Urgency == Urgency.Normal && p.Level == HandlingLevel.Community);
        Assert.Equal(expected.Id, c.Clock.PolicyId);
    }

    [Fact]
    public void Dispatch_AfterEscalation_RecordsThePolicyOfTheNewLevel()
    {
        var c = DispatchedAt(Clock.Start, _rules);
        var later = Clock.Start.AddMinutes(5);
        c.Escalate("The property company cannot reach the roof", Org.Dispatcher, later, Org.Rules);

        c.Dispatch(Org.Committee, [], _rules, Org.Dispatcher, later);

        var expected = _defaults.Policies.Policies.Single(p => p.Urgency == Urgency.Normal && p.Level == HandlingLevel.Community);
        Assert.Equal(expected.Id, c.Clock.PolicyId);
        Assert.Equal(expected.Handling, c.Clock.HandlingLimit);
    }

    // ---- a policy that changes ----

    [Fact]
    public void Dispatch_AfterPolicyUpdate_RecordsTheNewRevisionAndLimits()
    {
        _rubbish.Update(TimeSpan.FromMinutes(10), TimeSpan.FromHours(6), 0.5, TimeBasis.Calendar, SignForLapse.ReturnToDispatch);

        var c = DispatchedAt(Clock.Start, _rules);

        Assert.Equal((_rubbish.Id, 2), (c.Clock.PolicyId, c.Clock.PolicyRevision));
        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.FromHours(6)), (c.Clock.SignForLimit, c.Clock.HandlingLimit));
        Assert.Equal(Clock.Start.AddMinutes(10), c.Clock.SignDeadlineUtc);
    }

    [Fact]
    public void PolicyUpdate_CaseAlreadySigned_KeepsItsDeadlinesAndRevision()
    {
        var c = DispatchedAt(Clock.Start, _rules);
        c.Sign(Org.Dispatcher, Clock.Start.AddMinutes(5), _rules);
        var before = (c.Clock.SignDeadlineUtc, c.Clock.WarningAtUtc, c.Clock.HandlingDeadlineUtc, c.NextTimerAtUtc, c.Clock.PolicyRevision);

        _rubbish.Update(TimeSpan.FromMinutes(10), TimeSpan.FromHours(6), 0.5, TimeBasis.Calendar, SignForLapse.ReturnToDispatch);

        Assert.Equal(before, (c.Clock.SignDeadlineUtc, c.Clock.WarningAtUtc, c.Clock.HandlingDeadlineUtc, c.NextTimerAtUtc, c.Clock.PolicyRevision));
    }

    [Fact]
    public void Sign_DispatchedBeforePolicyUpdate_CountsTheLimitOfItsDispatch()
    {
        var c = DispatchedAt(Clock.Start, _rules);
        _rubbish.Update(TimeSpan.FromMinutes(10), TimeSpan.FromHours(6), 0.5, TimeBasis.Calendar, SignForLapse.ReturnToDispatch);
        var signed = Clock.Start.AddMinutes(5);

        c.Sign(Org.Dispatcher, signed, _rules);

        Assert.Equal(signed + RubbishHandling, c.Clock.HandlingDeadlineUtc);
        Assert.Equal(1, c.Clock.PolicyRevision);
    }

    // ---- rework (返工) restarts on the stored terms ----

    [Fact]
    public void Verify_FailedAfterPolicyUpdate_RestartsHandlingOnTheStoredTerms()
    {
        var c = DoneAt(Clock.Start, _rules);
        _rubbish.Update(TimeSpan.FromMinutes(10), TimeSpan.FromHours(6), 0.9, TimeBasis.Working, SignForLapse.ReturnToDispatch);
        var failed = Clock.Start.AddHours(2);

        c.Verify(false, "Rubbish still behind the shed", Org.Dispatcher, failed, _rules);

        Assert.Equal(failed + RubbishHandling, c.Clock.HandlingDeadlineUtc);
        Assert.Equal(failed + RubbishHandling / 2, c.Clock.WarningAtUtc);
        Assert.Equal((_rubbish.Id, 1, TimeBasis.Calendar), (c.Clock.PolicyId, c.Clock.PolicyRevision, c.Clock.TimeBasis));
    }

    [Fact]
    public void Rate_UnsatisfiedAfterPolicyUpdate_RestartsHandlingOnTheStoredTerms()
    {
        var c = DoneAt(Clock.Start, _rules);
        c.Verify(true, null, Org.Dispatcher, Clock.Start.AddHours(1), _rules);
        _rubbish.Update(TimeSpan.FromMinutes(10), TimeSpan.FromHours(6), 0.9, TimeBasis.Working, SignForLapse.ReturnToDispatch);
        var rated = Clock.Start.AddHours(2);

        c.Rate(Rating.Unsatisfied, "Still smells", RatingSource.Reporter, Org.Dispatcher, rated, _rules);

        Assert.Equal(rated + RubbishHandling, c.Clock.HandlingDeadlineUtc);
        Assert.Equal(1, c.Clock.PolicyRevision);
    }

    [Fact]
    public void Verify_FailedAfterTimersFired_ClearsTheMarksAndRestartsTheTimers()
    {
        var c = DispatchedAt(Clock.Start, _defaults, HandlingLevel.District);
        c.Sign(Org.Dispatcher, Utc("2026-11-23T01:00:00Z"), _defaults);
        c.FireDueTimers(c.Clock.HandlingDeadlineUtc!.Value.AddMinutes(1), Actor.System(ActSource.Timer), Org.Rules);
        Assert.NotNull(c.Clock.OverdueAtUtc);
        var late = c.Clock.HandlingDeadlineUtc!.Value.AddHours(1);
        c.ReportDone("Cleared at last", null, Org.Dispatcher, late, Org.Rules);

        c.Verify(false, "Rubbish still behind the shed", Org.Dispatcher, late.AddHours(1), _defaults);

        Assert.Equal((null, null), (c.Clock.WarnedAtUtc, c.Clock.OverdueAtUtc));
        Assert.Equal(c.Clock.WarningAtUtc, c.NextTimerAtUtc);
    }

    // ---- working time across the 2026 National Day holiday (1–7 Oct, make-up Sat 10 Oct) ----

    [Fact]
    public void Dispatch_WorkingPolicyAtDistrict_CountsTheSignForLimitOverTheHoliday()
    {
        // Wed 30 Sep 17:50 China: 10 min left that day, then 20 min from Thu 8 Oct 09:00.
        var c = DispatchedAt(Utc("2026-09-30T09:50:00Z"), _defaults, HandlingLevel.District);

        Assert.Equal(TimeBasis.Working, c.Clock.TimeBasis);
        Assert.Equal(Utc("2026-10-08T01:20:00Z"), c.Clock.SignDeadlineUtc);
    }

    [Fact]
    public void Sign_WorkingPolicyAtDistrict_CountsFiveWorkingDaysOverTheHoliday()
    {
        // Tue 29 Sep 10:00 China: 6.5 h Tue, 7.5 h Wed, holiday, Thu 8, Fri 9, Sat 10 (make-up), 1 h Mon 12 → 10:00.
        var c = DispatchedAt(Utc("2026-09-29T01:30:00Z"), _defaults, HandlingLevel.District);

        c.Sign(Org.Dispatcher, Utc("2026-09-29T02:00:00Z"), _defaults);

        Assert.Equal(Utc("2026-10-12T02:00:00Z"), c.Clock.HandlingDeadlineUtc);
    }

    [Fact]
    public void Sign_WorkingPolicyAtDistrict_WarnsAtThreeQuartersOfTheWorkingTime()
    {
        // 28 h 7.5 min of working time: 6.5 Tue + 7.5 Wed + 7.5 Thu 8 Oct, then 6 h 37.5 min on Fri 9 Oct → 17:07:30.
        var c = DispatchedAt(Utc("2026-09-29T01:30:00Z"), _defaults, HandlingLevel.District);

        c.Sign(Org.Dispatcher, Utc("2026-09-29T02:00:00Z"), _defaults);

        Assert.Equal(Utc("2026-10-09T09:07:30Z"), c.Clock.WarningAtUtc);
    }

    [Fact]
    public void Verify_FailedOnWorkingPolicy_RestartsOnTheWorkingCalendar()
    {
        // Wed 30 Sep 10:00 China: 6.5 h Wed, holiday, Thu 8, Fri 9, Sat 10, Mon 12, 1 h Tue 13 → 10:00.
        var c = DispatchedAt(Utc("2026-09-28T01:00:00Z"), _defaults, HandlingLevel.District);
        c.Sign(Org.Dispatcher, Utc("2026-09-28T01:10:00Z"), _defaults);
        c.ReportDone("Permit obtained, stall removed", null, Org.Dispatcher, Utc("2026-09-29T06:00:00Z"), Org.Rules);

        c.Verify(false, "The stall is back", Org.Dispatcher, Utc("2026-09-30T02:00:00Z"), _defaults);

        Assert.Equal(Utc("2026-10-13T02:00:00Z"), c.Clock.HandlingDeadlineUtc);
    }

    /// <summary>Dispatched at courtyard level at <paramref name="nowUtc"/>, signed and reported done within the hour.</summary>
    private static Case DoneAt(DateTime nowUtc, DeadlineRules rules)
    {
        var c = DispatchedAt(nowUtc, rules);
        c.Sign(Org.Dispatcher, nowUtc.AddMinutes(5), rules);
        c.ReportDone("Rubbish cleared", null, Org.Dispatcher, nowUtc.AddMinutes(50), Org.Rules);
        return c;
    }
}
