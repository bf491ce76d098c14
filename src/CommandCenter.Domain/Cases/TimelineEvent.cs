using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Cases;

/// <summary>
/// One change of a case. Append-only: created by <see cref="Case"/> and never modified;
/// a correction is a new event.
/// </summary>
public sealed class TimelineEvent
{
    private readonly List<Attachment> _attachments = [];

    private TimelineEvent() { }

    internal TimelineEvent(
        int sequence, CaseEventType type, DateTime occurredAtUtc, Actor actor,
        CaseState? fromState, CaseState toState, HandlingLevel level, UnitId? unitId,
        string? note, IEnumerable<Attachment>? attachments, string? detail, DateTime? detailAtUtc)
    {
        Detail = detail;
        DetailAtUtc = detailAtUtc;
        Sequence = sequence;
        Type = type;
        OccurredAtUtc = occurredAtUtc;
        ActorName = actor.Name;
        ActorRole = actor.Role;
        ActorUnitId = actor.UnitId;
        ActorStaffId = actor.StaffId;
        ActorPostNumber = actor.PostNumber;
        Source = actor.Source;
        FromState = fromState;
        ToState = toState;
        Level = level;
        UnitId = unitId;
        Note = note;
        if (attachments is not null) _attachments.AddRange(attachments);
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public int Sequence { get; private set; }
    public CaseEventType Type { get; private set; }
    public DateTime OccurredAtUtc { get; private set; }
    public string ActorName { get; private set; } = "";
    public AccessRole ActorRole { get; private set; }
    public UnitId? ActorUnitId { get; private set; }
    public StaffId? ActorStaffId { get; private set; }
    /// <summary>Which of the staff member's posts acted; null for acts of no staff member.</summary>
    public int? ActorPostNumber { get; private set; }
    public ActSource Source { get; private set; }
    public CaseState? FromState { get; private set; }
    public CaseState ToState { get; private set; }
    public HandlingLevel Level { get; private set; }
    public UnitId? UnitId { get; private set; }
    /// <summary>What a person wrote; nothing else, so it reads right in any language.</summary>
    public string? Note { get; private set; }
    /// <summary>
    /// A fact of the event as a code a screen translates, "{Enum}.{Name}": the return reason,
    /// the rating, the kind of request decided or withdrawn (e.g. ReturnReason.OwnershipUnclear).
    /// </summary>
    public string? Detail { get; private set; }
    /// <summary>A time that belongs to the detail: the deadline asked for or granted.</summary>
    public DateTime? DetailAtUtc { get; private set; }
    public IReadOnlyList<Attachment> Attachments => _attachments;
}
