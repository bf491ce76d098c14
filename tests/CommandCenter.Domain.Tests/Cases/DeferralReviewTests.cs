using CommandCenter.Domain.Policies;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Tests.Builders;
using static CommandCenter.Domain.Tests.Builders.CaseBuilder;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>
/// 缓办 (挂账) with a review date (issue 13): the unit proposes it, the approver may change it; a leader resumes the
/// case (the handling clock restarts) or extends the review; the review date reminds once; 积存 from 60 days on.
/// Built-in calendar limits (Org.Rules): courtyard, normal urgency, 24 hours to handle, warning at 75 %.
/// </summary>
public class DeferralReviewTests
{
    private const string Reason = "Needs next year's budget";
    private static readonly DateTime T0 = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Proposed = new(2027, 1, 15, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime ApprovedAt = T0.AddHours(3);
    private static readonly Actor Timer = Actor.System(ActSource.Timer);

    private static Case Signed()
    {
        var c = DispatchedAt(T0, Org.Rules);
        c.Sign(Org.Dispatcher, T0.AddMinutes(10), Org.Rules);
        return c;
    }

    private static Case Deferred(DateTime? reviewAt = null)
    {
        var c = Signed();
        c.RequestDeferral(Reason, reviewAt ?? Proposed, Org.Dispatcher, T0.AddHours(2));
        c.ApproveRequest(null, Org.Leader, ApprovedAt, Org.Rules);
        return c;
    }

    [Fact]
    public void RequestDeferral_WithAReviewDate_WaitsForDecisionAndSaysWhen()
    {
        var c = Signed();

        c.RequestDeferral(Reason, Proposed, Org.Dispatcher, T0.AddHours(2));

        Assert.Equal((RequestKind.Deferral, Proposed), (c.PendingRequest!.Kind, c.PendingRequest.RequestedDeadlineUtc));
        Assert.Equal((CaseEventType.DeferralRequested, Proposed), (c.Timeline[^1].Type, c.Timeline[^1].DetailAtUtc));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(366)]
    public void RequestDeferral_ReviewDateNotAheadOrTooFar_Throws(int days)
    {
        var c = Signed();
        var now = T0.AddHours(2);

        Expect.Invalid(c, "ReviewDateOutOfRange", "reviewAtUtc", () => c.RequestDeferral(Reason, now.AddDays(days), Org.Dispatcher, now));
    }

    [Fact]
    public void ApproveRequest_Deferral_StopsTheHandlingClockUntilTheProposedReview()
    {
        var c = Deferred();

        Assert.Equal((true, ApprovedAt, Proposed), (c.Clock.IsDeferred, c.Clock.DeferredAtUtc, c.Clock.ReviewAtUtc));
        Assert.Equal((null, null), (c.Clock.HandlingDeadlineUtc, c.Clock.WarningAtUtc));
        Assert.Equal(Proposed, c.NextTimerAtUtc);
        Assert.Equal(Proposed, c.Timeline[^1].DetailAtUtc);
    }

    [Fact]
    public void ApproveRequest_Deferral_WithAnotherReviewDate_TakesTheApprovers()
    {
        var c = Signed();
        c.RequestDeferral(Reason, Proposed, Org.Dispatcher, T0.AddHours(2));
        var granted = new DateTime(2026, 12, 20, 1, 0, 0, DateTimeKind.Utc);

        c.ApproveRequest("Look again before the holidays", Org.Leader, ApprovedAt, Org.Rules, grantedReviewAtUtc: granted);

        Assert.Equal(granted, c.Clock.ReviewAtUtc);
        Assert.Equal(granted, c.Timeline[^1].DetailAtUtc);
    }

    [Fact]
    public void ResumeDeferred_RestartsTheHandlingClockFromNow_WithTheRoundsOwnLimit()
    {
        var c = Deferred();
        var resumedAt = new DateTime(2026, 12, 28, 9, 30, 0, DateTimeKind.Utc);

        c.ResumeDeferred("Budget granted", Org.Leader, resumedAt, Org.Rules);

        Assert.False(c.Clock.IsDeferred);
        Assert.Equal(new DateTime(2026, 12, 29, 9, 30, 0, DateTimeKind.Utc), c.Clock.HandlingDeadlineUtc);
        Assert.Equal(new DateTime(2026, 12, 29, 3, 30, 0, DateTimeKind.Utc), c.Clock.WarningAtUtc);
        Assert.Equal((null, null), (c.Clock.DeferredAtUtc, c.Clock.ReviewAtUtc));
        Assert.Equal((CaseState.InProgress, Org.Property.Id), (c.State, c.CurrentUnitId));
        Assert.Equal((CaseEventType.DeferralResumed, "Budget granted"), (c.Timeline[^1].Type, c.Timeline[^1].Note));
        Assert.Equal(c.Clock.WarningAtUtc, c.NextTimerAtUtc);
    }

    [Fact]
    public void ResumeDeferred_ThenDone_TheRecordSaysTheRoundWasDeferred_AndOnTime()
    {
        var c = Deferred();
        var resumedAt = new DateTime(2026, 12, 28, 9, 30, 0, DateTimeKind.Utc);
        c.ResumeDeferred(null, Org.Leader, resumedAt, Org.Rules);

        c.ReportDone("Repaired with the new budget", null, Org.Dispatcher, resumedAt.AddHours(20), Org.Rules);

        var record = Assert.Single(c.HandlingRecords);
        Assert.Equal((true, false), (record.WasDeferred, record.HandledLate));
    }

    [Fact]
    public void ExtendDeferral_SetsTheLaterReviewDate_AndStaysDeferred()
    {
        var c = Deferred();
        var later = Proposed.AddDays(30);

        c.ExtendDeferral(later, "Budget decided in February", Org.Leader, T0.AddDays(10));

        Assert.Equal((true, later, ApprovedAt), (c.Clock.IsDeferred, c.Clock.ReviewAtUtc, c.Clock.DeferredAtUtc));
        Assert.Equal((CaseEventType.DeferralExtended, later), (c.Timeline[^1].Type, c.Timeline[^1].DetailAtUtc));
        Assert.Equal(later, c.NextTimerAtUtc);
    }

    [Fact]
    public void ExtendDeferral_NotLaterThanTheCurrentReview_Throws()
    {
        var c = Deferred();

        Expect.Invalid(c, "ReviewNotLater", "reviewAtUtc", () => c.ExtendDeferral(Proposed, null, Org.Leader, T0.AddDays(10)));
    }

    [Theory]
    [InlineData(CaseCommand.ResumeDeferred)]
    [InlineData(CaseCommand.ExtendDeferral)]
    public void ResumeOrExtend_OnACaseNotDeferred_RefusedWithNotDeferred(CaseCommand command)
    {
        var c = Signed();

        Expect.Refused(c, "NotDeferred", () => Commands.Invoke(c, command, T0.AddHours(2)));
    }

    [Fact]
    public void FireDueTimers_AtTheReviewDate_RemindsOnce_AndTheCaseStaysDeferred()
    {
        var c = Deferred();

        Assert.Equal(0, c.FireDueTimers(Proposed.AddSeconds(-1), Timer, Org.Rules));
        Assert.Equal(1, c.FireDueTimers(Proposed, Timer, Org.Rules));
        Assert.Equal(0, c.FireDueTimers(Proposed.AddDays(1), Timer, Org.Rules));

        Assert.Equal((CaseEventType.DeferralReviewDue, Proposed), (c.Timeline[^1].Type, c.Timeline[^1].DetailAtUtc));
        Assert.Single(c.Timeline, e => e.Type == CaseEventType.DeferralReviewDue);
        Assert.Equal((true, Proposed, null), (c.Clock.IsDeferred, c.Clock.ReviewDueAtUtc, c.NextTimerAtUtc));
    }

    [Fact]
    public void ExtendDeferral_AfterTheReminder_RemindsAgainAtTheNewDate()
    {
        var c = Deferred();
        c.FireDueTimers(Proposed, Timer, Org.Rules);
        var later = Proposed.AddDays(30);

        c.ExtendDeferral(later, null, Org.Leader, Proposed.AddHours(1));

        Assert.Equal(later, c.NextTimerAtUtc);
        Assert.Equal(1, c.FireDueTimers(later, Timer, Org.Rules));
    }

    [Fact]
    public void IsBacklog_From60DaysAfterTheDeferral_NotAt59()
    {
        var c = Deferred(ApprovedAt.AddDays(200));

        Assert.False(c.Clock.IsBacklog(ApprovedAt.AddDays(59), StreetRules.Defaults()));
        Assert.True(c.Clock.IsBacklog(ApprovedAt.AddDays(60), StreetRules.Defaults()));
    }

    [Fact]
    public void IsBacklog_OnceResumed_IsNot()
    {
        var c = Deferred(ApprovedAt.AddDays(200));
        c.ResumeDeferred(null, Org.Leader, ApprovedAt.AddDays(61), Org.Rules);

        Assert.False(c.Clock.IsBacklog(ApprovedAt.AddDays(62), StreetRules.Defaults()));
    }
}
