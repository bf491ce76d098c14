namespace CommandCenter.Infrastructure.Deadlines;

public enum CalendarDayKind
{
    /// <summary>A public holiday: no working time, even on a weekday.</summary>
    Holiday,
    /// <summary>调休: a weekend day that is worked.</summary>
    MakeUpWorkingDay,
}

/// <summary>One day that differs from the plain week, as the State Council's notice for its year lists it.</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; init; }
    public CalendarDayKind Kind { get; init; }
    public required string Name { get; init; }
}
