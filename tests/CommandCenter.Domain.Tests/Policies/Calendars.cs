using System.Globalization;
using System.Text.Json;
using CommandCenter.Domain.Policies;

namespace CommandCenter.Domain.Tests.Policies;

/// <summary>The State Council's 2026 arrangement, read from the JSON copied next to the tests, on the standard hours.</summary>
public static class Calendars
{
    public static readonly CalendarYear Year2026 = Load("cn-working-calendar-2026.json");

    /// <summary>09:00–12:00 and 13:30–18:00 China time: 7.5 working hours a day.</summary>
    public static readonly WorkingCalendar China2026 = WorkingCalendar.FromYear(Year2026);

    /// <summary>An ISO instant such as "2026-11-24T01:30:00Z", as a UTC DateTime.</summary>
    public static DateTime Utc(string instant) =>
        DateTime.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static CalendarYear Load(string fileName) =>
        JsonSerializer.Deserialize<CalendarYear>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Policies", fileName)), JsonSerializerOptions.Web)
        ?? throw new InvalidDataException($"{fileName} holds no calendar year.");
}
