using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Tests.Assessment;

/// <summary>The people's 综合指标值: dispatchers' and grid workers' rates and default scores worked out by hand, shared ranks, the kinds' indicators.</summary>
public sealed class PersonScoringTests
{
    private static readonly ScoringScheme Dispatchers = ScoringScheme.Default(ScoredKind.Dispatcher);
    private static readonly ScoringScheme GridWorkers = ScoringScheme.Default(ScoredKind.GridWorker);

    private static PersonIndicators Person(PersonKind kind, params (PersonAct Act, int Count)[] counts) =>
        new(kind, PersonCounts.None with { ByAct = counts.ToDictionary(c => c.Act, c => c.Count) });

    [Fact]
    public void Dispatcher_RatesAndDefaultScore_ByHand()
    {
        var dispatcher = Person(PersonKind.Dispatcher,
            (PersonAct.Dispatched, 12), (PersonAct.DispatchedOnTime, 9), (PersonAct.DispatchReturned, 3), (PersonAct.Reassigned, 2));

        Assert.Equal(new Rate(9, 12), dispatcher.DispatchOnTimeRate);
        Assert.Equal(new Rate(3, 12), dispatcher.ReturnRate);
        // 派遣数分值: 12 ≥ 1 → 60. 按时派遣率 9 ÷ 12 = 75 %. 1 − 退单率 = 1 − 3 ÷ 12 = 75 %.
        // 60 × 20 % + 75 × 40 % + 75 × 40 % = 12 + 30 + 30 = 72.00, grade C (60 ≤ 72 < 75).
        Assert.Equal(new Score(72.00m, Grade.C, 1), Dispatchers.Score(dispatcher));
    }

    [Fact]
    public void GridWorker_RatesAndDefaultScore_ByHand()
    {
        var worker = Person(PersonKind.GridWorker,
            (PersonAct.Reported, 50), (PersonAct.ReportRejected, 5), (PersonAct.Verified, 8), (PersonAct.VerifiedOnTime, 6));

        Assert.Equal(new Rate(5, 50), worker.InvalidReportRate);
        Assert.Equal(new Rate(6, 8), worker.VerificationOnTimeRate);
        // 上报数分值: 50 ≥ 50 → 90. 按时核查率 6 ÷ 8 = 75 %. 1 − 无效上报率 = 1 − 5 ÷ 50 = 90 %.
        // 90 × 20 % + 75 × 40 % + 90 × 40 % = 18 + 30 + 36 = 84.00, grade B.
        Assert.Equal(new Score(84.00m, Grade.B, 1), GridWorkers.Score(worker));
    }

    [Fact]
    public void GridWorker_WithNoVerification_IsScoredByTheRest()
    {
        var worker = Person(PersonKind.GridWorker, (PersonAct.Reported, 4), (PersonAct.ReportRejected, 1));

        // 核查 has no value and is left out: (60 × 20 + 75 × 40) ÷ 60 = 70.00, grade C.
        Assert.Equal(new Score(70.00m, Grade.C, 1), GridWorkers.Score(worker));
    }

    [Fact]
    public void PersonWhoDidNothing_HasNoScore()
    {
        Assert.Null(Dispatchers.Score(Person(PersonKind.Dispatcher)));
    }

    [Fact]
    public void AverageDispatchTime_IsTheWorkingTimeOverTheTimedDispatches()
    {
        var dispatcher = new PersonIndicators(PersonKind.Dispatcher, PersonCounts.None with { TimedDispatches = 4, DispatchTime = TimeSpan.FromHours(2) });

        Assert.Equal(TimeSpan.FromMinutes(30), dispatcher.AverageDispatchTime);
        Assert.Null(Person(PersonKind.Dispatcher).AverageDispatchTime);
    }

    [Fact]
    public void EqualScores_ShareARank_WithTheUnitsRanking()
    {
        var a = Person(PersonKind.Dispatcher, (PersonAct.Dispatched, 10), (PersonAct.DispatchedOnTime, 10));
        var b = Person(PersonKind.Dispatcher, (PersonAct.Dispatched, 10), (PersonAct.DispatchedOnTime, 10));
        var c = Person(PersonKind.Dispatcher, (PersonAct.Dispatched, 10), (PersonAct.DispatchedOnTime, 5), (PersonAct.DispatchReturned, 5));

        var ranked = Ranking.Of(new[] { ("c", c), ("a", a), ("b", b) }.Select(x => (x.Item1, Dispatchers.Score(x.Item2))));

        Assert.Equal([("a", 1), ("b", 1), ("c", 3)], ranked.Select(r => (r.Item, r.Rank)));
    }

    [Theory]
    [InlineData(ScoredKind.Dispatcher, ScoreIndicator.ClosureRate)]
    [InlineData(ScoredKind.Dispatcher, ScoreIndicator.InvalidReportRate)]
    [InlineData(ScoredKind.GridWorker, ScoreIndicator.ReturnRate)]
    [InlineData(ScoredKind.PropertyCompany, ScoreIndicator.VerificationOnTimeRate)]
    public void Scheme_WeighingAnIndicatorItsKindHasNot_IsRefused(ScoredKind kind, ScoreIndicator indicator)
    {
        var refused = Assert.Throws<DomainValidationException>(() => ScoringScheme.Create(kind, 1,
            [new(indicator, 100, ScoreDirection.HigherIsBetter)], [], GradeBands.Default, 3));

        Assert.Equal(("IndicatorNotOfKind", "weights"), (refused.Code, refused.Field));
    }

    [Fact]
    public void EveryKind_HasAValidDefault()
    {
        foreach (var kind in Enum.GetValues<ScoredKind>())
            Assert.Equal(kind, ScoringScheme.Default(kind).Kind);
    }
}
