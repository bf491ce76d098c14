using CommandCenter.Domain.Policies;

namespace CommandCenter.Domain.Assessment;

/// <summary>
/// Durations in the street's working time (the calendar the deadlines run on), so an average
/// sign-for or handling time does not count nights, weekends and holidays.
/// </summary>
public static class WorkingTimes
{
    /// <summary>How many spans there are and their working time in total; a span that ends before it starts counts as none.</summary>
    public static (int Count, TimeSpan Total) Sum(WorkingCalendar calendar, IEnumerable<(DateTime FromUtc, DateTime ToUtc)> spans)
    {
        var (count, total) = (0, TimeSpan.Zero);
        foreach (var (from, to) in spans)
        {
            count++;
            if (to > from) total += calendar.WorkingTimeBetween(from, to);
        }
        return (count, total);
    }
}
