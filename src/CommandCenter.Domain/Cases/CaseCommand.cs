namespace CommandCenter.Domain.Cases;

/// <summary>Everything that can be done to a case; each is one method on <see cref="Case"/>.</summary>
public enum CaseCommand
{
    Accept,
    Reject,
    Merge,
    Dispatch,
    Sign,
    Return,
    AddProgress,
    ReportDone,
    RequestPostponement,
    RequestDeferral,
    RequestEscalation,
    ApproveRequest,
    RefuseRequest,
    Verify,
    Rate,
    AutoClose,
    Supervise,
    Escalate,
    ClosePart,
    /// <summary>审定结案: a street leader closes a case the reporter keeps rating 不满意.</summary>
    DecideClose,
    /// <summary>督办回复: the holding unit answers the open 督办.</summary>
    AnswerSupervision,
    /// <summary>恢复办理: a leader ends a deferral; the handling clock restarts.</summary>
    ResumeDeferred,
    /// <summary>延长挂账: a leader sets a later review date for a deferral.</summary>
    ExtendDeferral,
    /// <summary>签收 of a co-handler's part by its own unit; its handling clock starts.</summary>
    SignPart,
    /// <summary>A co-handler's progress note, with photos, on its part.</summary>
    AddPartProgress,
    /// <summary>退回: a co-handler gives its part back with a reason; the part no longer holds the case back.</summary>
    ReturnPart,
    /// <summary>The lead or the desk asks another unit to co-handle a running cross-agency ticket (after a 退回).</summary>
    AssignPart,
}
