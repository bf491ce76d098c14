namespace CommandCenter.Infrastructure.Access;

/// <summary>
/// One line of the audit log as it is read: a case's timeline event (every command, from every
/// source, timers included) or an <see cref="AuditEntry"/> for an act that is no case command
/// (sign-ins, tokens, reveals, rule changes). A database view unites the two, so a case act is
/// stored once, as its timeline event, and never copied (docs/decisions/0004-one-write-path.md).
/// </summary>
public sealed class AuditRecord
{
    public DateTime AtUtc { get; private set; }
    /// <summary>A case event type (Dispatched, Signed…) or an act of its own (<see cref="AuditActions"/>).</summary>
    public string Action { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string ActorRole { get; private set; } = "";
    public int? StaffId { get; private set; }
    public int? UnitId { get; private set; }
    public string Source { get; private set; } = "";
    public Guid? CaseId { get; private set; }
    public string? Detail { get; private set; }
    /// <summary>The row's id in its own table; with <see cref="FromTimeline"/>, a stable order for acts of the same instant.</summary>
    public long RowId { get; private set; }
    public bool FromTimeline { get; private set; }
}
