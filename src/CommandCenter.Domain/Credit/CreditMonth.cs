using System.Globalization;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Credit;

/// <summary>A calendar month of China days: what automatic items, inspections and the published list are per.</summary>
public readonly record struct CreditMonth
{
    public CreditMonth(int year, int month)
    {
        Period = AssessmentPeriod.Month(year, month);
        (Year, Month) = (year, month);
    }

    public int Year { get; }
    public int Month { get; }
    public AssessmentPeriod Period { get; }
    public DateOnly FirstDay => Period.FirstDay;
    public DateOnly LastDay => Period.LastDay;
    /// <summary>"2026-11": the month in rule keys and the published list.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>Refused unless the month is over in China at <paramref name="nowUtc"/>: its figures are still moving.</summary>
    public CreditMonth Ended(DateTime nowUtc) =>
        ChinaTime.LocalDate(nowUtc) > LastDay ? this : throw new DomainValidationException("MonthNotOver", $"{Key} is not over yet.", "month");

    /// <summary>The month before the one holding <paramref name="day"/>: at a month's start, the month to publish.</summary>
    public static CreditMonth Before(DateOnly day)
    {
        var previous = day.AddMonths(-1);
        return new CreditMonth(previous.Year, previous.Month);
    }

    /// <summary>The month of a <see cref="Key"/> ("2026-11"), as stored.</summary>
    public static CreditMonth Parse(string key)
    {
        var date = DateOnly.ParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new CreditMonth(date.Year, date.Month);
    }

    public override string ToString() => Key;
}
