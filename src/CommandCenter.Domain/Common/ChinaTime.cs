namespace CommandCenter.Domain.Common;

/// <summary>China observes one zone without daylight saving, so a fixed offset is exact.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(utc + Offset);

    public static DateTime StartOfLocalDayUtc(DateOnly day) =>
        DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);
}
