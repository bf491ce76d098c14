using System.Linq.Expressions;

namespace CommandCenter.Domain.Cases;

/// <summary>Where a case stands against the clock of its current stage.</summary>
public enum TimeStatus
{
    /// <summary>No clock runs: the stage has no limit, the case is done or closed, or it is deferred (缓办).</summary>
    NoClock,
    OnTime,
    /// <summary>预警: the warning share of the stage's limit has passed (yellow).</summary>
    Warning,
    /// <summary>The stage's deadline has passed: to be taken in, dispatched, signed, handled or checked (red).</summary>
    Overdue,
}

/// <summary>
/// The one rule for a case's <see cref="TimeStatus"/>: as a function for a case in hand or a row
/// already read, and as an expression for a query that filters by it. A test holds the two together.
/// The stage's clock is the waiting clock in 待受理, 待派遣 and 待核查 (<see cref="WaitClock"/>), the
/// sign-for deadline in 已派遣 and the handling deadline in 处置中.
/// </summary>
public static class CaseTimeStatus
{
    public static TimeStatus Of(Case c, DateTime nowUtc) => Of(c.State, new StageTimes(
        c.Clock.IsDeferred, c.Clock.SignDeadlineUtc, c.Clock.WarningAtUtc, c.Clock.HandlingDeadlineUtc, c.Wait.WarningAtUtc, c.Wait.DeadlineUtc), nowUtc);

    public static TimeStatus Of(CaseState state, StageTimes times, DateTime nowUtc) => state switch
    {
        CaseState.Dispatched when times.SignDeadlineUtc is { } sign => sign <= nowUtc ? TimeStatus.Overdue : TimeStatus.OnTime,
        CaseState.InProgress when !times.IsDeferred && times.HandlingDeadlineUtc is { } deadline => Against(deadline, times.WarningAtUtc, nowUtc),
        CaseState.Reported or CaseState.PendingDispatch or CaseState.PendingVerification when times.WaitDeadlineUtc is { } wait =>
            Against(wait, times.WaitWarningAtUtc, nowUtc),
        _ => TimeStatus.NoClock,
    };

    /// <summary>The cases whose status at <paramref name="nowUtc"/> is <paramref name="status"/>, for a query the database answers.</summary>
    public static Expression<Func<Case, bool>> Is(TimeStatus status, DateTime nowUtc) => status switch
    {
        TimeStatus.Overdue => c =>
            c.State == CaseState.Dispatched && c.Clock.SignDeadlineUtc <= nowUtc
            || c.State == CaseState.InProgress && !c.Clock.IsDeferred && c.Clock.HandlingDeadlineUtc <= nowUtc
            || (c.State == CaseState.Reported || c.State == CaseState.PendingDispatch || c.State == CaseState.PendingVerification) && c.Wait.DeadlineUtc <= nowUtc,
        TimeStatus.Warning => c =>
            c.State == CaseState.InProgress && !c.Clock.IsDeferred && c.Clock.HandlingDeadlineUtc > nowUtc && c.Clock.WarningAtUtc <= nowUtc
            || (c.State == CaseState.Reported || c.State == CaseState.PendingDispatch || c.State == CaseState.PendingVerification) && c.Wait.DeadlineUtc > nowUtc && c.Wait.WarningAtUtc <= nowUtc,
        TimeStatus.OnTime => c =>
            c.State == CaseState.Dispatched && c.Clock.SignDeadlineUtc > nowUtc
            || c.State == CaseState.InProgress && !c.Clock.IsDeferred && c.Clock.HandlingDeadlineUtc > nowUtc
                && (c.Clock.WarningAtUtc == null || c.Clock.WarningAtUtc > nowUtc)
            || (c.State == CaseState.Reported || c.State == CaseState.PendingDispatch || c.State == CaseState.PendingVerification) && c.Wait.DeadlineUtc > nowUtc && (c.Wait.WarningAtUtc == null || c.Wait.WarningAtUtc > nowUtc),
        TimeStatus.NoClock => c =>
            !(c.State == CaseState.Dispatched && c.Clock.SignDeadlineUtc != null
              || c.State == CaseState.InProgress && !c.Clock.IsDeferred && c.Clock.HandlingDeadlineUtc != null
              || (c.State == CaseState.Reported || c.State == CaseState.PendingDispatch || c.State == CaseState.PendingVerification) && c.Wait.DeadlineUtc != null),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static TimeStatus Against(DateTime deadlineUtc, DateTime? warningAtUtc, DateTime nowUtc) =>
        deadlineUtc <= nowUtc ? TimeStatus.Overdue : warningAtUtc <= nowUtc ? TimeStatus.Warning : TimeStatus.OnTime;
}

/// <summary>The deadlines a case's time status is read from, as a screen's row carries them.</summary>
public sealed record StageTimes(
    bool IsDeferred, DateTime? SignDeadlineUtc, DateTime? WarningAtUtc, DateTime? HandlingDeadlineUtc, DateTime? WaitWarningAtUtc, DateTime? WaitDeadlineUtc);
