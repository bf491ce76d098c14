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
/// <param name="Dispatched">Dispatches made in the period (to the area's cases, or received by the unit): 12345's 响应率 denominator.</param>
/// <param name="RespondedInTime">Among <paramref name="Dispatched"/>, signed for by the sign-for deadline.</param>
/// <param name="Resolved">Among <paramref name="Closed"/>, never rated 不满意 (解决).</param>
/// <param name="SignedRounds">Rounds signed for in the period.</param>
/// <param name="SignForTime">Their working time from dispatch to signing, in total.</param>
/// <param name="HandledRounds">Rounds reported done in the period.</param>
/// <param name="HandlingTime">Their working time from signing (or the rework's start) to 办结, in total.</param>
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
    int OverdueOpen,
    int Dispatched,
    int RespondedInTime,
    int Resolved,
    int SignedRounds,
    TimeSpan SignForTime,
    int HandledRounds,
    TimeSpan HandlingTime)
{
    /// <summary>All zero; build counts as <c>None with { … }</c>, so a count added later breaks no caller.</summary>
    public static IndicatorCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, TimeSpan.Zero, 0, TimeSpan.Zero);

    /// <summary>Counts of two disjoint sets together (e.g. a unit's ended rounds and its open one).</summary>
    public IndicatorCounts Plus(IndicatorCounts other) => new(
        Registered + other.Registered, Due + other.Due, Closed + other.Closed, ClosedOnTime + other.ClosedOnTime,
        Deferred + other.Deferred, Reworked + other.Reworked, UrgentDue + other.UrgentDue,
        UrgentClosedOnTime + other.UrgentClosedOnTime, UrgentDeferred + other.UrgentDeferred, Returned + other.Returned,
        Satisfied + other.Satisfied, BasicallySatisfied + other.BasicallySatisfied, Unsatisfied + other.Unsatisfied,
        DefaultSatisfied + other.DefaultSatisfied, Escalations + other.Escalations, OverdueOpen + other.OverdueOpen,
        Dispatched + other.Dispatched, RespondedInTime + other.RespondedInTime, Resolved + other.Resolved,
        SignedRounds + other.SignedRounds, SignForTime + other.SignForTime, HandledRounds + other.HandledRounds, HandlingTime + other.HandlingTime);

    /// <summary>The count an <see cref="Indicator"/> names (the figure a drill-down opens).</summary>
    public int Of(Indicator indicator) => indicator switch
    {
        Indicator.Registered => Registered,
        Indicator.Due => Due,
        Indicator.Closed => Closed,
        Indicator.ClosedOnTime => ClosedOnTime,
        Indicator.Deferred => Deferred,
        Indicator.Reworked => Reworked,
        Indicator.UrgentDue => UrgentDue,
        Indicator.UrgentClosedOnTime => UrgentClosedOnTime,
        Indicator.UrgentDeferred => UrgentDeferred,
        Indicator.Returned => Returned,
        Indicator.Satisfied => Satisfied,
        Indicator.BasicallySatisfied => BasicallySatisfied,
        Indicator.Unsatisfied => Unsatisfied,
        Indicator.DefaultSatisfied => DefaultSatisfied,
        Indicator.Escalations => Escalations,
        Indicator.OverdueOpen => OverdueOpen,
        Indicator.Dispatched => Dispatched,
        Indicator.RespondedInTime => RespondedInTime,
        Indicator.Resolved => Resolved,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
    };
}
