namespace CommandCenter.Domain.Cases;

/// <summary>What a timeline event records; always in the past tense.</summary>
public enum CaseEventType
{
    Reported,
    Accepted,
    Rejected,
    MergedInto,
    DuplicateMerged,
    Dispatched,
    Arbitrated,
    Signed,
    Returned,
    ProgressNoted,
    ReportedDone,
    PostponementRequested,
    DeferralRequested,
    EscalationRequested,
    RequestApproved,
    RequestRefused,
    VerificationPassed,
    VerificationFailed,
    Rated,
    RevisitRecorded,
    AutoClosed,
    /// <summary>Verification passed on a case nobody can rate (by its channel): closed at once, with no rating.</summary>
    ClosedWithoutRating,
    Supervised,
    Escalated,
    PartClosed,
    /// <summary>预警 / 催办: the warning point of the handling limit passed (yellow).</summary>
    Warned,
    /// <summary>The unit did not sign within the sign-for limit; the dispatcher is told.</summary>
    SignOverdue,
    /// <summary>Still not signed at twice the sign-for limit: the timer took the case from its unit back to dispatch.</summary>
    ReturnedUnsigned,
    /// <summary>The handling limit passed at district level, where there is no higher level (red).</summary>
    Overdue,
    /// <summary>审定结案: closed by a street leader's decision after the reporter's last 不满意.</summary>
    ClosedByDecision,
    /// <summary>待受理 longer than the policy allows: the desk is reminded.</summary>
    AcceptanceOverdue,
    /// <summary>待派遣 longer than the policy allows.</summary>
    DispatchOverdue,
    /// <summary>待核查 longer than the policy allows.</summary>
    VerificationOverdue,
    /// <summary>督办回复: the holding unit answered the open 督办, which ends it.</summary>
    SupervisionAnswered,
    /// <summary>The reply deadline of a 督办 passed unanswered.</summary>
    SupervisionOverdue,
    /// <summary>恢复办理: a leader ended the deferral; the handling clock restarted.</summary>
    DeferralResumed,
    /// <summary>延长挂账: a leader set a later review date.</summary>
    DeferralExtended,
    /// <summary>The review date of a deferral came; the case stays deferred until a leader acts.</summary>
    DeferralReviewDue,
    /// <summary>A co-handler signed its part.</summary>
    PartSigned,
    /// <summary>A co-handler noted progress on its part.</summary>
    PartProgressNoted,
    /// <summary>退回: a co-handler gave its part back, with a reason.</summary>
    PartReturned,
    /// <summary>Another unit was asked to co-handle a running cross-agency ticket.</summary>
    PartAssigned,
    /// <summary>Rework reopened a closed part: a new round with new deadlines.</summary>
    PartReopened,
    /// <summary>A co-handler did not sign its part within the sign-for limit.</summary>
    PartSignOverdue,
    /// <summary>The warning point of a co-handler's handling limit passed.</summary>
    PartWarned,
    /// <summary>A co-handler's handling limit passed with its part open.</summary>
    PartOverdue,
}
