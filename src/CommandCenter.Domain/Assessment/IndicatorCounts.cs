namespace CommandCenter.Domain.Assessment;

/// <summary>
/// What is counted for one scope over one period (docs/decisions/0006 says exactly which cases or
/// rounds each count holds, for an area and for a unit). The rates are <see cref="Indicators"/>.
/// </summary>
/// <param name="Registered">立案: cases accepted (area), or dispatches received (unit).</param>
/// <param name="Due">应结案: whose closing fell due in the period, closed or not.</param>
/// <param name="Closed">结案: among <paramref name="Due"/>, closed (area) or reported done (unit).</param>
/// <param name="ClosedOnTime">按期结案: among <paramref name="Closed"/>, never late at any level.</param>
/// <param name="Deferred">缓办: among <paramref name="Due"/>, deferred; they leave the on-time denominator.</param>
/// <param name="Reworked">返工: among <paramref name="Due"/>, sent back for rework.</param>
/// <param name="UrgentDue">应结案 of urgency Urgent or Critical.</param>
/// <param name="UrgentClosedOnTime">按期结案 of urgency Urgent or Critical.</param>
/// <param name="UrgentDeferred">缓办 of urgency Urgent or Critical.</param>
/// <param name="Returned">退单 in the period.</param>
/// <param name="Satisfied">满意 ratings given in the period.</param>
/// <param name="BasicallySatisfied">基本满意 ratings given in the period.</param>
/// <param name="Unsatisfied">不满意 ratings given in the period, the ones that reopened a case included.</param>
/// <param name="DefaultSatisfied">默认满意: cases auto-closed in the period with nobody's rating.</param>
/// <param name="Escalations">Escalations in the period: of the area's cases, or caused by the unit.</param>
/// <param name="OverdueOpen">Among <paramref name="Due"/>, still open and past the deadline now.</param>
public sealed record IndicatorCounts(
    int Registered,
    int Due,
    int Closed,
    int ClosedOnTime,
    int Deferred,
    int Reworked,
    int UrgentDue,
    int UrgentClosedOnTime,
    int UrgentDeferred,
    int Returned,
    int Satisfied,
    int BasicallySatisfied,
    int Unsatisfied,
    int DefaultSatisfied,
    int Escalations,
    int OverdueOpen)
{
    public static IndicatorCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Counts of two disjoint sets together (e.g. a unit's ended rounds and its open one).</summary>
    public IndicatorCounts Plus(IndicatorCounts other) => new(
        Registered + other.Registered, Due + other.Due, Closed + other.Closed, ClosedOnTime + other.ClosedOnTime,
        Deferred + other.Deferred, Reworked + other.Reworked, UrgentDue + other.UrgentDue,
        UrgentClosedOnTime + other.UrgentClosedOnTime, UrgentDeferred + other.UrgentDeferred, Returned + other.Returned,
        Satisfied + other.Satisfied, BasicallySatisfied + other.BasicallySatisfied, Unsatisfied + other.Unsatisfied,
        DefaultSatisfied + other.DefaultSatisfied, Escalations + other.Escalations, OverdueOpen + other.OverdueOpen);
}
