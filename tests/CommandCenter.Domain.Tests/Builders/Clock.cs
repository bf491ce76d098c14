namespace CommandCenter.Domain.Tests.Builders;

public static class Clock
{
    /// <summary>09:00 on 22 November 2026 in China.</summary>
    public static readonly DateTime Start = new(2026, 11, 22, 1, 0, 0, DateTimeKind.Utc);
}
