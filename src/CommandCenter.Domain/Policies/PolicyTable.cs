using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Policies;

/// <summary>
/// The street's time-limit policies, resolved per case. The most specific policy wins:
/// first by category (item code, then its group code, then any), then by urgency
/// (the case's own, then any). Category weighs more, so a category policy for any
/// urgency overrides an any-category policy for the case's urgency.
/// </summary>
public sealed class PolicyTable
{
    private readonly TimePolicy[] _policies;

    /// <summary>Builds a table; no two policies may share category, urgency and level.</summary>
    public PolicyTable(IEnumerable<TimePolicy> policies)
    {
        _policies = [.. policies];
        if (_policies.GroupBy(p => (p.CategoryCode, p.Urgency, p.Level)).FirstOrDefault(g => g.Count() > 1) is { } clash)
            throw new DomainValidationException(
                "DuplicatePolicyScope",
                $"Policies {string.Join(", ", clash.Select(p => p.Id))} all apply to category {clash.Key.CategoryCode ?? "any"}, urgency {clash.Key.Urgency?.ToString() ?? "any"}, level {clash.Key.Level}.",
                "policies");
    }

    public IReadOnlyList<TimePolicy> Policies => _policies;

    /// <summary>
    /// The seeded set of DESIGN §4 for every urgency × level, for any category. 一般 district
    /// is five working days on <paramref name="calendar"/>'s hours (standard hours if null);
    /// every other limit is round-the-clock time.
    /// </summary>
    public static PolicyTable Defaults(WorkingCalendar? calendar = null)
    {
        var workingWeek = (calendar ?? new WorkingCalendar([], [], WorkingCalendar.StandardWorkingHours)).WorkingDays(5);
        var levels = Enum.GetValues<HandlingLevel>();
        return new(Enum.GetValues<Urgency>().SelectMany(urgency => levels.Select(level =>
        {
            var limits = DefaultTimeLimits.For(urgency, level);
            var onWorkingTime = (urgency, level) == (Urgency.Normal, HandlingLevel.District);
            return TimePolicy.Create(
                id: (int)urgency * levels.Length + (int)level,
                categoryCode: null,
                urgency,
                level,
                signFor: urgency == Urgency.Critical ? TimeSpan.FromMinutes(10) : limits.SignFor,
                handling: onWorkingTime ? workingWeek : limits.Handling,
                limits.WarningShare,
                onWorkingTime ? TimeBasis.Working : TimeBasis.Calendar,
                waiting: WaitingLimits.DefaultFor(urgency));
        })));
    }

    /// <summary>
    /// The limits for a case of <paramref name="categoryCode"/> (an item code) at
    /// <paramref name="urgency"/> and <paramref name="level"/>; <see cref="DefaultTimeLimits"/>
    /// in calendar time when no policy matches.
    /// </summary>
    public ResolvedPolicy Resolve(string categoryCode, Urgency urgency, HandlingLevel level)
    {
        var best = _policies
            .Where(p => p.Level == level
                && (p.Urgency is null || p.Urgency == urgency)
                && (p.CategoryCode is null || categoryCode.StartsWith(p.CategoryCode, StringComparison.Ordinal)))
            .OrderByDescending(p => p.CategoryCode?.Length ?? 0)
            .ThenByDescending(p => p.Urgency is not null)
            .FirstOrDefault();

        return best is null
            ? new(null, null, DefaultTimeLimits.For(urgency, level), TimeBasis.Calendar)
            : new(best.Id, best.Revision, new(best.SignFor, best.Handling, best.WarningShare), best.Basis, best.SignForLapse, best.AutoSuperviseOnOverdue,
                best.MaxPostponements, best.LongestExtension, best.Waiting);
    }
}
