using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Domain.Tests.Builders;
using static CommandCenter.Domain.Tests.Builders.CaseBuilder;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>督办 (issue 13): a note and a reply deadline; the unit answers it; it ends when answered or when the case leaves the unit or is done.</summary>
public class SupervisionTests
{
    private static readonly Actor Timer = Actor.System(ActSource.Timer);
    private static readonly Actor Holder = new("Wang Wei", AccessRole.PropertyStaff, Org.Property.Id, ActSource.Phone);
    private static readonly TimeSpan Moment = TimeSpan.FromSeconds(1);

    public static TheoryData<CaseState> OpenStates => new(CaseStates.Open);

    [Theory]
    [MemberData(nameof(OpenStates))]
    public void Supervise_OpenState_OpensWithNoteAndDefaultReplyDeadlineWithoutMoving(CaseState state)
    {
        var builder = In(state);
        var c = builder.Build();

        c.Supervise("Residents called twice", null, Org.Dispatcher, builder.Now);

        Assert.True(c.IsSupervised);
        Assert.Equal(1, c.SupervisionCount);
        Assert.Equal(state, c.State);
        Assert.Equal(("Residents called twice", builder.Now + TimeSpan.FromDays(1), Org.Dispatcher.Name), (c.Supervision!.Note, c.Supervision.ReplyDueUtc, c.Supervision.By));
        var supervised = c.Timeline[^1];
        Assert.Equal((CaseEventType.Supervised, c.CurrentUnitId, builder.Now + TimeSpan.FromDays(1)), (supervised.Type, supervised.UnitId, supervised.DetailAtUtc));
    }

    [Fact]
    public void Supervise_NoNote_IsRefusedAndLeavesTheCaseUnchanged()
    {
        var builder = In(CaseState.InProgress);
        var c = builder.Build();

        Expect.Invalid(c, "Required", "note", () => c.Supervise(" ", null, Org.Dispatcher, builder.Now));
        Assert.False(c.IsSupervised);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(30 * 24 * 60 + 1)]
    public void Supervise_ReplyDeadlineNotAheadOrTooFar_IsRefused(int minutesAhead)
    {
        var builder = In(CaseState.InProgress);
        var c = builder.Build();

        Expect.Invalid(c, "ReplyDueOutOfRange", "replyDueUtc",
            () => c.Supervise("Hurry", builder.Now.AddMinutes(minutesAhead), Org.Dispatcher, builder.Now));
    }

    [Fact]
    public void Supervise_WhileOneIsOpen_ReplacesItAndCounts()
    {
        var builder = In(CaseState.InProgress);
        var c = builder.Build();
        c.Supervise("First", null, Org.Dispatcher, builder.Now);

        c.Supervise("Second", builder.Now.AddHours(2), Org.Dispatcher, builder.Now.AddMinutes(5));

        Assert.Equal((2, "Second", builder.Now.AddHours(2)), (c.SupervisionCount, c.Supervision!.Note, c.Supervision.ReplyDueUtc));
        Assert.True(c.NextTimerAtUtc <= builder.Now.AddHours(2));
    }

    [Theory]
    [InlineData(CaseState.Dispatched)]
    [InlineData(CaseState.InProgress)]
    public void AnswerSupervision_Open_EndsItAndKeepsTheAnswerOnTheCase(CaseState state)
    {
        var builder = In(state);
        var c = builder.Build();
        c.Supervise("Why so slow?", null, Org.Dispatcher, builder.Now);
        var at = builder.Now.AddMinutes(30);

        c.AnswerSupervision("Crew arrives at two", Holder, at);

        Assert.False(c.IsSupervised);
        Assert.Equal(1, c.SupervisionCount);
        Assert.Equal((at, Holder.Name, "Crew arrives at two"), (c.Supervision!.AnsweredAtUtc!.Value, c.Supervision.AnsweredBy, c.Supervision.Answer));
        Assert.Equal((CaseEventType.SupervisionAnswered, state, "Crew arrives at two"), (c.Timeline[^1].Type, c.Timeline[^1].ToState, c.Timeline[^1].Note));
        Expect.Refused(c, "NoOpenSupervision", () => c.AnswerSupervision("Again", Holder, at));
    }

    [Fact]
    public void AnswerSupervision_NoneOpen_IsRefused()
    {
        var builder = In(CaseState.InProgress);
        var c = builder.Build();

        Assert.Equal("NoOpenSupervision", c.WhyNot(CaseCommand.AnswerSupervision, builder.Now)?.Code);
        Expect.Refused(c, "NoOpenSupervision", () => c.AnswerSupervision("Nothing to answer", Holder, builder.Now));
    }

    [Fact]
    public void AnswerSupervision_EmptyAnswer_IsRefused()
    {
        var builder = In(CaseState.InProgress);
        var c = builder.Build();
        c.Supervise("Why so slow?", null, Org.Dispatcher, builder.Now);

        Expect.Invalid(c, "Required", "answer", () => c.AnswerSupervision("", Holder, builder.Now));
        Assert.True(c.IsSupervised);
    }

    [Fact]
    public void Escalate_WhileSupervised_EndsItSoTheNextUnitDoesNotInheritIt()
    {
        var builder = In(CaseState.InProgress);
        var c = builder.Build();
        c.Supervise("Why so slow?", null, Org.Dispatcher, builder.Now);

        c.Escalate("Beyond the property company", Org.Dispatcher, builder.Now.AddMinutes(1), Org.Rules);

        Assert.Equal((false, null, 1), (c.IsSupervised, c.Supervision, c.SupervisionCount));
    }

    [Fact]
    public void Return_WhileSupervised_EndsIt()
    {
        var builder = In(CaseState.Dispatched);
        var c = builder.Build();
        c.Supervise("Sign it now", null, Org.Dispatcher, builder.Now);

        c.Return(ReturnReason.JurisdictionMismatch, null, Holder, builder.Now.AddMinutes(1), Org.Rules);

        Assert.False(c.IsSupervised);
        Assert.Null(c.Supervision);
    }

    [Fact]
    public void ReportDone_WhileSupervised_EndsIt()
    {
        var builder = In(CaseState.InProgress);
        var c = builder.Build();
        c.Supervise("Why so slow?", null, Org.Dispatcher, builder.Now);

        c.ReportDone("Cleared", null, Holder, builder.Now.AddMinutes(1), Org.Rules);

        Assert.False(c.IsSupervised);
    }

    [Fact]
    public void Rate_SupervisedWhileWaitingForTheRating_TheClosedCaseIsNotSupervised()
    {
        var builder = In(CaseState.PendingEvaluation);
        var c = builder.Build();
        c.Supervise("Call the reporter back", null, Org.Dispatcher, builder.Now);

        c.Rate(Rating.Satisfied, null, RatingSource.Revisit, Org.Dispatcher, builder.Now.AddMinutes(1), Org.Rules);

        Assert.Equal((CaseState.Closed, false, 1), (c.State, c.IsSupervised, c.SupervisionCount));
    }

    [Fact]
    public void FireDueTimers_ReplyDeadlinePassesUnanswered_RecordsSupervisionOverdueOnceAtTheDeadline()
    {
        // No clock runs while the case waits for dispatch: the reply deadline is the only timer.
        var builder = In(CaseState.PendingDispatch);
        var c = builder.Build();
        var due = builder.Now.AddHours(2);
        c.Supervise("Dispatch it today", due, Org.Dispatcher, builder.Now);

        Assert.Equal(due, c.NextTimerAtUtc);
        Assert.Equal(0, c.FireDueTimers(due - Moment, Timer, Org.Rules));
        Assert.Equal(1, c.FireDueTimers(due, Timer, Org.Rules));

        Assert.Equal((CaseEventType.SupervisionOverdue, Timer.Name), (c.Timeline[^1].Type, c.Timeline[^1].ActorName));
        Assert.Equal((due, true), (c.Supervision!.OverdueAtUtc!.Value, c.IsSupervised));
        Assert.Null(c.NextTimerAtUtc);
        Assert.Equal(0, c.FireDueTimers(due.AddDays(3), Timer, Org.Rules));
    }

    [Fact]
    public void FireDueTimers_AnsweredBeforeTheReplyDeadline_RecordsNothing()
    {
        var builder = In(CaseState.PendingDispatch);
        var c = builder.Build();
        var due = builder.Now.AddHours(2);
        c.Supervise("Dispatch it today", due, Org.Dispatcher, builder.Now);
        c.Dispatch(Org.Property, [], new DeadlineRules(new PolicyTable([]), Org.Rules.Calendar), Org.Dispatcher, builder.Now.AddMinutes(1));
        c.AnswerSupervision("Dispatched", Holder, builder.Now.AddMinutes(2));
        c.Sign(Holder, builder.Now.AddMinutes(3), Org.Rules);

        Assert.NotEqual(due, c.NextTimerAtUtc);
        c.FireDueTimers(due, Timer, Org.Rules);
        Assert.DoesNotContain(c.Timeline, e => e.Type == CaseEventType.SupervisionOverdue);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FireDueTimers_OverdueAtDistrictLevel_SupervisesOnlyWhenThePolicySaysSo(bool autoSupervise)
    {
        var rules = RulesWith(District(autoSupervise));
        var start = Clock.Start;
        var c = DispatchedAt(start, rules, HandlingLevel.District);
        c.Sign(Org.LiaisonOf(c.CurrentUnitId!.Value), start, rules);
        var deadline = start + TimeSpan.FromHours(12);
        Assert.Equal(deadline, c.Clock.HandlingDeadlineUtc);

        c.FireDueTimers(deadline, Timer, Org.Rules);

        Assert.Equal(autoSupervise, c.IsSupervised);
        if (autoSupervise)
        {
            Assert.Equal([CaseEventType.Overdue, CaseEventType.Supervised], c.Timeline.TakeLast(2).Select(e => e.Type));
            var supervised = c.Timeline[^1];
            Assert.Equal((Timer.Name, "AutoSupervision.HandlingOverdue", deadline + TimeSpan.FromDays(1)), (supervised.ActorName, supervised.Detail, supervised.DetailAtUtc));
            Assert.Equal((1, AutoSupervision.HandlingOverdue, (string?)null), (c.SupervisionCount, c.Supervision!.Automatic, c.Supervision.Note));
            Assert.Equal(deadline + TimeSpan.FromDays(1), c.NextTimerAtUtc);
        }
        else
        {
            Assert.Equal(CaseEventType.Overdue, c.Timeline[^1].Type);
            Assert.Equal(0, c.SupervisionCount);
        }
    }

    [Fact]
    public void FireDueTimers_OverdueWhileAlreadySupervised_OpensNoSecond()
    {
        var rules = RulesWith(District(autoSupervise: true));
        var start = Clock.Start;
        var c = DispatchedAt(start, rules, HandlingLevel.District);
        c.Sign(Org.LiaisonOf(c.CurrentUnitId!.Value), start, rules);
        c.Supervise("Hurry", start.AddDays(2), Org.Dispatcher, start.AddHours(11));

        c.FireDueTimers(start.AddHours(12), Timer, Org.Rules);

        Assert.Equal((1, "Hurry"), (c.SupervisionCount, c.Supervision!.Note));
        Assert.Equal(CaseEventType.Overdue, c.Timeline[^1].Type);
    }

    [Fact]
    public void FireDueTimers_SignForMissedUnderARemindPolicy_Supervises()
    {
        var policy = TimePolicy.Create(100, Org.Group.Code, null, HandlingLevel.Courtyard,
            TimeSpan.FromMinutes(20), TimeSpan.FromHours(12), 0.5, TimeBasis.Calendar, SignForLapse.Remind);
        var c = DispatchedAt(Clock.Start, RulesWith(policy));

        c.FireDueTimers(Clock.Start.AddMinutes(20), Timer, Org.Rules);

        Assert.Equal([CaseEventType.SignOverdue, CaseEventType.Supervised], c.Timeline.TakeLast(2).Select(e => e.Type));
        Assert.Equal((true, AutoSupervision.SignForOverdue), (c.IsSupervised, c.Supervision!.Automatic));
    }

    /// <summary>市容环境 at district level: 20 minutes to sign, 12 hours to handle, calendar time.</summary>
    private static TimePolicy District(bool autoSupervise) => TimePolicy.Create(
        100, Org.Group.Code, null, HandlingLevel.District, TimeSpan.FromMinutes(20), TimeSpan.FromHours(12), 0.5, TimeBasis.Calendar,
        SignForLapse.ReturnToDispatch, autoSupervise);

    private static DeadlineRules RulesWith(TimePolicy policy) => new(new PolicyTable([policy]), Org.Rules.Calendar);
}
