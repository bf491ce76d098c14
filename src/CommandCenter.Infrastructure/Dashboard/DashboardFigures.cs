using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Events;

namespace CommandCenter.Infrastructure.Dashboard;

/// <summary>Today's counts on the wall; "today" is the China day.</summary>
public sealed record TodayCounts(int Received, int Dispatched, int InProgress, int Closed, int Overdue);

/// <summary>A unit's last 30 days: cases it closed and the share rated satisfied by people (null: none rated).</summary>
public sealed record UnitRanking(UnitId UnitId, int Closed, double? SatisfactionRate);

/// <summary>An open case as the map and the alert list show it; no personal data.</summary>
public sealed record OpenCase(Guid CaseId, string Number, CourtyardId CourtyardId, Urgency Urgency, string CategoryCode, bool IsOverdue, DateTime? HandlingDeadlineUtc);

/// <summary>
/// The figures of one wall at one moment, immutable. Rates are null when there is nothing to
/// divide by. Satisfaction = (满意 + 基本满意) ÷ ratings given by people (reporter or revisit),
/// closed in the last 30 days; 默认满意 is not a person's rating and is left out.
/// Resolved-at-level = closed cases of the last 30 days by the level they were closed at.
/// Alerts = open cases past their handling deadline or marked overdue, most overdue first.
/// Unit rankings = units by cases closed in the window, then by satisfaction.
/// On-time rate = closed cases of the window never marked overdue ÷ closed cases of the window.
/// Trends count cases received and closed per hour (24 h) and per China day (7 d).
/// </summary>
public sealed record DashboardFigures(
    long Version,
    DateTime AsOfUtc,
    TodayCounts Today,
    double? SatisfactionRate,
    double? OnTimeRate,
    IReadOnlyDictionary<CommunityId, int> OpenByCommunity,
    IReadOnlyDictionary<string, int> OpenByCategoryGroup,
    IReadOnlyDictionary<HandlingLevel, int> ClosedAtLevel,
    IReadOnlyList<CaseEvent> LatestEvents,
    IReadOnlyList<OpenCase> OpenCases,
    IReadOnlyList<OpenCase> Alerts,
    IReadOnlyList<UnitRanking> UnitRankings,
    TrendSeries Hourly,
    TrendSeries Daily);
