using CommandCenter.Domain.Common;
using CommandCenter.Domain.Policies;

namespace CommandCenter.Domain.Tests.Policies;

public sealed class CalendarDayRangeTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Theory]
    [InlineData("2025-01-01")]
    [InlineData("2026-10-01")]
    [InlineData("2027-02-17")]
    [InlineData("2028-12-31")]
    public void DaysFromLastYearToTheYearAfterNext_AreAccepted(string date) =>
        Assert.Equal(DateOnly.Parse(date), CalendarDayRange.Check(DateOnly.Parse(date), Today));

    [Theory]
    [InlineData("2024-12-31")]
    [InlineData("2029-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public void DaysOutside_AreRefusedNamingTheDate(string date)
    {
        var refusal = Assert.Throws<DomainValidationException>(() => CalendarDayRange.Check(DateOnly.Parse(date), Today));

        Assert.Equal(("CalendarDayOutOfRange", "date"), (refusal.Code, refusal.Field));
    }
}
