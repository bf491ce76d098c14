using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;

namespace CommandCenter.Domain.Notices;

/// <summary>
/// Which case events tell whom: the one rule every write follows, so a page or a timer never
/// decides on its own who hears of a change.
/// </summary>
public static class NoticeRules
{
    /// <summary>The clocks whose end the dispatchers are told of.</summary>
    private static readonly HashSet<CaseEventType> ClocksRunOut =
    [
        CaseEventType.SignOverdue, CaseEventType.ReturnedUnsigned, CaseEventType.Overdue, CaseEventType.AcceptanceOverdue,
        CaseEventType.DispatchOverdue, CaseEventType.VerificationOverdue, CaseEventType.SupervisionOverdue,
        CaseEventType.PartSignOverdue, CaseEventType.PartOverdue,
    ];

    /// <summary>The notices one timeline event gives rise to.</summary>
    public static IEnumerable<NoticeKind> For(CaseEventType type, CaseState? fromState, CaseState toState)
    {
        switch (type)
        {
            case CaseEventType.Dispatched or CaseEventType.Arbitrated or CaseEventType.PartAssigned:
                yield return NoticeKind.Dispatched;
                break;
            case CaseEventType.Warned or CaseEventType.PartWarned:
                yield return NoticeKind.Warned;
                break;
            case CaseEventType.Supervised:
                yield return NoticeKind.Supervised;
                break;
            case CaseEventType.Rejected:
                yield return NoticeKind.CaseRejected;
                break;
        }
        if (ClocksRunOut.Contains(type)) yield return NoticeKind.ClockOverdue;
        if (toState == CaseState.Closed && fromState != CaseState.Closed) yield return NoticeKind.CaseClosed;
    }

    public static NoticeAudience AudienceOf(NoticeKind kind) => kind switch
    {
        NoticeKind.Dispatched or NoticeKind.Warned or NoticeKind.Supervised => NoticeAudience.UnitStaff,
        NoticeKind.ClockOverdue => NoticeAudience.Dispatchers,
        NoticeKind.CaseClosed or NoticeKind.CaseRejected => NoticeAudience.Reporter,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Urgent notices go out at any hour; the others wait for the end of quiet hours. A resident is
    /// never woken for a closed case, a handler is for an urgent dispatch, a 督办 or a clock run out.
    /// </summary>
    public static bool IsUrgent(NoticeKind kind, Urgency urgency) => kind switch
    {
        NoticeKind.Supervised or NoticeKind.ClockOverdue => true,
        NoticeKind.Dispatched => urgency != Urgency.Normal,
        _ => false,
    };
}
