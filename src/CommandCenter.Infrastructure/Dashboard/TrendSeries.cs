using CommandCenter.Domain.Common;

namespace CommandCenter.Infrastructure.Dashboard;

/// <summary>
/// Cases received and closed per bucket, oldest bucket first, the last one being the current
/// (still filling) hour or China day. Bucket starts are UTC.
/// </summary>
public sealed record TrendSeries(IReadOnlyList<DateTime> BucketStartsUtc, IReadOnlyList<int> Received, IReadOnlyList<int> Closed)
{
    public const int Hours = 24;
    public const int Days = 7;

    /// <summary>The last 24 hours, by hour.</summary>
    public static TrendSeries Hourly(DateTime nowUtc, IEnumerable<DateTime> receivedUtc, IEnumerable<DateTime> closedUtc)
    {
        var currentHour = new DateTime(nowUtc.Year, nowUtc.Month, nowUtc.Day, nowUtc.Hour, 0, 0, DateTimeKind.Utc);
        var starts = Enumerable.Range(0, Hours).Select(i => currentHour.AddHours(i - Hours + 1)).ToList();
        return Count(starts, TimeSpan.FromHours(1), receivedUtc, closedUtc);
    }

    /// <summary>The last 7 China days, by day; a China day starts at 16:00 UTC the day before.</summary>
    public static TrendSeries Daily(DateTime nowUtc, IEnumerable<DateTime> receivedUtc, IEnumerable<DateTime> closedUtc)
    {
        var today = ChinaTime.LocalDate(nowUtc);
        var starts = Enumerable.Range(0, Days).Select(i => ChinaTime.StartOfLocalDayUtc(today.AddDays(i - Days + 1))).ToList();
        return Count(starts, TimeSpan.FromDays(1), receivedUtc, closedUtc);
    }

    private static TrendSeries Count(List<DateTime> starts, TimeSpan width, IEnumerable<DateTime> receivedUtc, IEnumerable<DateTime> closedUtc)
    {
        int[] Tally(IEnumerable<DateTime> times)
        {
            var counts = new int[starts.Count];
            foreach (var time in times)
            {
                var index = (int)Math.Floor((time - starts[0]) / width);
                if (index >= 0 && index < counts.Length) counts[index]++;
            }
            return counts;
        }
        return new TrendSeries(starts, Tally(receivedUtc), Tally(closedUtc));
    }
}
