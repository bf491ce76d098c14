using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Assessment.Scoring;

/// <summary>
/// How the units (or people) of one kind are scored and graded (综合指标值), and how long their 红黑榜 lists are.
/// Each saved change is a new <see cref="Revision"/>, so a score or a published list names the one it was
/// made with. A kind weighs only the figures it has (<see cref="ScoredKinds.Weighable"/>).
/// </summary>
/// <remarks>
/// A rate with nothing to divide (null: nothing due, no rating) is left out and the other weights count
/// in its place (renormalised), so a unit is judged by what it had to do, neither punished nor rewarded for
/// what it did not. A unit none of whose weighed rates has a value has no score: it is not ranked.
/// </remarks>
public sealed record ScoringScheme
{
    public const int MostBands = 20;
    public const int LongestList = 50;

    private ScoringScheme(ScoredKind kind, int revision, IReadOnlyList<IndicatorWeight> weights, IReadOnlyList<CountBand> countBands, GradeBands grades, int listSize)
    {
        (Kind, Revision, Weights, CountBands, Grades, ListSize) = (kind, revision, weights, countBands, grades, listSize);
    }

    public ScoredKind Kind { get; }
    public int Revision { get; }
    public IReadOnlyList<IndicatorWeight> Weights { get; }
    /// <summary>立案数分值 by count, ascending by <see cref="CountBand.AtLeast"/>; the first starts at 0.</summary>
    public IReadOnlyList<CountBand> CountBands { get; }
    public GradeBands Grades { get; }
    /// <summary>N of the 红黑榜: the top N and the bottom N of the kind.</summary>
    public int ListSize { get; }

    /// <summary>
    /// A scheme, refused whole when any part is invalid: weights of distinct indicators the kind has, each 1–100 %, summing to 100 %;
    /// count bands from 0 upwards, points 0–100, rising with the count (or falling, when 立案数 is weighed lower-is-better);
    /// grade bands descending within 0–100; a list size of 1 to <see cref="LongestList"/>.
    /// </summary>
    public static ScoringScheme Create(
        ScoredKind kind, int revision, IEnumerable<IndicatorWeight> weights, IEnumerable<CountBand> countBands, GradeBands grades, int listSize)
    {
        KnownValue.Of(kind, "kind");
        if (revision < 1) throw Invalid("InvalidRevision", "A revision counts from 1.", "revision");
        IndicatorWeight[] w = [.. weights];
        if (w.Length == 0) throw Invalid("NoWeights", "A scheme weighs at least one indicator.", "weights");
        foreach (var weight in w)
        {
            KnownValue.Of(weight.Indicator, "indicator");
            KnownValue.Of(weight.Direction, "direction");
            if (weight.WeightPercent is < 1 or > 100) throw Invalid("WeightOutOfRange", "Each weight is 1 to 100 %.", "weights");
            if (!ScoredKinds.Weighable(kind).Contains(weight.Indicator))
                throw Invalid("IndicatorNotOfKind", $"A {kind} scheme cannot weigh {weight.Indicator}.", "weights");
        }
        if (w.DistinctBy(x => x.Indicator).Count() != w.Length) throw Invalid("DuplicateIndicator", "Each indicator is weighed once.", "weights");
        if (w.Sum(x => x.WeightPercent) != 100) throw Invalid("WeightsNotHundred", "The weights sum to 100 %.", "weights");

        CountBand[] bands = [.. countBands];
        var counted = w.FirstOrDefault(x => x.Indicator == ScoreIndicator.RegisteredCount);
        if (counted is not null && bands.Length == 0) throw Invalid("CountBandsMissing", "立案数 is weighed by its count bands; give at least one.", "countBands");
        if (bands.Length > MostBands) throw Invalid("TooManyBands", $"At most {MostBands} count bands.", "countBands");
        if (bands.Length > 0 && bands[0].AtLeast != 0) throw Invalid("BandsOutOfOrder", "The first count band starts at 0.", "countBands");
        if (bands.Any(b => b.Points is < 0 or > 100)) throw Invalid("PointsOutOfRange", "A band scores 0 to 100 points.", "countBands");
        var sign = counted?.Direction == ScoreDirection.LowerIsBetter ? -1 : 1;
        if (bands.Zip(bands.Skip(1)).Any(p => p.Second.AtLeast <= p.First.AtLeast || sign * (p.Second.Points - p.First.Points) < 0))
            throw Invalid("BandsOutOfOrder", "Count bands rise by count, and their points follow the indicator's direction.", "countBands");

        if (grades.D < 0 || grades.A > 100 || !(grades.A > grades.B && grades.B > grades.C && grades.C > grades.D))
            throw Invalid("GradesOutOfOrder", "Grade bands descend from A to D within 0 to 100.", "grades");
        if (listSize is < 1 or > LongestList) throw Invalid("ListSizeOutOfRange", $"The 红黑榜 lists 1 to {LongestList} units each.", "listSize");
        return new(kind, revision, w, bands, grades, listSize);
    }

    /// <summary>
    /// The common defaults. A unit: 综合指标值 = 立案数分值 × 10 % + 结案率 × 30 % + 按期处置率 × 30 % + (1 − 返工率) × 30 %,
    /// 立案数分值 60 from the first case, 80 from 10, 90 from 30, 100 from 50. A dispatcher: dispatches × 20 % + 按时派遣率 × 40 %
    /// + (1 − 退单率) × 40 %; a grid worker: reports × 20 % + 按时核查率 × 40 % + (1 − 无效上报率) × 40 %, a person's count
    /// scoring 60 from the first, 80 from 20, 90 from 50, 100 from 100 (a desk handles more cases than a unit receives).
    /// A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40; 红黑榜 of 3.
    /// </summary>
    public static ScoringScheme Default(ScoredKind kind) => ScoredKinds.PersonOf(kind) switch
    {
        null => Create(kind, 1,
            [
                new(ScoreIndicator.RegisteredCount, 10, ScoreDirection.HigherIsBetter),
                new(ScoreIndicator.ClosureRate, 30, ScoreDirection.HigherIsBetter),
                new(ScoreIndicator.OnTimeRate, 30, ScoreDirection.HigherIsBetter),
                new(ScoreIndicator.ReworkRate, 30, ScoreDirection.LowerIsBetter),
            ],
            [new(0, 0), new(1, 60), new(10, 80), new(30, 90), new(50, 100)],
            GradeBands.Default,
            listSize: 3),
        var person => Create(kind, 1,
            [
                new(ScoreIndicator.RegisteredCount, 20, ScoreDirection.HigherIsBetter),
                person == PersonKind.Dispatcher
                    ? new(ScoreIndicator.DispatchOnTimeRate, 40, ScoreDirection.HigherIsBetter)
                    : new(ScoreIndicator.VerificationOnTimeRate, 40, ScoreDirection.HigherIsBetter),
                person == PersonKind.Dispatcher
                    ? new(ScoreIndicator.ReturnRate, 40, ScoreDirection.LowerIsBetter)
                    : new(ScoreIndicator.InvalidReportRate, 40, ScoreDirection.LowerIsBetter),
            ],
            [new(0, 0), new(1, 60), new(20, 80), new(50, 90), new(100, 100)],
            GradeBands.Default,
            listSize: 3),
    };

    /// <summary>The same scheme as the next revision (what a save stores).</summary>
    public ScoringScheme AsRevision(int revision) => Create(Kind, revision, Weights, CountBands, Grades, ListSize);

    /// <summary>The 综合指标值 of these counts (0–100, two decimals, half away from zero), or null when no weighed rate has a value.</summary>
    /// <param name="defaultSatisfiedCounts">The street's setting: whether 默认满意 counts as satisfied in 满意率.</param>
    public Score? Score(IndicatorCounts counts, bool defaultSatisfiedCounts = false) => Score(new Indicators(counts, defaultSatisfiedCounts));

    /// <summary>The 综合指标值 of a unit's or a person's figures, or null when no weighed rate has a value.</summary>
    public Score? Score(IScoreFigures figures)
    {
        var parts = Weights
            .Select(w => (w.Indicator, w.WeightPercent, Points: Points(w, figures)))
            .Where(p => p.Points is not null)
            .ToList();
        if (parts.All(p => p.Indicator == ScoreIndicator.RegisteredCount)) return null;
        var value = parts.Sum(p => p.WeightPercent * p.Points!.Value) / parts.Sum(p => p.WeightPercent);
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return new Score(rounded, Grades.Of(rounded), Revision);
    }

    /// <summary>An indicator's points 0–100 in its declared direction; null when the rate has nothing to divide.</summary>
    private decimal? Points(IndicatorWeight weight, IScoreFigures figures)
    {
        if (weight.Indicator == ScoreIndicator.RegisteredCount)
            return CountBands.LastOrDefault(b => figures.Counted >= b.AtLeast)?.Points ?? 0;
        var rate = figures.RateOf(weight.Indicator);
        if (rate is not { } r) return null;
        // A rate can pass 100 % only through inconsistent counts; the score stays within 0–100 whatever.
        var share = Math.Clamp((decimal)r.Numerator / r.Denominator, 0m, 1m);
        return 100m * (weight.Direction == ScoreDirection.HigherIsBetter ? share : 1 - share);
    }

    private static DomainValidationException Invalid(string code, string message, string field) => new(code, message, field);
}

/// <summary>A unit's or a person's 综合指标值, its grade, and the scheme revision that gave them.</summary>
public sealed record Score(decimal Value, Grade Grade, int SchemeRevision);
