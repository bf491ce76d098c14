using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Archive;

/// <summary>
/// A calendar quarter in China time: the period of the grid workers' round (seed 001 — tags are updated every
/// quarter). A home visited on 31 March at 23:00 Beijing time counts for the first quarter, not the second.
/// </summary>
public readonly record struct Quarter(int Year, int Number)
{
    public static Quarter Of(DateTime utc)
    {
        var day = ChinaTime.LocalDate(utc);
        return new Quarter(day.Year, (day.Month - 1) / 3 + 1);
    }

    public DateOnly FirstDay => new(Year, (Number - 1) * 3 + 1, 1);

    /// <summary>The instant the quarter begins, as stored times are compared.</summary>
    public DateTime StartUtc => ChinaTime.StartOfLocalDayUtc(FirstDay);

    public DateTime EndUtc => ChinaTime.StartOfLocalDayUtc(FirstDay.AddMonths(3));

    public bool Contains(DateTime? utc) => utc is { } at && at >= StartUtc && at < EndUtc;

    public override string ToString() => $"{Year}Q{Number}";
}
