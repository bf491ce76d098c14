using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Policies;

/// <summary>
/// Which days an administrator may set in the working calendar: from the start of last year
/// (a late correction) to the end of the year after next (the State Council publishes next year's
/// arrangement in November). A date outside is a typing error, not a holiday.
/// </summary>
public static class CalendarDayRange
{
    public static DateOnly First(DateOnly today) => new(today.Year - 1, 1, 1);

    public static DateOnly Last(DateOnly today) => new(today.Year + 2, 12, 31);

    public static DateOnly Check(DateOnly date, DateOnly today) =>
        date >= First(today) && date <= Last(today)
            ? date
            : throw new DomainValidationException(
                "CalendarDayOutOfRange", $"A calendar day must fall between {First(today):yyyy-MM-dd} and {Last(today):yyyy-MM-dd}.", "date");
}
