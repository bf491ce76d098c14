using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Events;

namespace CommandCenter.Infrastructure.Dashboard;

/// <summary>Today's counts on the wall; "today" is the China day.</summary>
public sealed record TodayCounts(int Received, int Dispatched, int InProgress, int Closed, int Overdue);

/// <summary>An open case as the map and the alert list show it; no personal data.</summary>
public sealed record OpenCase(Guid CaseId, string Number, CourtyardId CourtyardId, Urgency Urgency, string CategoryCode, bool IsOverdue, DateTime? HandlingDeadlineUtc);

/// <summary>
/// The figures of one wall at one moment, immutable, kept by the events alone.
/// Resolved-at-level = closed cases of the last 30 days by the level they were closed at.
/// Alerts = open cases past their handling deadline or marked overdue, most overdue first.
/// Trends count cases received and closed per hour (24 h) and per China day (7 d).
/// The rates and the unit ranking are assessment figures, from <see cref="WallAssessment"/>.
/// </summary>
public sealed record DashboardFigures(
    long Version,
    DateTime AsOfUtc,
    TodayCounts Today,
    IReadOnlyDictionary<CommunityId, int> OpenByCommunity,
    IReadOnlyDictionary<string, int> OpenByCategoryGroup,
    IReadOnlyDictionary<HandlingLevel, int> ClosedAtLevel,
    IReadOnlyList<CaseEvent> LatestEvents,
    IReadOnlyList<OpenCase> OpenCases,
    IReadOnlyList<OpenCase> Alerts,
    TrendSeries Hourly,
    TrendSeries Daily);
