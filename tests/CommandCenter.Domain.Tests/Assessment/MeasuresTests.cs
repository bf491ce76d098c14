using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Policies;

namespace CommandCenter.Domain.Tests.Assessment;

/// <summary>The 12345 rates and the working-time averages, worked out by hand.</summary>
public sealed class MeasuresTests
{
    private static readonly WorkingCalendar Calendar = new([], [], WorkingCalendar.StandardWorkingHours);

    [Fact]
    public void AverageWorkingTime_SkipsTheWeekendAndTheNights()
    {
        // Friday 2026-11-27 17:00 → Monday 11-30 10:00: 1 h Friday + 1 h Monday. Monday 09:00 → 13:30: 3 h (lunch is not worked).
        var friday = ChinaTime.StartOfLocalDayUtc(new DateOnly(2026, 11, 27));
        var monday = ChinaTime.StartOfLocalDayUtc(new DateOnly(2026, 11, 30));
        var (count, total) = WorkingTimes.Sum(Calendar, [(friday.AddHours(17), monday.AddHours(10)), (monday.AddHours(9), monday.AddHours(13.5))]);

        var indicators = new Indicators(IndicatorCounts.None with { SignedRounds = count, SignForTime = total });

        Assert.Equal((2, TimeSpan.FromHours(5)), (count, total));
        Assert.Equal(TimeSpan.FromHours(2.5), indicators.AverageSignForTime);
        Assert.Null(indicators.AverageHandlingTime);
    }

    [Fact]
    public void ResponseAndResolutionRates_As12345ReportsThem()
    {
        // 200 dispatches, 188 signed in time: 94.00 %. 150 closed, 141 never rated 不满意: 94.00 %. 12 of 13: 92.31 %.
        var indicators = new Indicators(IndicatorCounts.None with { Dispatched = 200, RespondedInTime = 188, Closed = 150, Resolved = 141 });

        Assert.Equal(94.00m, indicators.ResponseRate!.Value.Percent);
        Assert.Equal(94.00m, indicators.ResolutionRate!.Value.Percent);
        Assert.Equal(92.31m, new Indicators(IndicatorCounts.None with { Dispatched = 13, RespondedInTime = 12 }).ResponseRate!.Value.Percent);
        Assert.Null(new Indicators(IndicatorCounts.None).ResolutionRate);
    }

    [Fact]
    public void ResolvedAtLevel_LeavesDirectCasesOutOfTheShares()
    {
        var levels = new ResolvedAtLevel([
            new(Domain.Organisation.HandlingLevel.Courtyard, 60, 0), new(Domain.Organisation.HandlingLevel.Community, 25, 0),
            new(Domain.Organisation.HandlingLevel.Street, 15, 5), new(Domain.Organisation.HandlingLevel.District, 10, 5)]);

        Assert.Equal(new Rate(60, 100), levels.Share(Domain.Organisation.HandlingLevel.Courtyard));
        Assert.Equal(new Rate(10, 100), levels.Share(Domain.Organisation.HandlingLevel.Street));
        Assert.Equal(new Rate(5, 110), levels.DirectShare(Domain.Organisation.HandlingLevel.District));
    }

    [Fact]
    public void CountsOf_NamesEveryIndicator()
    {
        var counts = IndicatorCounts.None with { Due = 3, Resolved = 2, Escalations = 1 };

        Assert.Equal((3, 2, 1), (counts.Of(Indicator.Due), counts.Of(Indicator.Resolved), counts.Of(Indicator.Escalations)));
        Assert.All(Enum.GetValues<Indicator>(), i => Assert.Equal(0, IndicatorCounts.None.Of(i)));
    }
}
