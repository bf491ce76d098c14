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
    Supervised,
    Escalated,
    PartClosed,
}
