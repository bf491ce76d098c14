namespace CommandCenter.Domain.Access;

/// <summary>
/// A decision on a case that the street assigns to posts in <see cref="DecisionRights"/>, rather than
/// a rule of the code. Approving and refusing a request are one decision; the request's kind says which.
/// </summary>
public enum Decision
{
    /// <summary>Approve or refuse a 延期 request.</summary>
    ApprovePostponement,
    /// <summary>Approve or refuse a 缓办 request.</summary>
    ApproveDeferral,
    /// <summary>Approve or refuse a unit's request to escalate.</summary>
    ApproveEscalation,
    /// <summary>核查: check a case reported done.</summary>
    Verify,
    /// <summary>Record the reporter's rating from a revisit call (回访).</summary>
    RecordRevisit,
    /// <summary>升级 by hand, unasked.</summary>
    Escalate,
    /// <summary>审定结案: close a case the reporter keeps rating 不满意 (<see cref="Cases.Case.DecideClose"/>).</summary>
    DecideClose,
    /// <summary>恢复办理 or 延长挂账: end a deferral or set a later review date.</summary>
    ResumeDeferral,
}
