namespace CommandCenter.Domain.Common;

/// <summary>China observes one zone without daylight saving, so a fixed offset is exact.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>
    /// The China wall-clock time of a UTC instant. One in the last 8 h a DateTime can hold shows as
    /// its last instant instead of overflowing: whatever an old database stored must still display.
    /// </summary>
    public static DateTime ToLocal(DateTime utc) => utc > DateTime.MaxValue - Offset ? DateTime.MaxValue : utc + Offset;

    public static DateTime StartOfLocalDayUtc(DateOnly day) =>
        DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);
}
