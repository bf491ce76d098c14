using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Web.Components.Wall;

namespace CommandCenter.Web.Tests.Wall;

public sealed class TrendChartPlanTests
{
    private static readonly DateTime Hour = new(2026, 12, 1, 4, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void SameCounts_NothingToSend()
    {
        Assert.Empty(TrendChartPlan.Between(Series(0, [1, 2, 3], [0, 1, 1]), Series(0, [1, 2, 3], [0, 1, 1])));
    }

    [Fact]
    public void CurrentBucketFilled_SetsTheCounts()
    {
        var steps = TrendChartPlan.Between(Series(0, [1, 2, 3], [0, 1, 1]), Series(0, [1, 2, 4], [0, 1, 1]));

        var set = Assert.IsType<TrendChartStep.SetCounts>(Assert.Single(steps));
        Assert.Equal([1, 2, 4], set.Received);
        Assert.Equal([0, 1, 1], set.Closed);
    }

    [Fact]
    public void NewHour_AppendsOnlyTheNewBucket()
    {
        var steps = TrendChartPlan.Between(Series(0, [1, 2, 3], [0, 1, 1]), Series(1, [2, 3, 1], [1, 1, 0]));

        var append = Assert.IsType<TrendChartStep.AppendBuckets>(Assert.Single(steps));
        Assert.Equal([Hour.AddHours(3)], append.StartsUtc);
        Assert.Equal([1], append.Received);
        Assert.Equal([0], append.Closed);
    }

    [Fact]
    public void NewHourAndTheLastOneChanged_AppendsThenSetsTheCounts()
    {
        var steps = TrendChartPlan.Between(Series(0, [1, 2, 3], [0, 1, 1]), Series(1, [2, 5, 1], [1, 1, 0]));

        Assert.Collection(steps,
            step => Assert.IsType<TrendChartStep.AppendBuckets>(step),
            step => Assert.Equal([2, 5, 1], Assert.IsType<TrendChartStep.SetCounts>(step).Received));
    }

    [Fact]
    public void WholeWindowPassed_ReplacesEverything()
    {
        var next = Series(5, [1, 0, 0], [0, 0, 0]);

        Assert.Same(next, Assert.IsType<TrendChartStep.ReplaceAll>(Assert.Single(TrendChartPlan.Between(Series(0, [1, 2, 3], [0, 1, 1]), next))).Series);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(10, 2)]
    [InlineData(11, 5)]
    [InlineData(25, 5)]
    [InlineData(26, 10)]
    [InlineData(480, 100)]
    public void AxisStep_WholeCasesAtMostFiveStepsHigh(int top, int step)
    {
        Assert.Equal(step, TrendAxis.Step(Series(0, [0, top, 1], [0, 0, 0])));
    }

    internal static TrendSeries Series(int firstHour, int[] received, int[] closed) =>
        new([.. Enumerable.Range(firstHour, received.Length).Select(h => Hour.AddHours(h))], received, closed);
}
