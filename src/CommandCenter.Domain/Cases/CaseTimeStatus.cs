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
    public static TimeStatus Of(Case c, DateTime nowUtc) => Of(c.State, StageTimes.Of(c), nowUtc);

    public static TimeStatus Of(CaseState state, StageTimes times, DateTime nowUtc) =>
        DeadlineOf(state, times) is { } deadline
            ? deadline <= nowUtc ? TimeStatus.Overdue : WarningOf(state, times) <= nowUtc ? TimeStatus.Warning : TimeStatus.OnTime
            : TimeStatus.NoClock;

    /// <summary>The deadline of the clock a case in <paramref name="state"/> runs on; null when none runs.</summary>
    public static DateTime? DeadlineOf(CaseState state, StageTimes times) => state switch
    {
        CaseState.Dispatched => times.SignDeadlineUtc,
        CaseState.InProgress when !times.IsDeferred => times.HandlingDeadlineUtc,
        CaseState.Reported or CaseState.PendingDispatch or CaseState.PendingVerification => times.WaitDeadlineUtc,
        _ => null,
    };

    /// <summary>When that clock turns to 预警; null when it has no warning (sign-for has none) or no clock runs.</summary>
    public static DateTime? WarningOf(CaseState state, StageTimes times) => state switch
    {
        CaseState.InProgress when !times.IsDeferred => times.WarningAtUtc,
        CaseState.Reported or CaseState.PendingDispatch or CaseState.PendingVerification => times.WaitWarningAtUtc,
        _ => null,
    };

    /// <summary>The next moment after <paramref name="nowUtc"/> at which the status changes by time alone; null when it never will.</summary>
    public static DateTime? NextChangeAfter(CaseState state, StageTimes times, DateTime nowUtc) =>
        new[] { WarningOf(state, times), DeadlineOf(state, times) }.Where(t => t > nowUtc).Min();

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
}

/// <summary>The deadlines a case's time status is read from, as a screen's row carries them.</summary>
public sealed record StageTimes(
    bool IsDeferred, DateTime? SignDeadlineUtc, DateTime? WarningAtUtc, DateTime? HandlingDeadlineUtc, DateTime? WaitWarningAtUtc, DateTime? WaitDeadlineUtc)
{
    /// <summary>No clock at all: a case no dispatch or waiting stage has timed.</summary>
    public static StageTimes None { get; } = new(false, null, null, null, null, null);

    public static StageTimes Of(Case c) => new(
        c.Clock.IsDeferred, c.Clock.SignDeadlineUtc, c.Clock.WarningAtUtc, c.Clock.HandlingDeadlineUtc, c.Wait.WarningAtUtc, c.Wait.DeadlineUtc);
}
