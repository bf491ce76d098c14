using System.Text.Json;
using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommandCenter.Infrastructure.Deadlines;

/// <summary>
/// Gives a new database the default time policies (DESIGN §4) and the official working
/// calendars shipped with the app (Deadlines/Calendars/*.json, the State Council's notices).
/// Every street starts there; administrators edit from there. Tables already filled are left alone.
/// </summary>
public sealed class DeadlineDefaultsSeeder(IOptions<DeadlineOptions> options)
{
    public async Task SeedAsync(CommandCenterDbContext db, CancellationToken cancellationToken = default)
    {
        if (!await db.CalendarDays.AnyAsync(cancellationToken))
            db.CalendarDays.AddRange(ShippedCalendars().SelectMany(DaysOf));
        if (!await db.TimePolicies.AnyAsync(cancellationToken))
        {
            var hours = options.Value.ParseWorkingHours();
            db.TimePolicies.AddRange(PolicyTable.Defaults(new WorkingCalendar([], [], hours)).Policies);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public static IEnumerable<CalendarYear> ShippedCalendars()
    {
        var assembly = typeof(DeadlineDefaultsSeeder).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Calendars.", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            yield return JsonSerializer.Deserialize<CalendarYear>(stream, JsonSerializerOptions.Web)
                ?? throw new InvalidDataException($"{name} holds no calendar year.");
        }
    }

    private static IEnumerable<CalendarDay> DaysOf(CalendarYear year) =>
        year.Holidays
            .SelectMany(h => Enumerable.Range(0, h.To.DayNumber - h.From.DayNumber + 1)
                .Select(i => new CalendarDay { Date = h.From.AddDays(i), Kind = CalendarDayKind.Holiday, Name = h.Name }))
            .Concat(year.MakeUpWorkingDays.Select(d => new CalendarDay { Date = d, Kind = CalendarDayKind.MakeUpWorkingDay, Name = "调休" }));
}
