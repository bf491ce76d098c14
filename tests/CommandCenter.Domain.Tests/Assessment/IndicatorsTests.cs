using CommandCenter.Domain.Assessment;

namespace CommandCenter.Domain.Tests.Assessment;

/// <summary>The standard formulas, checked against published figures and their edge cases.</summary>
public sealed class IndicatorsTests
{
    [Fact]
    public void PublishedMonth_ClosureRate_Is9372_AndOnTimeRate_Is7582()
    {
        // A bulletin's month: 立案 996, 应结案 972, 结案 911, 按期结案 737, nothing deferred.
        var indicators = new Indicators(Counts(registered: 996, due: 972, closed: 911, onTime: 737));

        Assert.Equal(93.72m, indicators.ClosureRate!.Value.Percent);
        Assert.Equal(75.82m, indicators.OnTimeRate!.Value.Percent);
        Assert.Equal(new Rate(911, 972), indicators.ClosureRate);
    }

    [Fact]
    public void DeferredCase_LeavesTheOnTimeDenominator_NotTheClosureDenominator()
    {
        var indicators = new Indicators(Counts(due: 10, closed: 8, onTime: 6, deferred: 2));

        Assert.Equal(new Rate(6, 8), indicators.OnTimeRate);
        Assert.Equal(new Rate(8, 10), indicators.ClosureRate);
    }

    [Fact]
    public void OpenOverdueCase_StaysInTheDenominators()
    {
        // Three due: two closed on time, one open past its deadline.
        var indicators = new Indicators(Counts(due: 3, closed: 2, onTime: 2) with { OverdueOpen = 1 });

        Assert.Equal(66.67m, indicators.ClosureRate!.Value.Percent);
        Assert.Equal(66.67m, indicators.OnTimeRate!.Value.Percent);
    }

    [Fact]
    public void ZeroDenominators_AreNull_NeverZeroOrHundred()
    {
        var indicators = new Indicators(IndicatorCounts.None);

        Assert.Null(indicators.ClosureRate);
        Assert.Null(indicators.OnTimeRate);
        Assert.Null(indicators.UrgentOnTimeRate);
        Assert.Null(indicators.ReworkRate);
        Assert.Null(indicators.SatisfactionRate);
        Assert.Null(indicators.ReturnRate);
    }

    [Fact]
    public void AllDueDeferred_OnTimeRateIsNull()
    {
        Assert.Null(new Indicators(Counts(due: 2, deferred: 2)).OnTimeRate);
    }

    [Fact]
    public void Satisfaction_CountsTheUnsatisfiedThatReopenedACase()
    {
        // 8 满意, 1 基本满意, 1 不满意 (it reopened its case, which was later rated 满意: one of the 8).
        var indicators = new Indicators(IndicatorCounts.None with { Satisfied = 8, BasicallySatisfied = 1, Unsatisfied = 1 });

        Assert.Equal(90.00m, indicators.SatisfactionRate!.Value.Percent);
    }

    [Fact]
    public void Satisfaction_LeavesDefaultSatisfiedOut_UnlessTheStreetCountsIt()
    {
        var counts = IndicatorCounts.None with { Satisfied = 8, BasicallySatisfied = 1, Unsatisfied = 1, DefaultSatisfied = 10 };

        Assert.Equal(new Rate(9, 10), new Indicators(counts).SatisfactionRate);
        Assert.Equal(new Rate(19, 20), new Indicators(counts, DefaultSatisfiedCounts: true).SatisfactionRate);
    }

    [Fact]
    public void OnlyDefaultSatisfied_SatisfactionIsNull_UnlessCounted()
    {
        var counts = IndicatorCounts.None with { DefaultSatisfied = 3 };

        Assert.Null(new Indicators(counts).SatisfactionRate);
        Assert.Equal(100m, new Indicators(counts, DefaultSatisfiedCounts: true).SatisfactionRate!.Value.Percent);
    }

    [Fact]
    public void ReworkAndReturnAndUrgentRates()
    {
        var indicators = new Indicators(Counts(registered: 40, due: 20, closed: 18, onTime: 15) with
        {
            Reworked = 3, Returned = 4, UrgentDue = 5, UrgentClosedOnTime = 4, UrgentDeferred = 1,
        });

        Assert.Equal(15.00m, indicators.ReworkRate!.Value.Percent);
        Assert.Equal(10.00m, indicators.ReturnRate!.Value.Percent);
        Assert.Equal(100.00m, indicators.UrgentOnTimeRate!.Value.Percent);
    }

    [Theory]
    [InlineData(1, 3, 33.33)]
    [InlineData(2, 3, 66.67)]
    [InlineData(1, 8, 12.50)]
    [InlineData(1, 800, 0.13)]
    public void Percent_RoundsToTwoDecimals_HalfAwayFromZero(int numerator, int denominator, double expected)
    {
        Assert.Equal((decimal)expected, new Rate(numerator, denominator).Percent);
    }

    [Fact]
    public void Plus_AddsEveryCount()
    {
        var one = Counts(registered: 1, due: 2, closed: 3, onTime: 4, deferred: 5);
        Assert.Equal(Counts(registered: 2, due: 4, closed: 6, onTime: 8, deferred: 10), one.Plus(one));
    }

    private static IndicatorCounts Counts(int registered = 0, int due = 0, int closed = 0, int onTime = 0, int deferred = 0) =>
        IndicatorCounts.None with { Registered = registered, Due = due, Closed = closed, ClosedOnTime = onTime, Deferred = deferred };
}
