using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Assessment;

/// <summary>综合指标值: the default scheme by hand, each indicator's direction, null rates, and the schemes refused.</summary>
public sealed class ScoringSchemeTests
{
    private static readonly ScoringScheme Default = ScoringScheme.Default(ScoredKind.PropertyCompany);

    // Every denominator non-zero, every numerator with room to move either way.
    private static readonly IndicatorCounts Base = IndicatorCounts.None with
    {
        Registered = 20, Due = 20, Closed = 10, ClosedOnTime = 8, Reworked = 2, UrgentDue = 5, UrgentClosedOnTime = 2,
        Returned = 2, Satisfied = 5, Unsatisfied = 5,
    };

    [Fact]
    public void DefaultScheme_ScoresByHand()
    {
        var counts = IndicatorCounts.None with { Registered = 12, Due = 20, Closed = 18, ClosedOnTime = 15, Deferred = 2, Reworked = 3 };

        var score = Default.Score(counts)!;

        // 立案数分值: 12 ≥ 10 → 80. 结案率 18 ÷ 20 = 90 %. 按期 15 ÷ (20 − 2) = 83.33… %. 1 − 返工率 = 1 − 3 ÷ 20 = 85 %.
        // 80 × 10 % + 90 × 30 % + 83.33… × 30 % + 85 × 30 % = 8 + 27 + 25 + 25.5 = 85.50, grade B (75 ≤ 85.50 < 90).
        Assert.Equal(new Score(85.50m, Grade.B, 1), score);
    }

    [Theory]
    [InlineData(ScoreIndicator.RegisteredCount)]
    [InlineData(ScoreIndicator.ClosureRate)]
    [InlineData(ScoreIndicator.OnTimeRate)]
    [InlineData(ScoreIndicator.UrgentOnTimeRate)]
    [InlineData(ScoreIndicator.ReworkRate)]
    [InlineData(ScoreIndicator.SatisfactionRate)]
    [InlineData(ScoreIndicator.ReturnRate)]
    public void EveryIndicator_MovesTheScore_InItsDeclaredDirection(ScoreIndicator indicator)
    {
        var more = More(indicator);
        foreach (var direction in Enum.GetValues<ScoreDirection>())
        {
            var other = indicator == ScoreIndicator.SatisfactionRate ? ScoreIndicator.ClosureRate : ScoreIndicator.SatisfactionRate;
            var scheme = ScoringScheme.Create(ScoredKind.PropertyCompany, 1,
                [new(indicator, 50, direction), new(other, 50, ScoreDirection.HigherIsBetter)],
                indicator != ScoreIndicator.RegisteredCount ? []
                : direction == ScoreDirection.HigherIsBetter ? [new(0, 0), new(10, 50), new(25, 100)] : [new(0, 100), new(10, 50), new(25, 0)],
                GradeBands.Default, 3);

            var (before, after) = (scheme.Score(Base)!.Value, scheme.Score(more)!.Value);

            if (direction == ScoreDirection.HigherIsBetter) Assert.True(after > before, $"{indicator} higher-is-better: {before} → {after}");
            else Assert.True(after < before, $"{indicator} lower-is-better: {before} → {after}");
        }
    }

    [Fact]
    public void MoreRework_LowersTheDefaultScore()
    {
        Assert.True(Default.Score(Base with { Reworked = 6 })!.Value < Default.Score(Base)!.Value);
    }

    [Fact]
    public void NullRate_IsLeftOut_AndTheOtherWeightsCount()
    {
        var scheme = ScoringScheme.Create(ScoredKind.CommunityCommittee, 1,
            [new(ScoreIndicator.ClosureRate, 50, ScoreDirection.HigherIsBetter), new(ScoreIndicator.SatisfactionRate, 50, ScoreDirection.HigherIsBetter)],
            [], GradeBands.Default, 3);

        // Nothing due: 结案率 has no value; 满意率 3 ÷ 4 = 75 % carries the whole weight.
        Assert.Equal(new Score(75.00m, Grade.B, 1), scheme.Score(IndicatorCounts.None with { Satisfied = 3, Unsatisfied = 1 }));
    }

    [Fact]
    public void NoRateWithAValue_GivesNoScore_WhateverTheCount()
    {
        Assert.Null(Default.Score(IndicatorCounts.None with { Registered = 40 }));
    }

    [Theory]
    [InlineData(100, Grade.A)]
    [InlineData(90, Grade.A)]
    [InlineData(89.99, Grade.B)]
    [InlineData(75, Grade.B)]
    [InlineData(60, Grade.C)]
    [InlineData(40, Grade.D)]
    [InlineData(39.99, Grade.E)]
    [InlineData(0, Grade.E)]
    public void DefaultGradeBands_PutAScoreInItsGrade(double score, Grade grade)
    {
        Assert.Equal(grade, GradeBands.Default.Of((decimal)score));
    }

    [Fact]
    public void Ties_ShareARank_AndTheNextRankSkips()
    {
        var ranked = Ranking.Of<string>([("a", Points(90)), ("b", Points(80)), ("c", Points(90)), ("d", null)]);

        Assert.Equal([("a", 1), ("c", 1), ("b", 3)], ranked.Select(r => (r.Item, r.Rank)));
    }

    [Fact]
    public void HonourRoll_TakesTopAndBottom_NeverOneUnitOnBoth()
    {
        var ranked = Ranking.Of<string>([("a", Points(95)), ("b", Points(85)), ("c", Points(70)), ("d", Points(50))]);

        var (red, black) = Ranking.HonourRoll(ranked, 3);

        Assert.Equal(["a", "b", "c"], red.Select(r => r.Item));
        Assert.Equal(["d"], black.Select(r => r.Item));
    }

    public static TheoryData<string, string, Func<ScoringScheme>> InvalidSchemes => new()
    {
        { "WeightsNotHundred", "weights", () => Scheme([new(ScoreIndicator.ClosureRate, 60, ScoreDirection.HigherIsBetter), new(ScoreIndicator.OnTimeRate, 30, ScoreDirection.HigherIsBetter)]) },
        { "DuplicateIndicator", "weights", () => Scheme([new(ScoreIndicator.ClosureRate, 50, ScoreDirection.HigherIsBetter), new(ScoreIndicator.ClosureRate, 50, ScoreDirection.LowerIsBetter)]) },
        { "WeightOutOfRange", "weights", () => Scheme([new(ScoreIndicator.ClosureRate, 110, ScoreDirection.HigherIsBetter), new(ScoreIndicator.OnTimeRate, -10, ScoreDirection.HigherIsBetter)]) },
        { "NoWeights", "weights", () => Scheme([]) },
        { "BandsOutOfOrder", "countBands", () => Scheme(Default.Weights, [new(0, 0), new(10, 80), new(5, 90)]) },
        { "BandsOutOfOrder", "countBands", () => Scheme(Default.Weights, [new(0, 90), new(10, 60)]) },
        { "BandsOutOfOrder", "countBands", () => Scheme(Default.Weights, [new(1, 60)]) },
        { "CountBandsMissing", "countBands", () => Scheme(Default.Weights, []) },
        { "PointsOutOfRange", "countBands", () => Scheme(Default.Weights, [new(0, 0), new(10, 120)]) },
        { "GradesOutOfOrder", "grades", () => Scheme(Default.Weights, Default.CountBands, new GradeBands(90, 60, 75, 40)) },
        { "GradesOutOfOrder", "grades", () => Scheme(Default.Weights, Default.CountBands, new GradeBands(120, 75, 60, 40)) },
        { "ListSizeOutOfRange", "listSize", () => Scheme(Default.Weights, Default.CountBands, GradeBands.Default, 0) },
    };

    [Theory]
    [MemberData(nameof(InvalidSchemes))]
    public void InvalidScheme_IsRefused_WithItsCode(string code, string field, Func<ScoringScheme> create)
    {
        Expect.Invalid(code, field, () => create());
    }

    private static ScoringScheme Scheme(
        IReadOnlyList<IndicatorWeight> weights, IReadOnlyList<CountBand>? bands = null, GradeBands? grades = null, int listSize = 3) =>
        ScoringScheme.Create(ScoredKind.PropertyCompany, 1, weights, bands ?? [], grades ?? GradeBands.Default, listSize);

    private static Score Points(decimal value) => new(value, GradeBands.Default.Of(value), 1);

    private static IndicatorCounts More(ScoreIndicator indicator) => indicator switch
    {
        ScoreIndicator.RegisteredCount => Base with { Registered = 30 },
        ScoreIndicator.ClosureRate => Base with { Closed = 15 },
        ScoreIndicator.OnTimeRate => Base with { ClosedOnTime = 12 },
        ScoreIndicator.UrgentOnTimeRate => Base with { UrgentClosedOnTime = 4 },
        ScoreIndicator.ReworkRate => Base with { Reworked = 6 },
        ScoreIndicator.SatisfactionRate => Base with { Satisfied = 10 },
        _ => Base with { Returned = 6 },
    };
}
