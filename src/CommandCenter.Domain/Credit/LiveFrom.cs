using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Credit;

/// <summary>
/// The China day a street's figures begin: the day its first case was reported. Not the setup's day: a street
/// sets up, then spends days entering its units and staff before it takes a case, and a street whose earlier
/// cases were brought in was live from those. Credit is made of case figures, so a month is judged only when
/// cases were taken for the whole of it; a month before, or the month the street began in, would list every
/// company at the base score from nothing.
/// </summary>
public readonly record struct LiveFrom(DateOnly Day)
{
    /// <summary>Null while the street has no case: it is not live yet.</summary>
    public static LiveFrom? OfFirstCase(DateTime? firstReportedAtUtc) =>
        firstReportedAtUtc is { } at ? new LiveFrom(ChinaTime.LocalDate(at)) : null;

    public bool CoversWhole(CreditMonth month) => Day <= month.FirstDay;
}
