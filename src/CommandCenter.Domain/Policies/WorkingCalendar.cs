using System.Collections.Frozen;
using System.Collections.Immutable;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Policies;

/// <summary>
/// The street's working time: Monday to Friday except public holidays, plus make-up
/// working days (调休), each inside the same working hours in China local time.
/// Days of years the calendar was not given are plain weeks: Monday to Friday work.
/// Immutable; all instants in and out are UTC.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>09:00–12:00 and 13:30–18:00, the hours used when a street sets none.</summary>
    public static readonly IReadOnlyList<(TimeOnly Start, TimeOnly End)> StandardWorkingHours =
        [(new(9, 0), new(12, 0)), (new(13, 30), new(18, 0))];

    private readonly FrozenSet<DateOnly> _holidays;
    private readonly FrozenSet<DateOnly> _makeUpWorkingDays;
    private readonly ImmutableArray<(TimeOnly Start, TimeOnly End)> _workingHours;

    /// <summary>
    /// Builds a calendar. Working periods lie within one local day, each starting before
    /// it ends; they may come in any order but must not overlap.
    /// </summary>
    public WorkingCalendar(
        IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays,
        IEnumerable<(TimeOnly Start, TimeOnly End)> workingHours)
    {
        _holidays = holidays.ToFrozenSet();
        _makeUpWorkingDays = makeUpWorkingDays.ToFrozenSet();
        _workingHours = [.. workingHours.OrderBy(p => p.Start)];

        if (_holidays.Where(_makeUpWorkingDays.Contains).Order().Cast<DateOnly?>().FirstOrDefault() is { } both)
            throw new DomainValidationException("HolidayIsMakeUpDay", $"{both:yyyy-MM-dd} is both a holiday and a make-up working day.", "makeUpWorkingDays");
        if (_workingHours.Length == 0)
            throw new DomainValidationException("WorkingHoursRequired", "Set at least one working period.", "workingHours");
        if (_workingHours.Where(p => p.Start >= p.End).Cast<(TimeOnly Start, TimeOnly End)?>().FirstOrDefault() is { } invalid)
            throw new DomainValidationException("WorkingPeriodInvalid", $"The working period {invalid.Start:HH:mm}–{invalid.End:HH:mm} does not start before it ends.", "workingHours");
        if (_workingHours.Zip(_workingHours.Skip(1)).Any(pair => pair.First.End > pair.Second.Start))
            throw new DomainValidationException("WorkingPeriodsOverlap", "Working periods must not overlap.", "workingHours");

        DailyWorkingHours = _workingHours.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.End - p.Start));
    }

    /// <summary>The working periods of a working day, earliest first.</summary>
    public IReadOnlyList<(TimeOnly Start, TimeOnly End)> WorkingHours => _workingHours;

    /// <summary>The working time in one working day (7.5 h for the standard hours).</summary>
    public TimeSpan DailyWorkingHours { get; }

    /// <summary>A calendar from one year's arrangement; <paramref name="workingHours"/> defaults to <see cref="StandardWorkingHours"/>.</summary>
    public static WorkingCalendar FromYear(CalendarYear year, IReadOnlyList<(TimeOnly Start, TimeOnly End)>? workingHours = null) =>
        FromYears([year], workingHours);

    /// <summary>A calendar combining several years' arrangements, each year given once.</summary>
    public static WorkingCalendar FromYears(IEnumerable<CalendarYear> years, IReadOnlyList<(TimeOnly Start, TimeOnly End)>? workingHours = null)
    {
        var list = years.ToList();
        if (list.GroupBy(y => y.Year).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw new DomainValidationException("DuplicateCalendarYear", $"The arrangement for {duplicate.Key} is given more than once.", "years");
        var holidays = list.SelectMany(y => y.Holidays).ToList();
        if (holidays.FirstOrDefault(h => h.From > h.To) is { } reversed)
            throw new DomainValidationException("HolidayRangeInvalid", $"{reversed.Name} ends ({reversed.To:yyyy-MM-dd}) before it starts ({reversed.From:yyyy-MM-dd}).", "holidays");

        return new WorkingCalendar(
            holidays.SelectMany(h => Enumerable.Range(0, h.To.DayNumber - h.From.DayNumber + 1).Select(h.From.AddDays)),
            list.SelectMany(y => y.MakeUpWorkingDays),
            workingHours ?? StandardWorkingHours);
    }

    /// <summary>Whether <paramref name="day"/> (a China local date) is worked: Monday–Friday unless a holiday, a weekend day only if a make-up day.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        _makeUpWorkingDays.Contains(day)
        || day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary><paramref name="n"/> working days as working time, so that days and hours share one arithmetic.</summary>
    public TimeSpan WorkingDays(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return DailyWorkingHours * n;
    }

    /// <summary>
    /// The instant when <paramref name="amount"/> of working time has passed after
    /// <paramref name="startUtc"/>. A start outside working time counts from the next
    /// working period; a result that falls on the end of a period stays there. A zero
    /// amount returns the start unchanged, wherever it falls.
    /// </summary>
    public DateTime AddWorkingTime(DateTime startUtc, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        if (amount == TimeSpan.Zero) return startUtc;

        var day = ChinaTime.LocalDate(startUtc);
        var position = startUtc - ChinaTime.StartOfLocalDayUtc(day);
        var remaining = amount;
        // One step per day and period: a limit of N working days walks about N·7/5 days.
        for (; ; day = day.AddDays(1), position = TimeSpan.Zero)
        {
            if (!IsWorkingDay(day)) continue;
            foreach (var (start, end) in _workingHours)
            {
                var from = position > start.ToTimeSpan() ? position : start.ToTimeSpan();
                var available = end.ToTimeSpan() - from;
                if (available <= TimeSpan.Zero) continue;
                if (remaining <= available) return ChinaTime.StartOfLocalDayUtc(day) + from + remaining;
                remaining -= available;
            }
        }
    }

    /// <summary>
    /// The working time between two instants; negative when <paramref name="toUtc"/> is
    /// earlier (time left before a deadline turns negative once it has passed).
    /// </summary>
    public TimeSpan WorkingTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc < fromUtc) return -WorkingTimeBetween(toUtc, fromUtc);

        var total = TimeSpan.Zero;
        for (var day = ChinaTime.LocalDate(fromUtc); day <= ChinaTime.LocalDate(toUtc); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            var midnight = ChinaTime.StartOfLocalDayUtc(day);
            foreach (var (start, end) in _workingHours)
            {
                var overlap = Min(midnight + end.ToTimeSpan(), toUtc) - Max(midnight + start.ToTimeSpan(), fromUtc);
                if (overlap > TimeSpan.Zero) total += overlap;
            }
        }
        return total;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
