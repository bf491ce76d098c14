using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.Access;

/// <summary>The audit page's filters: actor, unit, case, source and time, newest first.</summary>
public sealed record AuditQuery
{
    public const int MaxPageSize = 200;

    public string? Actor { get; init; }
    public StaffId? StaffId { get; init; }
    public UnitId? UnitId { get; init; }
    public Guid? CaseId { get; init; }
    public ActSource? Source { get; init; }
    public DateTime? FromUtc { get; init; }
    public DateTime? ToUtc { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 50;
}
