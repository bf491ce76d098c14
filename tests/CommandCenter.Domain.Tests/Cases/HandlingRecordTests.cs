using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Tests.Builders;
using static CommandCenter.Domain.Tests.Builders.CaseBuilder;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>
/// Each unit's time with a case is kept when it lets go (issue 13): when it signed, its deadlines
/// as they last stood, how it ended, and whether it was late; nothing the case does afterwards
/// changes it. Built-in calendar limits (Org.Rules), normal urgency: 30 minutes to sign; 24 hours
/// to handle at courtyard level, 48 at community level, 7 days at district level.
/// </summary>
public class HandlingRecordTests
{
    private static readonly Actor Timer = Actor.System(ActSource.Timer);
    private static readonly DateTime T0 = Clock.Start;

    [Fact]
    public void LateAtCourtyard_EscalatedByTheTimer_OnTimeAtCommunity_EachUnitKeepsItsOwnRecord_WhateverHappensAfter()
    {
        var c = DispatchedAt(T0, Org.Rules);
        c.Sign(Org.Dispatcher, T0.AddMinutes(40), Org.Rules);
        var courtyardDeadline = T0.AddMinutes(40).AddHours(24);
        Assert.Equal(2, c.FireDueTimers(courtyardDeadline, Timer, Org.Rules));

        var communityDispatch = courtyardDeadline.AddMinutes(20);
        Commands.Dispatch(c, communityDispatch);
        c.Sign(Org.Dispatcher, communityDispatch.AddMinutes(10), Org.Rules);
        var done = communityDispatch.AddHours(30);
        c.ReportDone("Rubbish cleared", null, Org.Dispatcher, done, Org.Rules);

        var courtyard = c.HandlingRecords[0];
        Assert.Equal((Org.Property.Id, HandlingLevel.Courtyard, HandlingRound.Dispatch, HandlingOutcome.Escalated),
            (courtyard.UnitId, courtyard.Level, courtyard.Round, courtyard.Outcome));
        Assert.Equal((T0, T0.AddMinutes(30), T0.AddMinutes(40), courtyardDeadline, courtyardDeadline),
            (courtyard.StartedAtUtc, courtyard.SignDeadlineUtc!.Value, courtyard.SignedAtUtc!.Value, courtyard.HandlingDeadlineUtc!.Value, courtyard.EndedAtUtc));
        Assert.Equal((true, true), (courtyard.SignedLate, courtyard.HandledLate));
        var community = c.HandlingRecords[1];
        Assert.Equal((Org.Committee.Id, HandlingLevel.Community, HandlingOutcome.Done, done, communityDispatch.AddMinutes(10).AddHours(48)),
            (community.UnitId, community.Level, community.Outcome, community.EndedAtUtc, community.HandlingDeadlineUtc!.Value));
        Assert.Equal((false, false), (community.SignedLate, community.HandledLate));

        // Rework that runs late, then rises again: a third record, the first two as they were.
        var reworkStart = done.AddHours(1);
        c.Verify(false, "The pile is still there", Org.Dispatcher, reworkStart, Org.Rules);
        c.FireDueTimers(reworkStart.AddHours(48), Timer, Org.Rules);

        Assert.Equal(3, c.HandlingRecords.Count);
        var rework = c.HandlingRecords[2];
        Assert.Equal((Org.Committee.Id, HandlingRound.Rework, reworkStart, HandlingOutcome.Escalated, true),
            (rework.UnitId, rework.Round, rework.StartedAtUtc, rework.Outcome, rework.HandledLate));
        Assert.Equal((null, null, false), (rework.SignDeadlineUtc, rework.SignedAtUtc, rework.SignedLate));
        Assert.Equal((true, true, false, false),
            (courtyard.SignedLate, courtyard.HandledLate, community.SignedLate, community.HandledLate));
    }

    [Fact]
    public void PostponementApprovedAfterTheDistrictOverdueMark_MovesTheDeadline_ButTheRecordStaysLate()
    {
        var c = DispatchedAt(T0, Org.Rules, HandlingLevel.District);
        c.Sign(Org.Dispatcher, T0.AddMinutes(10), Org.Rules);
        var deadline = T0.AddMinutes(10).AddDays(7);
        c.RequestPostponement("Parts are on order", deadline.AddDays(3), Org.Dispatcher, deadline.AddHours(-1));
        c.FireDueTimers(deadline, Timer, Org.Rules);
        Assert.Equal(deadline, c.Clock.OverdueAtUtc);

        c.ApproveRequest(null, Org.Dispatcher, deadline.AddHours(1), Org.Rules);
        Assert.Null(c.Clock.OverdueAtUtc);
        c.ReportDone("Replaced", null, Org.Dispatcher, deadline.AddDays(2), Org.Rules);

        var record = Assert.Single(c.HandlingRecords);
        Assert.Equal((1, deadline.AddDays(3), HandlingOutcome.Done, true, false),
            (record.Postponements, record.HandlingDeadlineUtc!.Value, record.Outcome, record.HandledLate, record.SignedLate));
    }

    [Fact]
    public void ReportedDone_AtTheDeadline_IsOnTime_OneSecondAfter_IsLate_EvenBeforeTheTimerHasRun()
    {
        var deadline = T0.AddMinutes(10).AddHours(24);

        Assert.False(DoneAt(deadline).HandledLate);
        Assert.True(DoneAt(deadline.AddSeconds(1)).HandledLate);

        static HandlingRecord DoneAt(DateTime done)
        {
            var c = DispatchedAt(T0, Org.Rules);
            c.Sign(Org.Dispatcher, T0.AddMinutes(10), Org.Rules);
            c.ReportDone("Rubbish cleared", null, Org.Dispatcher, done, Org.Rules);
            return Assert.Single(c.HandlingRecords);
        }
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(31, true)]
    public void Returned_BeforeSigning_IsLateToSignOnlyWhenTheSignForDeadlineHadPassed(int minutes, bool late)
    {
        var c = DispatchedAt(T0, Org.Rules);

        c.Return(ReturnReason.OwnershipUnclear, null, Org.Dispatcher, T0.AddMinutes(minutes), Org.Rules);

        var record = Assert.Single(c.HandlingRecords);
        Assert.Equal((HandlingOutcome.Returned, late, false, (DateTime?)null), (record.Outcome, record.SignedLate, record.HandledLate, record.SignedAtUtc));
    }

    [Fact]
    public void ReturnedUnsigned_ByTheTimer_IsLateToSign()
    {
        var c = DispatchedAt(T0, Org.Rules);

        c.FireDueTimers(T0.AddHours(1), Timer, Org.Rules);

        var record = Assert.Single(c.HandlingRecords);
        Assert.Equal((HandlingOutcome.ReturnedUnsigned, T0.AddHours(1), true), (record.Outcome, record.EndedAtUtc, record.SignedLate));
    }

    [Fact]
    public void Deferred_ThenDone_IsKeptAsDeferredAndNotLate()
    {
        var c = DispatchedAt(T0, Org.Rules);
        c.Sign(Org.Dispatcher, T0.AddMinutes(10), Org.Rules);
        c.RequestDeferral("Needs next year's budget", T0.AddDays(60), Org.Dispatcher, T0.AddHours(1));
        c.ApproveRequest(null, Org.Dispatcher, T0.AddHours(2), Org.Rules);

        c.ReportDone("Repaired with the new budget", null, Org.Dispatcher, T0.AddDays(90), Org.Rules);

        var record = Assert.Single(c.HandlingRecords);
        Assert.Equal((true, false, (DateTime?)null), (record.WasDeferred, record.HandledLate, record.HandlingDeadlineUtc));
    }

    [Fact]
    public void EscalatedByHand_FromTheDispatchQueue_KeepsNoRecord_AsNoUnitHeldTheCase()
    {
        var c = Report(nowUtc: T0);
        c.Accept(Org.Dispatcher, T0, Org.Rules);

        c.Escalate("Beyond the courtyard", Org.Dispatcher, T0.AddMinutes(5), Org.Rules);

        Assert.Empty(c.HandlingRecords);
    }

    [Fact]
    public void EscalationRequest_Approved_EndsTheRoundAsEscalated_WithItsPostponementsCounted()
    {
        var c = DispatchedAt(T0, Org.Rules);
        c.Sign(Org.Dispatcher, T0.AddMinutes(10), Org.Rules);
        c.RequestPostponement("Waiting for the owner", T0.AddDays(3), Org.Dispatcher, T0.AddHours(1));
        c.ApproveRequest(null, Org.Dispatcher, T0.AddHours(2), Org.Rules);
        c.RequestEscalation("Beyond the company's powers", Org.Dispatcher, T0.AddHours(3));

        c.ApproveRequest(null, Org.Dispatcher, T0.AddHours(4), Org.Rules);

        var record = Assert.Single(c.HandlingRecords);
        Assert.Equal((HandlingOutcome.Escalated, 1, false, T0.AddDays(3)),
            (record.Outcome, record.Postponements, record.HandledLate, record.HandlingDeadlineUtc!.Value));
    }
}
