using CommandCenter.Domain.Assessment.Scoring;

namespace CommandCenter.Domain.Assessment;

/// <summary>
/// The rates of 一网评效 (DESIGN §5), written once: every page, API and the wall compute them here.
/// </summary>
/// <param name="DefaultSatisfiedCounts">The street's setting: 默认满意 counts as satisfied in 满意率 (off by default).</param>
public sealed record Indicators(IndicatorCounts Counts, bool DefaultSatisfiedCounts = false) : IScoreFigures
{
    /// <summary>立案数分值 counts the cases registered (a unit: the dispatches it received).</summary>
    public int Counted => Counts.Registered;

    public Rate? RateOf(ScoreIndicator indicator) => indicator switch
    {
        ScoreIndicator.ClosureRate => ClosureRate,
        ScoreIndicator.OnTimeRate => OnTimeRate,
        ScoreIndicator.UrgentOnTimeRate => UrgentOnTimeRate,
        ScoreIndicator.ReworkRate => ReworkRate,
        ScoreIndicator.SatisfactionRate => SatisfactionRate,
        ScoreIndicator.ReturnRate => ReturnRate,
        _ => null,
    };

    /// <summary>结案率 = 结案 ÷ 应结案.</summary>
    public Rate? ClosureRate => Rate.Of(Counts.Closed, Counts.Due);

    /// <summary>按期结案率 = 按期结案 ÷ (应结案 − 缓办).</summary>
    public Rate? OnTimeRate => Rate.Of(Counts.ClosedOnTime, Counts.Due - Counts.Deferred);

    /// <summary>Urgent on-time rate: the same formula over urgent and critical cases.</summary>
    public Rate? UrgentOnTimeRate => Rate.Of(Counts.UrgentClosedOnTime, Counts.UrgentDue - Counts.UrgentDeferred);

    /// <summary>返工率 = 返工 ÷ 应结案.</summary>
    public Rate? ReworkRate => Rate.Of(Counts.Reworked, Counts.Due);

    /// <summary>
    /// 满意率 = (满意 + 基本满意) ÷ (满意 + 基本满意 + 不满意), over the ratings given in the period;
    /// 默认满意 joins numerator and denominator only when the street's setting says so.
    /// </summary>
    public Rate? SatisfactionRate
    {
        get
        {
            var satisfied = Counts.Satisfied + Counts.BasicallySatisfied + (DefaultSatisfiedCounts ? Counts.DefaultSatisfied : 0);
            return Rate.Of(satisfied, satisfied + Counts.Unsatisfied);
        }
    }

    /// <summary>退单率 = 退单 ÷ 立案 (for a unit: returns ÷ dispatches received).</summary>
    public Rate? ReturnRate => Rate.Of(Counts.Returned, Counts.Registered);

    /// <summary>响应率 as 12345 reports it = dispatches signed for by the sign-for deadline ÷ dispatches made.</summary>
    public Rate? ResponseRate => Rate.Of(Counts.RespondedInTime, Counts.Dispatched);

    /// <summary>解决率 as 12345 reports it = closed cases never rated 不满意 ÷ closed cases (docs/decisions/0006).</summary>
    public Rate? ResolutionRate => Rate.Of(Counts.Resolved, Counts.Closed);

    /// <summary>Average sign-for time in working time; null when nothing was signed.</summary>
    public TimeSpan? AverageSignForTime => Average(Counts.SignForTime, Counts.SignedRounds);

    /// <summary>Average handling time (signing to 办结) in working time; null when nothing was reported done.</summary>
    public TimeSpan? AverageHandlingTime => Average(Counts.HandlingTime, Counts.HandledRounds);

    private static TimeSpan? Average(TimeSpan total, int count) => count == 0 ? null : total / count;
}
