using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Domain.Tests.Builders;
using static CommandCenter.Domain.Tests.Builders.CaseBuilder;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>
/// The stages that wait for the street itself (issue 13): 待受理, 待派遣 and 待核查 each run the limit the
/// policy sets at the case's level, warn at its share, fire once at the limit, and stop when the case moves on.
/// A 一般 courtyard case of group 01 under a calendar policy: 1 hour to accept, 2 to dispatch, 8 to verify, warning at half.
/// </summary>
public class WaitClockTests
{
    private static readonly Actor Timer = Actor.System(ActSource.Timer);
    private static readonly DateTime T0 = Clock.Start;

    private static readonly DeadlineRules Rules = new(new PolicyTable(
    [
        TimePolicy.Create(1, Org.Group.Code, null, HandlingLevel.Courtyard, TimeSpan.FromMinutes(30), TimeSpan.FromHours(24), 0.5, TimeBasis.Calendar,
            waiting: new WaitingLimits(TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(8))),
        TimePolicy.Create(2, Org.Group.Code, null, HandlingLevel.Community, TimeSpan.FromMinutes(30), TimeSpan.FromHours(48), 0.5, TimeBasis.Calendar,
            waiting: new WaitingLimits(null, TimeSpan.FromHours(3), null)),
    ]), Org.Rules.Calendar);

    [Fact]
    public void Reported_WaitsForAcceptance_WarnsAtHalf_IsOverdueOnceAtTheLimit()
    {
        var c = Reported();

        Assert.Equal((CaseState.Reported, T0, T0.AddMinutes(30), T0.AddHours(1)),
            (c.Wait.Stage!.Value, c.Wait.StartedAtUtc!.Value, c.Wait.WarningAtUtc!.Value, c.Wait.DeadlineUtc!.Value));
        Assert.Equal(T0.AddHours(1), c.NextTimerAtUtc);
        Assert.Equal(TimeStatus.Warning, CaseTimeStatus.Of(c, T0.AddMinutes(30)));

        Assert.Equal(0, c.FireDueTimers(T0.AddHours(1).AddSeconds(-1), Timer, Rules));
        Assert.Equal(1, c.FireDueTimers(T0.AddHours(5), Timer, Rules));
        Assert.Equal(0, c.FireDueTimers(T0.AddDays(5), Timer, Rules));

        Assert.Equal((CaseEventType.AcceptanceOverdue, CaseState.Reported, T0.AddHours(5)), (c.Timeline[^1].Type, c.State, c.Wait.OverdueAtUtc!.Value));
        Assert.Equal(TimeStatus.Overdue, CaseTimeStatus.Of(c, T0.AddHours(5)));
    }

    [Fact]
    public void Accepted_StopsTheAcceptanceClock_AndStartsTheDispatchClock()
    {
        var c = Reported();
        var accepted = T0.AddMinutes(40);

        c.Accept(Org.Dispatcher, accepted, Rules);

        Assert.Equal((CaseState.PendingDispatch, accepted.AddHours(2)), (c.Wait.Stage!.Value, c.Wait.DeadlineUtc!.Value));
        Assert.Null(c.Wait.OverdueAtUtc);
        c.FireDueTimers(accepted.AddHours(2), Timer, Rules);
        Assert.Equal(CaseEventType.DispatchOverdue, c.Timeline[^1].Type);
    }

    [Fact]
    public void Dispatched_HasNoWaitingClock_ItsOwnClockRuns()
    {
        var c = Reported();
        c.Accept(Org.Dispatcher, T0, Rules);

        c.Dispatch(Org.Property, [], Rules, Org.Dispatcher, T0.AddMinutes(5));

        Assert.Equal(WaitClock.None, c.Wait);
        Assert.Equal(c.Clock.SignDeadlineUtc, c.NextTimerAtUtc);
    }

    [Fact]
    public void ReportedDone_WaitsForVerification_UntilVerified()
    {
        var c = Reported();
        c.Accept(Org.Dispatcher, T0, Rules);
        c.Dispatch(Org.Property, [], Rules, Org.Dispatcher, T0);
        c.Sign(Org.Dispatcher, T0, Rules);
        var done = T0.AddHours(3);

        c.ReportDone("Cleared", null, Org.Dispatcher, done, Rules);

        Assert.Equal((CaseState.PendingVerification, done.AddHours(8)), (c.Wait.Stage!.Value, c.Wait.DeadlineUtc!.Value));
        c.Verify(true, null, Org.Dispatcher, done.AddHours(1), Rules);
        Assert.Equal(WaitClock.None, c.Wait);
    }

    [Fact]
    public void EscalatedToALevelWhosePolicySetsNoDispatchLimit_StillGetsTheNewLevelsLimit_OrNoneAtAll()
    {
        var c = Reported();
        c.Accept(Org.Dispatcher, T0, Rules);
        var escalated = T0.AddMinutes(10);

        c.Escalate("Beyond the courtyard", Org.Dispatcher, escalated, Rules);

        Assert.Equal((CaseState.PendingDispatch, escalated.AddHours(3)), (c.Wait.Stage!.Value, c.Wait.DeadlineUtc!.Value));
        c.Escalate("Beyond the community", Org.Dispatcher, escalated.AddMinutes(1), Rules);
        Assert.Equal(WaitClock.None, c.Wait);
        Assert.Null(c.NextTimerAtUtc);
    }

    [Fact]
    public void Supervised_WhileWaiting_KeepsTheClockRunning()
    {
        var c = Reported();
        c.Accept(Org.Dispatcher, T0, Rules);
        var deadline = c.Wait.DeadlineUtc;

        c.Supervise("Dispatch it now", null, Org.Dispatcher, T0.AddMinutes(5));

        Assert.Equal(deadline, c.Wait.DeadlineUtc);
    }

    private static Case Reported() => CaseBuilder.Report(nowUtc: T0) is var template
        ? Case.Report(template.Number + "W", Org.StreetId, Channel.Hotline, Org.Item, Urgency.Normal, Org.Courtyard, null,
            "Rubbish piled up by the east gate", null, null, null, Org.Dispatcher, T0, Rules)
        : throw new InvalidOperationException();
}
