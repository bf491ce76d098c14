using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Cases;

/// <summary>The limits that set a case's deadlines at one level.</summary>
public sealed record CaseTimeLimits(TimeSpan SignFor, TimeSpan Handling, double WarningShare)
{
    public DateTime WarningAt(DateTime startUtc) => startUtc + Handling * WarningShare;
}

/// <summary>
/// The order of magnitude DESIGN §4 gives, in calendar time. The configurable policy
/// table and working calendar replace it where a street has set its own.
/// </summary>
public static class DefaultTimeLimits
{
    public const double WarningShare = 0.75;
    public static readonly TimeSpan SignFor = TimeSpan.FromMinutes(30);

    public static CaseTimeLimits For(Urgency urgency, HandlingLevel level) => new(
        urgency == Urgency.Normal ? SignFor : TimeSpan.FromMinutes(15),
        Handling(urgency, level),
        WarningShare);

    private static TimeSpan Handling(Urgency urgency, HandlingLevel level) => (urgency, level) switch
    {
        (Urgency.Normal, HandlingLevel.Courtyard) => TimeSpan.FromHours(24),
        (Urgency.Normal, HandlingLevel.Community) => TimeSpan.FromHours(48),
        (Urgency.Normal, HandlingLevel.Street) => TimeSpan.FromHours(72),
        (Urgency.Normal, _) => TimeSpan.FromDays(7),
        (Urgency.Urgent, HandlingLevel.Courtyard) => TimeSpan.FromHours(2),
        (Urgency.Urgent, HandlingLevel.Community) => TimeSpan.FromHours(4),
        (Urgency.Urgent, HandlingLevel.Street) => TimeSpan.FromHours(8),
        (Urgency.Urgent, _) => TimeSpan.FromHours(24),
        (_, HandlingLevel.Courtyard) => TimeSpan.FromHours(1),
        (_, HandlingLevel.Community) => TimeSpan.FromHours(2),
        (_, HandlingLevel.Street) => TimeSpan.FromHours(4),
        _ => TimeSpan.FromHours(12),
    };
}
