using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Events;

namespace CommandCenter.Infrastructure.Dashboard;

/// <summary>Today's counts on the wall; "today" is the China day.</summary>
public sealed record TodayCounts(int Received, int Dispatched, int InProgress, int Closed, int Overdue);

/// <summary>挂账: open cases deferred (缓办) now; 积存: those among them deferred for <paramref name="BacklogAfter"/> (the street's rule) or longer.</summary>
public sealed record DeferredCounts(int Deferred, int Backlog, TimeSpan BacklogAfter);

/// <summary>
/// An open case as the map and the alert list show it; no personal data. <paramref name="Stage"/> names the clock
/// it runs on (待受理, 待派遣, 待签收, 处置, 待核查), <paramref name="Status"/> where it stands against it now, and
/// <paramref name="DeadlineUtc"/> that clock's deadline.
/// </summary>
public sealed record OpenCase(
    Guid CaseId, string Number, CourtyardId CourtyardId, Urgency Urgency, string CategoryCode, CaseState Stage, TimeStatus Status, DateTime? DeadlineUtc)
{
    public bool IsOverdue => Status == TimeStatus.Overdue;
}

/// <summary>Open cases waiting in <paramref name="Stage"/>, and how many of them are overdue on its clock.</summary>
public sealed record OpenCount(CaseState Stage, int Open, int Overdue);

/// <summary>
/// The figures of one wall at one moment, immutable, kept by the events alone.
/// Resolved-at-level = closed cases of the last 30 days by the level they were closed at.
/// Alerts (超期预警) = open cases whose current clock — acceptance, dispatch, sign-for, handling or verification — is
/// overdue or in warning: overdue first, then the nearest deadline first. Today's overdue count counts every stage's.
/// Trends count cases received and closed per hour (24 h) and per China day (7 d).
/// The rates and the unit ranking are assessment figures, from <see cref="WallAssessment"/>.
/// </summary>
public sealed record DashboardFigures(
    long Version,
    DateTime AsOfUtc,
    TodayCounts Today,
    DeferredCounts Deferred,
    IReadOnlyDictionary<CommunityId, int> OpenByCommunity,
    IReadOnlyDictionary<string, int> OpenByCategoryGroup,
    IReadOnlyDictionary<HandlingLevel, int> ClosedAtLevel,
    IReadOnlyList<CaseEvent> LatestEvents,
    IReadOnlyList<OpenCase> OpenCases,
    IReadOnlyList<OpenCase> Alerts,
    TrendSeries Hourly,
    TrendSeries Daily);
