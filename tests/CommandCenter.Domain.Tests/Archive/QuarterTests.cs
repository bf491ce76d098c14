using CommandCenter.Domain.Archive;

namespace CommandCenter.Domain.Tests.Archive;

/// <summary>The round's quarter is the calendar quarter in China time (UTC+8), whatever the server's zone.</summary>
public sealed class QuarterTests
{
    [Theory]
    // 31 March 23:30 in Beijing is still the first quarter; 16:00 UTC that day is 00:00 on 1 April there.
    [InlineData("2026-03-31T15:30:00Z", 2026, 1)]
    [InlineData("2026-03-31T16:00:00Z", 2026, 2)]
    [InlineData("2025-12-31T16:00:00Z", 2026, 1)]
    [InlineData("2026-12-31T15:59:59Z", 2026, 4)]
    public void Of_TakesTheQuarterOfTheChinaDay(string utc, int year, int number) =>
        Assert.Equal(new Quarter(year, number), Quarter.Of(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));

    [Fact]
    public void Contains_RunsFromTheFirstChinaMidnight_ToTheNextQuartersFirst()
    {
        var second = new Quarter(2026, 2);
        Assert.Equal(new DateTime(2026, 3, 31, 16, 0, 0, DateTimeKind.Utc), second.StartUtc);
        Assert.True(second.Contains(second.StartUtc));
        Assert.False(second.Contains(second.StartUtc.AddTicks(-1)));
        Assert.False(second.Contains(new DateTime(2026, 6, 30, 16, 0, 0, DateTimeKind.Utc)));
        Assert.False(second.Contains(null));
    }
}
