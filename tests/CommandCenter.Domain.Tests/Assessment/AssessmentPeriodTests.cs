using CommandCenter.Domain.Assessment;

namespace CommandCenter.Domain.Tests.Assessment;

/// <summary>Periods are whole China days, as instants in UTC.</summary>
public sealed class AssessmentPeriodTests
{
    [Fact]
    public void Month_RunsFromChinaMidnightOfItsFirstDay_ToThatOfTheNextMonth()
    {
        var november = AssessmentPeriod.Month(2026, 11);

        Assert.Equal(new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc), november.FromUtc);
        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc), november.ToUtc);
        Assert.Equal(new DateOnly(2026, 11, 30), november.LastDay);
        Assert.True(november.Contains(november.FromUtc));
        Assert.False(november.Contains(november.ToUtc));
    }

    [Fact]
    public void Week_IsMondayToSunday()
    {
        // 2026-12-04 is a Friday.
        var week = AssessmentPeriod.Week(new DateOnly(2026, 12, 4));

        Assert.Equal(new DateOnly(2026, 11, 30), week.FirstDay);
        Assert.Equal(new DateOnly(2026, 12, 6), week.LastDay);
    }

    [Fact]
    public void QuarterAndYear()
    {
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), (AssessmentPeriod.Quarter(2026, 4).FirstDay, AssessmentPeriod.Quarter(2026, 4).LastDay));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), (AssessmentPeriod.Year(2026).FirstDay, AssessmentPeriod.Year(2026).LastDay));
    }

    [Fact]
    public void LastDays_EndsWithTodayInChina()
    {
        // 17:00 UTC is already the next day in China.
        var period = AssessmentPeriod.LastDays(new DateTime(2026, 12, 3, 17, 0, 0, DateTimeKind.Utc), 30);

        Assert.Equal(new DateOnly(2026, 12, 4), period.LastDay);
        Assert.Equal(new DateOnly(2026, 11, 5), period.FirstDay);
    }

    [Fact]
    public void Custom_EndingBeforeItStarts_IsRefused() =>
        Expect.Invalid("PeriodEndsBeforeStart", "to", () => AssessmentPeriod.Custom(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 1)));

    [Fact]
    public void Custom_LongerThanTwoYears_IsRefused() =>
        Expect.Invalid("PeriodTooLong", "to", () => AssessmentPeriod.Custom(new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31)));

    [Fact]
    public void Custom_OneDay_IsOneDay() =>
        Assert.Equal(TimeSpan.FromDays(1), AssessmentPeriod.Custom(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2)) is var p ? p.ToUtc - p.FromUtc : default);

    [Theory]
    [InlineData(2026, 13, "MonthOutOfRange", "month")]
    [InlineData(2026, 0, "MonthOutOfRange", "month")]
    [InlineData(9999, 12, "PeriodOutOfRange", "year")]
    [InlineData(1, 1, "PeriodOutOfRange", "year")]
    public void Month_OutOfTheCalendar_IsRefused(int year, int month, string code, string field) =>
        Expect.Invalid(code, field, () => AssessmentPeriod.Month(year, month));

    [Fact]
    public void Quarter_Five_IsRefused() => Expect.Invalid("QuarterOutOfRange", "quarter", () => AssessmentPeriod.Quarter(2026, 5));
}
