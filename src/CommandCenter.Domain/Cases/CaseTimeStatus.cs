using System.Linq.Expressions;

namespace CommandCenter.Domain.Cases;

/// <summary>Where a case stands against the clock of its current stage.</summary>
public enum TimeStatus
{
    /// <summary>No clock runs in this state (waiting for the desk, done, closed), or the case is deferred (缓办).</summary>
    NoClock,
    OnTime,
    /// <summary>预警: the warning share of the handling limit has passed (yellow).</summary>
    Warning,
    /// <summary>The sign-for deadline (已派遣) or the handling deadline (处置中) has passed (red).</summary>
    Overdue,
}

/// <summary>
/// The one rule for a case's <see cref="TimeStatus"/>: as a function for a case in hand or a row
/// already read, and as an expression for a query that filters by it. A test holds the two together.
/// </summary>
public static class CaseTimeStatus
{
    public static TimeStatus Of(Case c, DateTime nowUtc) =>
        Of(c.State, c.Clock.IsDeferred, c.Clock.SignDeadlineUtc, c.Clock.WarningAtUtc, c.Clock.HandlingDeadlineUtc, nowUtc);

    public static TimeStatus Of(
        CaseState state, bool isDeferred, DateTime? signDeadlineUtc, DateTime? warningAtUtc, DateTime? handlingDeadlineUtc, DateTime nowUtc) => state switch
    {
        CaseState.Dispatched when signDeadlineUtc is { } sign => sign <= nowUtc ? TimeStatus.Overdue : TimeStatus.OnTime,
        CaseState.InProgress when !isDeferred && handlingDeadlineUtc is { } deadline =>
            deadline <= nowUtc ? TimeStatus.Overdue : warningAtUtc <= nowUtc ? TimeStatus.Warning : TimeStatus.OnTime,
        _ => TimeStatus.NoClock,
    };

    /// <summary>The cases whose status at <paramref name="nowUtc"/> is <paramref name="status"/>, for a query the database answers.</summary>
    public static Expression<Func<Case, bool>> Is(TimeStatus status, DateTime nowUtc) => status switch
    {
        TimeStatus.Overdue => c =>
            c.State == CaseState.Dispatched && c.Clock.SignDeadlineUtc <= nowUtc
            || c.State == CaseState.InProgress && !c.Clock.IsDeferred && c.Clock.HandlingDeadlineUtc <= nowUtc,
        TimeStatus.Warning => c =>
            c.State == CaseState.InProgress && !c.Clock.IsDeferred && c.Clock.HandlingDeadlineUtc > nowUtc && c.Clock.WarningAtUtc <= nowUtc,
        TimeStatus.OnTime => c =>
            c.State == CaseState.Dispatched && c.Clock.SignDeadlineUtc > nowUtc
            || c.State == CaseState.InProgress && !c.Clock.IsDeferred && c.Clock.HandlingDeadlineUtc > nowUtc
                && (c.Clock.WarningAtUtc == null || c.Clock.WarningAtUtc > nowUtc),
        TimeStatus.NoClock => c =>
            !(c.State == CaseState.Dispatched && c.Clock.SignDeadlineUtc != null
              || c.State == CaseState.InProgress && !c.Clock.IsDeferred && c.Clock.HandlingDeadlineUtc != null),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
