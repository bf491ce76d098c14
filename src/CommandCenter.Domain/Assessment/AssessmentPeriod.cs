using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Assessment;

/// <summary>The kinds of period a district or street assesses by.</summary>
public enum PeriodKind
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Custom,
}

/// <summary>
/// A period of assessment: whole China calendar days, held as the UTC instants where it starts
/// (inclusive) and ends (exclusive), so a month is the same month in Chongqing whatever the server's zone.
/// </summary>
public sealed record AssessmentPeriod
{
    /// <summary>A little over two years: a year compared with the one before it, and no table scans without end.</summary>
    public const int MaxDays = 2 * 366;

    private AssessmentPeriod(PeriodKind kind, DateOnly firstDay, DateOnly endDay)
    {
        Kind = kind;
        FirstDay = firstDay;
        LastDay = endDay.AddDays(-1);
        FromUtc = ChinaTime.StartOfLocalDayUtc(firstDay);
        ToUtc = ChinaTime.StartOfLocalDayUtc(endDay);
    }

    public PeriodKind Kind { get; }
    /// <summary>The first and last China days of the period, both included.</summary>
    public DateOnly FirstDay { get; }
    public DateOnly LastDay { get; }
    public DateTime FromUtc { get; }
    public DateTime ToUtc { get; }

    public bool Contains(DateTime utc) => utc >= FromUtc && utc < ToUtc;

    /// <summary>The years a period may fall in; outside them it is a typing error, not an assessment.</summary>
    public const int FirstYear = 2000, LastYear = 2099;

    public static AssessmentPeriod Day(DateOnly day) => new(PeriodKind.Day, InRange(day, "day"), day.AddDays(1));

    /// <summary>The Monday-to-Sunday week that holds <paramref name="day"/>, as Chinese calendars count weeks.</summary>
    public static AssessmentPeriod Week(DateOnly day)
    {
        InRange(day, "day");
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new(PeriodKind.Week, monday, monday.AddDays(7));
    }

    public static AssessmentPeriod Month(int year, int month)
    {
        if (month is < 1 or > 12) throw Invalid("MonthOutOfRange", "A month is 1 to 12.", "month");
        var first = FirstDayOf(year, month);
        return new(PeriodKind.Month, first, first.AddMonths(1));
    }

    public static AssessmentPeriod Quarter(int year, int quarter)
    {
        if (quarter is < 1 or > 4) throw Invalid("QuarterOutOfRange", "A quarter is 1 to 4.", "quarter");
        var first = FirstDayOf(year, (quarter - 1) * 3 + 1);
        return new(PeriodKind.Quarter, first, first.AddMonths(3));
    }

    public static AssessmentPeriod Year(int year)
    {
        var first = FirstDayOf(year, 1);
        return new(PeriodKind.Year, first, first.AddYears(1));
    }

    /// <summary>From <paramref name="firstDay"/> to <paramref name="lastDay"/>, both China days included; at most <see cref="MaxDays"/> days.</summary>
    public static AssessmentPeriod Custom(DateOnly firstDay, DateOnly lastDay)
    {
        InRange(firstDay, "from");
        InRange(lastDay, "to");
        if (lastDay < firstDay) throw Invalid("PeriodEndsBeforeStart", "The period's last day is before its first.", "to");
        if (lastDay.DayNumber - firstDay.DayNumber + 1 > MaxDays)
            throw Invalid("PeriodTooLong", $"A period is at most {MaxDays} days.", "to");
        return new(PeriodKind.Custom, firstDay, lastDay.AddDays(1));
    }

    /// <summary>The China days <paramref name="days"/> long that end with today (the wall's "last 30 days").</summary>
    public static AssessmentPeriod LastDays(DateTime nowUtc, int days)
    {
        var today = ChinaTime.LocalDate(nowUtc);
        return Custom(today.AddDays(1 - days), today);
    }

    private static DateOnly FirstDayOf(int year, int month) =>
        year is < FirstYear or > LastYear
            ? throw Invalid("PeriodOutOfRange", $"A period falls in the years {FirstYear} to {LastYear}.", "year")
            : new DateOnly(year, month, 1);

    private static DateOnly InRange(DateOnly day, string field) =>
        day.Year is < FirstYear or > LastYear
            ? throw Invalid("PeriodOutOfRange", $"A period falls in the years {FirstYear} to {LastYear}.", field)
            : day;

    private static DomainValidationException Invalid(string code, string message, string field) => new(code, message, field);
}
