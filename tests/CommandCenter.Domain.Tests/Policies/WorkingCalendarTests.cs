using CommandCenter.Domain.Policies;
using static CommandCenter.Domain.Tests.Policies.Calendars;

namespace CommandCenter.Domain.Tests.Policies;

/// <summary>Instants are UTC; comments give China time (UTC+8). November 2026 is a plain month: Fri 20, Mon 23, Tue 24.</summary>
public class WorkingCalendarTests
{
    [Fact]
    public void FromYear_StateCouncil2026_HasSevenHolidaysAndSixMakeUpDays()
    {
        Assert.Equal(2026, Year2026.Year);
        Assert.Equal(7, Year2026.Holidays.Count);
        Assert.Equal(6, Year2026.MakeUpWorkingDays.Count);
    }

    [Theory]
    [InlineData("2026-11-24", true)]   // Tuesday
    [InlineData("2026-11-21", false)]  // Saturday
    [InlineData("2026-10-01", false)]  // Thursday, National Day
    [InlineData("2026-10-07", false)]  // Wednesday, last day of National Day
    [InlineData("2026-10-08", true)]   // Thursday after National Day
    [InlineData("2026-10-10", true)]   // Saturday, make-up day
    [InlineData("2026-10-11", false)]  // Sunday
    [InlineData("2026-09-20", true)]   // Sunday, make-up day
    [InlineData("2026-02-14", true)]   // Saturday, make-up day before Spring Festival
    [InlineData("2026-02-16", false)]  // Monday, Spring Festival
    [InlineData("2026-02-23", false)]  // Monday, last day of Spring Festival
    [InlineData("2026-02-28", true)]   // Saturday, make-up day after Spring Festival
    [InlineData("2026-01-04", true)]   // Sunday, make-up day after New Year
    [InlineData("2027-01-01", true)]   // Friday of a year not loaded: a plain weekday
    [InlineData("2027-01-02", false)]  // Saturday of a year not loaded
    public void IsWorkingDay_China2026_FollowsWeekendsHolidaysAndMakeUpDays(string day, bool expected)
    {
        Assert.Equal(expected, China2026.IsWorkingDay(DateOnly.Parse(day)));
    }

    [Theory]
    [InlineData("2026-11-24T01:30:00Z", 120, "2026-11-24T03:30:00Z")]  // Tue 09:30 → 11:30, within the morning
    [InlineData("2026-11-24T01:00:00Z", 180, "2026-11-24T04:00:00Z")]  // Tue 09:00 → 12:00, ends at the lunch break, not after it
    [InlineData("2026-11-24T01:00:00Z", 450, "2026-11-24T10:00:00Z")]  // Tue 09:00 → 18:00, one whole day
    [InlineData("2026-11-24T03:00:00Z", 120, "2026-11-24T06:30:00Z")]  // Tue 11:00 → 14:30, across lunch
    [InlineData("2026-11-24T04:30:00Z", 60, "2026-11-24T06:30:00Z")]   // Tue 12:30 (lunch) → 14:30
    [InlineData("2026-11-23T23:00:00Z", 60, "2026-11-24T02:00:00Z")]   // Tue 07:00 (Mon in UTC) → Tue 10:00
    [InlineData("2026-11-24T09:00:00Z", 120, "2026-11-25T02:00:00Z")]  // Tue 17:00 → Wed 10:00, across the evening
    [InlineData("2026-11-24T12:00:00Z", 60, "2026-11-25T02:00:00Z")]   // Tue 20:00 → Wed 10:00
    [InlineData("2026-11-20T09:00:00Z", 120, "2026-11-23T02:00:00Z")]  // Fri 17:00 → Mon 10:00, across the weekend
    [InlineData("2026-11-21T02:00:00Z", 30, "2026-11-23T01:30:00Z")]   // Sat 10:00 → Mon 09:30
    [InlineData("2026-09-30T09:00:00Z", 120, "2026-10-08T02:00:00Z")]  // Wed 30 Sep 17:00 → Thu 8 Oct 10:00, across National Day
    [InlineData("2026-10-03T02:00:00Z", 60, "2026-10-08T02:00:00Z")]   // Sat 3 Oct 10:00 (holiday) → Thu 8 Oct 10:00
    [InlineData("2026-10-09T09:00:00Z", 120, "2026-10-10T02:00:00Z")]  // Fri 9 Oct 17:00 → Sat 10 Oct 10:00, a make-up day
    [InlineData("2026-09-18T09:00:00Z", 120, "2026-09-20T02:00:00Z")]  // Fri 18 Sep 17:00 → Sun 20 Sep 10:00, a make-up day
    [InlineData("2026-02-13T09:00:00Z", 120, "2026-02-14T02:00:00Z")]  // Fri 13 Feb 17:00 → Sat 14 Feb 10:00, a make-up day
    [InlineData("2026-02-14T09:00:00Z", 120, "2026-02-24T02:00:00Z")]  // Sat 14 Feb 17:00 → Tue 24 Feb 10:00, across Spring Festival
    [InlineData("2026-02-18T01:00:00Z", 90, "2026-02-24T02:30:00Z")]   // Wed 18 Feb 09:00 (holiday) → Tue 24 Feb 10:30
    [InlineData("2026-12-31T09:00:00Z", 120, "2027-01-01T02:00:00Z")]  // Thu 31 Dec 17:00 → Fri 1 Jan 2027 10:00: 2027 not loaded, so no New Year holiday
    public void AddWorkingTime_China2026_CountsOnlyWorkingHours(string startUtc, int minutes, string expectedUtc)
    {
        var deadline = China2026.AddWorkingTime(Utc(startUtc), TimeSpan.FromMinutes(minutes));

        Assert.Equal(Utc(expectedUtc), deadline);
        Assert.Equal(DateTimeKind.Utc, deadline.Kind);
    }

    [Theory]
    [InlineData("2026-11-23T02:00:00Z", "2026-11-30T02:00:00Z")]  // Mon 10:00 → next Mon 10:00
    [InlineData("2026-11-27T10:00:00Z", "2026-12-04T10:00:00Z")]  // Fri 18:00 → next Fri 18:00
    [InlineData("2026-09-29T02:00:00Z", "2026-10-12T02:00:00Z")]  // Tue 29 Sep 10:00 → 30 Sep, 8, 9, 10 (make-up), 12 Oct 10:00
    [InlineData("2026-02-13T02:00:00Z", "2026-02-27T02:00:00Z")]  // Fri 13 Feb 10:00 → 14 (make-up), 24, 25, 26, 27 Feb 10:00
    public void AddWorkingTime_FiveWorkingDays_LandsFiveWorkingDaysLaterAtTheSameTime(string startUtc, string expectedUtc)
    {
        Assert.Equal(Utc(expectedUtc), China2026.AddWorkingTime(Utc(startUtc), China2026.WorkingDays(5)));
    }

    [Fact]
    public void AddWorkingTime_ZeroOnAHoliday_ReturnsStartUnchanged()
    {
        var start = Utc("2026-10-03T02:00:00Z"); // Sat 3 Oct 10:00, National Day

        Assert.Equal(start, China2026.AddWorkingTime(start, TimeSpan.Zero));
    }

    [Fact]
    public void AddWorkingTime_NegativeAmount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => China2026.AddWorkingTime(Utc("2026-11-24T01:00:00Z"), TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public void AddWorkingTime_TenYearsOfWorkingDays_EndsOnTheLastOfThem()
    {
        var start = Utc("2026-11-23T01:00:00Z"); // Mon 09:00

        var end = China2026.AddWorkingTime(start, China2026.WorkingDays(2600)); // 520 weeks of five days

        Assert.Equal(Utc("2036-11-07T10:00:00Z"), end); // Fri 18:00 of the 520th week: no holidays are loaded after 2026
    }

    [Theory]
    [InlineData("2026-11-24T01:30:00Z", "2026-11-24T03:30:00Z", 120)]   // Tue 09:30 → 11:30
    [InlineData("2026-11-24T03:00:00Z", "2026-11-24T06:30:00Z", 120)]   // Tue 11:00 → 14:30, lunch not counted
    [InlineData("2026-11-24T09:00:00Z", "2026-11-25T02:00:00Z", 120)]   // Tue 17:00 → Wed 10:00
    [InlineData("2026-11-20T09:00:00Z", "2026-11-23T02:00:00Z", 120)]   // Fri 17:00 → Mon 10:00
    [InlineData("2026-09-30T09:00:00Z", "2026-10-08T02:00:00Z", 120)]   // 30 Sep 17:00 → 8 Oct 10:00
    [InlineData("2026-10-02T16:00:00Z", "2026-10-04T15:00:00Z", 0)]     // Sat 3 Oct 00:00 → Sun 4 Oct 23:00, all holiday
    [InlineData("2026-11-22T16:00:00Z", "2026-11-29T16:00:00Z", 2250)]  // Mon 23 00:00 → Mon 30 00:00, five days of 7.5 h
    [InlineData("2026-11-24T02:00:00Z", "2026-11-24T02:00:00Z", 0)]     // the same instant
    [InlineData("2026-11-25T02:00:00Z", "2026-11-24T09:00:00Z", -120)]  // Wed 10:00 back to Tue 17:00
    public void WorkingTimeBetween_China2026_CountsOnlyWorkingHours(string fromUtc, string toUtc, int expectedMinutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), China2026.WorkingTimeBetween(Utc(fromUtc), Utc(toUtc)));
    }

    public static TheoryData<string, int> InverseCases()
    {
        string[] starts =
        [
            "2026-11-24T01:30:00Z", // Tue 09:30
            "2026-11-24T04:30:00Z", // Tue 12:30, lunch
            "2026-11-20T09:59:00Z", // Fri 17:59
            "2026-11-21T15:59:00Z", // Sat 23:59
            "2026-09-30T09:00:00Z", // Wed 30 Sep 17:00, before National Day
            "2026-10-03T02:00:00Z", // Sat 3 Oct 10:00, National Day
            "2026-02-13T03:45:00Z", // Fri 13 Feb 11:45, before Spring Festival
            "2026-12-31T09:00:00Z", // Thu 31 Dec 17:00, into a year not loaded
        ];
        int[] minutes = [1, 90, 450, 2250, 6000];
        var data = new TheoryData<string, int>();
        foreach (var start in starts)
            foreach (var amount in minutes)
                data.Add(start, amount);
        return data;
    }

    [Theory]
    [MemberData(nameof(InverseCases))]
    public void WorkingTimeBetween_StartAndAddedDeadline_ReturnsTheAddedAmount(string startUtc, int minutes)
    {
        var start = Utc(startUtc);
        var amount = TimeSpan.FromMinutes(minutes);

        Assert.Equal(amount, China2026.WorkingTimeBetween(start, China2026.AddWorkingTime(start, amount)));
    }

    [Fact]
    public void WorkingDays_StandardHours_AreSevenAndAHalfHoursEach()
    {
        Assert.Equal(TimeSpan.FromHours(7.5), China2026.DailyWorkingHours);
        Assert.Equal(TimeSpan.FromHours(37.5), China2026.WorkingDays(5));
    }

    [Fact]
    public void WorkingDays_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => China2026.WorkingDays(-1));
    }

    [Fact]
    public void Constructor_PeriodsOutOfOrder_SortsThem()
    {
        var calendar = new WorkingCalendar([], [], Periods("13:30-18:00", "09:00-12:00"));

        Assert.Equal(WorkingCalendar.StandardWorkingHours, calendar.WorkingHours);
        Assert.Equal(Utc("2026-11-24T06:30:00Z"), calendar.AddWorkingTime(Utc("2026-11-24T03:00:00Z"), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void FromYears_TwoYears_CombinesTheirDays()
    {
        var year2027 = new CalendarYear(
            2027, [new Holiday("元旦 New Year's Day", new(2027, 1, 1), new(2027, 1, 3))], [new(2027, 1, 9)]);

        var calendar = WorkingCalendar.FromYears([Year2026, year2027], Periods("08:00-17:00"));

        Assert.False(calendar.IsWorkingDay(new(2026, 10, 1)));
        Assert.False(calendar.IsWorkingDay(new(2027, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new(2027, 1, 9)));
        Assert.Equal(TimeSpan.FromHours(9), calendar.WorkingDays(1));
    }

    [Theory]
    [InlineData("WorkingHoursRequired")]
    [InlineData("WorkingPeriodInvalid", "12:00-09:00")]
    [InlineData("WorkingPeriodInvalid", "09:00-12:00", "14:00-14:00")]
    [InlineData("WorkingPeriodsOverlap", "09:00-12:00", "11:30-18:00")]
    public void Constructor_InvalidWorkingHours_ThrowsWithCode(string code, params string[] periods)
    {
        Expect.Invalid(code, "workingHours", () => _ = new WorkingCalendar([], [], Periods(periods)));
    }

    [Fact]
    public void Constructor_DayBothHolidayAndMakeUpDay_ThrowsHolidayIsMakeUpDay()
    {
        var day = new DateOnly(2026, 10, 10);

        Expect.Invalid("HolidayIsMakeUpDay", "makeUpWorkingDays", () => _ = new WorkingCalendar([day], [day], WorkingCalendar.StandardWorkingHours));
    }

    [Fact]
    public void FromYears_SameYearTwice_ThrowsDuplicateCalendarYear()
    {
        Expect.Invalid("DuplicateCalendarYear", "years", () => WorkingCalendar.FromYears([Year2026, Year2026]));
    }

    [Fact]
    public void FromYear_HolidayEndingBeforeItStarts_ThrowsHolidayRangeInvalid()
    {
        var year = new CalendarYear(2027, [new Holiday("Reversed", new(2027, 5, 5), new(2027, 5, 1))], []);

        Expect.Invalid("HolidayRangeInvalid", "holidays", () => WorkingCalendar.FromYear(year));
    }

    /// <summary>"09:00-12:00" style periods.</summary>
    private static (TimeOnly Start, TimeOnly End)[] Periods(params string[] periods) =>
        [.. periods.Select(p => p.Split('-')).Select(p => (TimeOnly.Parse(p[0]), TimeOnly.Parse(p[1])))];
}
