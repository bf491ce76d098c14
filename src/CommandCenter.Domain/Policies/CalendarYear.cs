namespace CommandCenter.Domain.Policies;

/// <summary>One public holiday as the State Council announces it, both ends included.</summary>
public sealed record Holiday(string Name, DateOnly From, DateOnly To);

/// <summary>
/// A year's holiday arrangement: its holidays and its make-up working days (调休).
/// A holiday may start in the previous year (元旦 sometimes does); dates are not bound to <see cref="Year"/>.
/// </summary>
public sealed record CalendarYear(int Year, IReadOnlyList<Holiday> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays);
