using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.Cases;

/// <param name="TotalIsLowerBound">True when counting stopped early: there are at least <paramref name="TotalCount"/> matches.</param>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, bool TotalIsLowerBound = false);

/// <summary>A number of matches, counted no further than a cap: past it, there are at least <see cref="Value"/>.</summary>
public readonly record struct CappedCount(int Value, bool IsLowerBound)
{
    public static CappedCount operator +(CappedCount a, CappedCount b) => new(a.Value + b.Value, a.IsLowerBound || b.IsLowerBound);

    /// <summary>Several counts together: a lower bound if any of them is.</summary>
    public static CappedCount Sum(IEnumerable<CappedCount> counts) => counts.Aggregate(default(CappedCount), (sum, count) => sum + count);
}

/// <summary>One row of a queue.</summary>
public sealed record CaseListItem(
    Guid Id,
    string Number,
    CaseState State,
    HandlingLevel Level,
    Urgency Urgency,
    string CategoryCode,
    string CategoryName,
    string CommunityName,
    CourtyardId CourtyardId,
    string CourtyardName,
    string? UnitName,
    string Description,
    DateTime ReportedAtUtc,
    DateTime? SignDeadlineUtc,
    DateTime? WarningAtUtc,
    DateTime? HandlingDeadlineUtc,
    bool IsSupervised,
    int ReworkCount,
    int Version,
    UnitId? UnitId = null,
    DateTime? WaitWarningAtUtc = null,
    DateTime? WaitDeadlineUtc = null,
    DateTime? LastChangedAtUtc = null);

/// <summary>A queue page request: filters, search, sort and paging, all done by the database.</summary>
public sealed record CaseQuery
{
    public const int MaxPageSize = 200;

    public CaseState? State { get; init; }
    public IReadOnlyList<CaseState>? States { get; init; }
    public HandlingLevel? Level { get; init; }
    public CommunityId? CommunityId { get; init; }
    public CourtyardId? CourtyardId { get; init; }
    public UnitId? UnitId { get; init; }
    public string? CategoryCode { get; init; }
    public Urgency? Urgency { get; init; }
    public bool? Supervised { get; init; }
    /// <summary>Where the case stands against its stage's clock now (预警, 超时...), by <see cref="CaseTimeStatus"/>.</summary>
    public TimeStatus? Time { get; init; }
    /// <summary>A case number (or its start), words of the description, or a courtyard name.</summary>
    public string? Search { get; init; }
    public CaseSort Sort { get; init; } = CaseSort.ReportedAt;
    public bool Descending { get; init; } = true;
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;

    /// <summary>Whether the search box holds anything: a search, whose matches are each an index's hit joined to its case.</summary>
    public bool HasSearch => !string.IsNullOrWhiteSpace(Search);
}

public enum CaseSort
{
    ReportedAt,
    Number,
    HandlingDeadline,
    Urgency,
    State,
}

/// <summary>A department's share of work: cases it leads or co-handles.</summary>
public sealed record DepartmentTicket(
    CaseListItem Case, PartRole? Role, bool PartClosed, string? PartResult,
    PartStatus? PartStatus = null, DateTime? PartSignDeadlineUtc = null, DateTime? PartHandlingDeadlineUtc = null);
