namespace CommandCenter.Domain.Assessment;

/// <summary>The counts of <see cref="IndicatorCounts"/> that can be opened to the cases behind them (drill-down).</summary>
public enum Indicator
{
    Registered,
    Due,
    Closed,
    ClosedOnTime,
    Deferred,
    Reworked,
    UrgentDue,
    UrgentClosedOnTime,
    UrgentDeferred,
    Returned,
    Satisfied,
    BasicallySatisfied,
    Unsatisfied,
    DefaultSatisfied,
    Escalations,
    OverdueOpen,
    Dispatched,
    RespondedInTime,
    Resolved,
}
