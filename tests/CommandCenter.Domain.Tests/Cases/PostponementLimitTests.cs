using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Domain.Tests.Builders;
using static CommandCenter.Domain.Tests.Builders.CaseBuilder;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>
/// 延期 limits (issue 13): per round at most the policy's number of postponements, and the deadline moves at most the
/// policy's longest extension from where the round's first deadline stood; the approver may grant less than asked.
/// One courtyard policy row in calendar time: 30 minutes to sign, 24 hours to handle, warning at 75 %; defaults for 延期
/// (two, and one more handling limit in total). Dispatched at 01:00, signed at 01:10 on 23 November: deadline 24 Nov 01:10.
/// </summary>
public class PostponementLimitTests
{
    private const string Reason = "The skip lorry is booked";
    private static readonly DateTime T0 = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Deadline = new(2026, 11, 24, 1, 10, 0, DateTimeKind.Utc);
    private static readonly DateTime Latest = new(2026, 11, 25, 1, 10, 0, DateTimeKind.Utc);

    private static readonly DeadlineRules Rules = new(
        new PolicyTable([TimePolicy.Create(1, null, null, HandlingLevel.Courtyard, TimeSpan.FromMinutes(30), TimeSpan.FromHours(24), 0.75, TimeBasis.Calendar)]),
        Org.Rules.Calendar);

    private static Case Signed()
    {
        var c = DispatchedAt(T0, Rules);
        c.Sign(Org.Dispatcher, T0.AddMinutes(10), Rules);
        return c;
    }

    private static void Postpone(Case c, DateTime to, DateTime at)
    {
        c.RequestPostponement(Reason, to, Org.Dispatcher, at);
        c.ApproveRequest(null, Org.Dispatcher, at.AddMinutes(5), Org.Rules);
    }

    [Fact]
    public void Signing_KeepsTheRoundsFirstDeadline_AndTheLatestAPostponementMayGrant()
    {
        var c = Signed();

        Assert.Equal((Deadline, Deadline, Latest), (c.Clock.HandlingDeadlineUtc, c.Clock.OriginalHandlingDeadlineUtc, c.Clock.LatestPostponementUtc));
        Assert.Equal((2, TimeSpan.FromHours(24)), (c.Clock.MaxPostponements, c.Clock.LongestExtension));
    }

    [Fact]
    public void RequestPostponement_AThirdInTheRound_RefusedWithPostponementLimitReached()
    {
        var c = Signed();
        Postpone(c, new DateTime(2026, 11, 24, 9, 10, 0, DateTimeKind.Utc), T0.AddHours(2));
        Postpone(c, new DateTime(2026, 11, 24, 17, 10, 0, DateTimeKind.Utc), T0.AddHours(3));

        Assert.Equal("PostponementLimitReached", c.WhyNot(CaseCommand.RequestPostponement, T0.AddHours(4))?.Code);
        Expect.Refused(c, "PostponementLimitReached",
            () => c.RequestPostponement(Reason, new DateTime(2026, 11, 24, 20, 0, 0, DateTimeKind.Utc), Org.Dispatcher, T0.AddHours(4)));
        Assert.Equal(2, c.Clock.Postponements);
    }

    [Fact]
    public void RequestPostponement_ToTheLongestExtension_WaitsForDecision()
    {
        var c = Signed();

        c.RequestPostponement(Reason, Latest, Org.Dispatcher, T0.AddHours(2));

        Assert.Equal(Latest, c.PendingRequest!.RequestedDeadlineUtc);
    }

    [Fact]
    public void RequestPostponement_AMinutePastTheLongestExtension_ThrowsExtensionTooLong()
    {
        var c = Signed();

        Expect.Invalid(c, "ExtensionTooLong", "newDeadlineUtc",
            () => c.RequestPostponement(Reason, Latest.AddMinutes(1), Org.Dispatcher, T0.AddHours(2)));
    }

    [Fact]
    public void RequestPostponement_Second_IsMeasuredFromTheRoundsFirstDeadline_NotTheMovedOne()
    {
        var c = Signed();
        Postpone(c, new DateTime(2026, 11, 24, 13, 10, 0, DateTimeKind.Utc), T0.AddHours(2));

        Expect.Invalid(c, "ExtensionTooLong", "newDeadlineUtc",
            () => c.RequestPostponement(Reason, Latest.AddMinutes(1), Org.Dispatcher, T0.AddHours(3)));
        Assert.Equal(Latest, c.Clock.LatestPostponementUtc);
    }

    [Fact]
    public void ApproveRequest_GrantedEarlierThanAsked_MovesTheDeadlineThereAndSaysSo()
    {
        var c = Signed();
        c.RequestPostponement(Reason, new DateTime(2026, 11, 25, 1, 0, 0, DateTimeKind.Utc), Org.Dispatcher, T0.AddHours(2));
        var granted = new DateTime(2026, 11, 24, 13, 0, 0, DateTimeKind.Utc);

        c.ApproveRequest("Half a day is enough", Org.Dispatcher, T0.AddHours(3), Org.Rules, grantedDeadlineUtc: granted);

        Assert.Equal(granted, c.Clock.HandlingDeadlineUtc);
        // The warning keeps its lead of six hours (a quarter of the 24-hour limit) on the deadline.
        Assert.Equal(new DateTime(2026, 11, 24, 7, 0, 0, DateTimeKind.Utc), c.Clock.WarningAtUtc);
        var approved = c.Timeline[^1];
        Assert.Equal((CaseEventType.RequestApproved, "Half a day is enough", granted), (approved.Type, approved.Note, approved.DetailAtUtc));
        Assert.Null(c.PendingRequest);
    }

    [Fact]
    public void ApproveRequest_GrantedLaterThanAsked_ThrowsAndLeavesTheRequestWaiting()
    {
        var c = Signed();
        var asked = new DateTime(2026, 11, 24, 13, 0, 0, DateTimeKind.Utc);
        c.RequestPostponement(Reason, asked, Org.Dispatcher, T0.AddHours(2));

        Expect.Invalid(c, "GrantedLaterThanRequested", "grantedDeadlineUtc",
            () => c.ApproveRequest(null, Org.Dispatcher, T0.AddHours(3), Org.Rules, grantedDeadlineUtc: asked.AddMinutes(1)));
        Assert.Equal((Deadline, asked), (c.Clock.HandlingDeadlineUtc, c.PendingRequest!.RequestedDeadlineUtc));
    }

    [Fact]
    public void ApproveRequest_GrantedNoLaterThanTheCurrentDeadline_Throws()
    {
        var c = Signed();
        c.RequestPostponement(Reason, new DateTime(2026, 11, 24, 13, 0, 0, DateTimeKind.Utc), Org.Dispatcher, T0.AddHours(2));

        Expect.Invalid(c, "GrantedDeadlineNotLater", "grantedDeadlineUtc",
            () => c.ApproveRequest(null, Org.Dispatcher, T0.AddHours(3), Org.Rules, grantedDeadlineUtc: Deadline));
    }

    [Fact]
    public void ApproveRequest_GrantedDeadlineOnAnEscalationRequest_Throws()
    {
        var c = Signed();
        c.RequestEscalation("Beyond the property company's powers", Org.Dispatcher, T0.AddHours(2));

        Expect.Invalid(c, "GrantedDateNotApplicable", "grantedDeadlineUtc",
            () => c.ApproveRequest(null, Org.Dispatcher, T0.AddHours(3), Org.Rules, grantedDeadlineUtc: Latest));
    }

    /// <summary>At district level the deadline passing only marks the case; a postponement approved after it keeps the lateness.</summary>
    [Fact]
    public void ApproveRequest_AfterTheOverdueMark_TheHandlingRecordStillSaysLate()
    {
        var c = DispatchedAt(T0, Org.Rules, HandlingLevel.District);
        c.Sign(Org.Dispatcher, T0.AddMinutes(10), Org.Rules);
        var deadline = c.Clock.HandlingDeadlineUtc!.Value;
        c.RequestPostponement(Reason, deadline.AddDays(2), Org.Dispatcher, deadline.AddHours(-1));
        c.FireDueTimers(deadline, Actor.System(ActSource.Timer), Org.Rules);
        Assert.NotNull(c.Clock.OverdueAtUtc);

        c.ApproveRequest(null, Org.Dispatcher, deadline.AddHours(1), Org.Rules);
        c.ReportDone("Repaired", null, Org.Dispatcher, deadline.AddHours(2), Org.Rules);

        Assert.Equal(deadline.AddDays(2), c.Clock.HandlingDeadlineUtc);
        var record = Assert.Single(c.HandlingRecords);
        Assert.Equal((true, 1), (record.HandledLate, record.Postponements));
    }

    [Fact]
    public void TimePolicy_LimitsOutOfRange_AreRefused()
    {
        Expect.Invalid("MaxPostponementsOutOfRange", "maxPostponements", () => TimePolicy.Create(
            1, null, null, HandlingLevel.Courtyard, TimeSpan.FromMinutes(30), TimeSpan.FromHours(24), 0.75, TimeBasis.Calendar, maxPostponements: -1));
        Expect.Invalid("LongestExtensionOutOfRange", "longestExtension", () => TimePolicy.Create(
            1, null, null, HandlingLevel.Courtyard, TimeSpan.FromMinutes(30), TimeSpan.FromHours(24), 0.75, TimeBasis.Calendar, longestExtension: TimeSpan.Zero));
        Expect.Invalid("LongestExtensionOutOfRange", "longestExtension", () => TimePolicy.Create(
            1, null, null, HandlingLevel.Courtyard, TimeSpan.FromMinutes(30), TimeSpan.FromHours(24), 0.75, TimeBasis.Calendar, longestExtension: TimeSpan.FromDays(366)));
    }

    [Fact]
    public void TimePolicy_UpdateOfThePostponementLimits_RaisesTheRevision_AndWithoutThemKeepsThem()
    {
        var policy = TimePolicy.Create(1, null, null, HandlingLevel.Courtyard, TimeSpan.FromMinutes(30), TimeSpan.FromHours(24), 0.75, TimeBasis.Calendar);

        policy.Update(TimeSpan.FromMinutes(30), TimeSpan.FromHours(24), 0.75, TimeBasis.Calendar, SignForLapse.ReturnToDispatch, null, 3, TimeSpan.FromHours(36));
        policy.Update(TimeSpan.FromMinutes(30), TimeSpan.FromHours(24), 0.75, TimeBasis.Calendar, SignForLapse.ReturnToDispatch);

        Assert.Equal((3, TimeSpan.FromHours(36), 2), (policy.MaxPostponements, policy.LongestExtension, policy.Revision));
    }
}
