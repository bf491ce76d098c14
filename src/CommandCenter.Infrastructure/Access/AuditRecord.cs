using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.Access;

/// <summary>
/// One line of the audit log as it is read: a case's timeline event (every command, from every
/// source, timers included) or an <see cref="AuditEntry"/> for an act that is no case command
/// (sign-ins, tokens, reveals, rule changes). A database view unites the two, so a case act is
/// stored once, as its timeline event, and never copied (docs/decisions/0004-one-write-path.md).
/// </summary>
public sealed class AuditRecord
{
    public DateTime AtUtc { get; init; }
    /// <summary>A case event type (Dispatched, Signed…) or an act of its own (<see cref="AuditActions"/>).</summary>
    public string Action { get; init; } = "";
    public string ActorName { get; init; } = "";
    public AccessRole ActorRole { get; init; }
    public StaffId? StaffId { get; init; }
    /// <summary>Which of the staff member's posts acted; null for acts of no staff member and those written before posts were numbered.</summary>
    public int? PostNumber { get; init; }
    public UnitId? UnitId { get; init; }
    public ActSource Source { get; init; }
    public Guid? CaseId { get; init; }
    public string? Detail { get; init; }
    /// <summary>The row's id in its own table; with <see cref="FromTimeline"/>, a stable order for acts of the same instant.</summary>
    public long RowId { get; init; }
    public bool FromTimeline { get; init; }
}
