namespace CommandCenter.Domain.Assessment.Scoring;

/// <summary>What a scheme can weigh: the 立案数 through its count bands, every other one as its rate.</summary>
public enum ScoreIndicator
{
    /// <summary>
    /// 立案数分值: the count of cases (area), dispatches received (unit), dispatches made (dispatcher) or cases
    /// reported (grid worker), scored by the scheme's count bands.
    /// </summary>
    RegisteredCount,
    ClosureRate,
    OnTimeRate,
    UrgentOnTimeRate,
    ReworkRate,
    SatisfactionRate,
    /// <summary>A unit's returns of the dispatches it received; a dispatcher's dispatches the units returned.</summary>
    ReturnRate,
    /// <summary>A dispatcher's dispatches made before the dispatch limit.</summary>
    DispatchOnTimeRate,
    /// <summary>A grid worker's verifications (核查) done before the verification limit.</summary>
    VerificationOnTimeRate,
    /// <summary>A grid worker's reports the desk refused as invalid (不予受理).</summary>
    InvalidReportRate,
}

/// <summary>What a scheme scores: the count its bands score and a rate per indicator (null: nothing to divide, or not this kind's).</summary>
public interface IScoreFigures
{
    int Counted { get; }

    Rate? RateOf(ScoreIndicator indicator);
}

/// <summary>Whether more of an indicator raises the score or lowers it.</summary>
public enum ScoreDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>The grades a score falls in; <see cref="E"/> is everything below the D band.</summary>
public enum Grade
{
    A,
    B,
    C,
    D,
    E,
}

/// <summary>One weighed indicator: its share of the score in percent and which way is better.</summary>
public sealed record IndicatorWeight(ScoreIndicator Indicator, int WeightPercent, ScoreDirection Direction);

/// <summary>A count band of 立案数分值: a count of at least <paramref name="AtLeast"/> scores <paramref name="Points"/> (0–100).</summary>
public sealed record CountBand(int AtLeast, decimal Points);

/// <summary>The lowest score of each grade above E (A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40 by default).</summary>
public sealed record GradeBands(decimal A, decimal B, decimal C, decimal D)
{
    public static GradeBands Default { get; } = new(90, 75, 60, 40);

    public Grade Of(decimal score) => score >= A ? Grade.A : score >= B ? Grade.B : score >= C ? Grade.C : score >= D ? Grade.D : Grade.E;
}
