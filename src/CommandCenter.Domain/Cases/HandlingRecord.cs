using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Cases;

/// <summary>How a unit's time with a case began: sent to it by dispatch, or sent back to it for rework (返工).</summary>
public enum HandlingRound
{
    Dispatch,
    Rework,
}

/// <summary>How a unit's time with a case ended.</summary>
public enum HandlingOutcome
{
    /// <summary>办结: the unit reported the problem solved.</summary>
    Done,
    /// <summary>退单: the unit sent the case back to dispatch.</summary>
    Returned,
    /// <summary>Nobody signed by twice the sign-for limit; the timer took the case back.</summary>
    ReturnedUnsigned,
    /// <summary>The case rose a level: by the timer, by hand, or on the unit's approved request.</summary>
    Escalated,
    /// <summary>A co-handler's part ended unfinished because the lead let go of the case (returned or escalated).</summary>
    Withdrawn,
}

/// <summary>
/// One unit's time with a case (DESIGN §4): when it got it, when it signed, the deadlines it had
/// when it let go, how often they moved, how it ended, and whether it was late to sign or to
/// handle. Written once, when the unit lets go, and never changed: whatever happens to the case
/// afterwards, this is what the unit did. The basis of every per-unit figure.
/// </summary>
public sealed class HandlingRecord
{
    private HandlingRecord() { }

    internal HandlingRecord(UnitId unitId, HandlingLevel level, CaseClock clock, HandlingOutcome outcome, DateTime endedAtUtc, PartRole role = PartRole.Lead)
    {
        Role = role;
        var rework = clock.ReworkStartedAtUtc is not null;
        UnitId = unitId;
        Level = level;
        Round = rework ? HandlingRound.Rework : HandlingRound.Dispatch;
        StartedAtUtc = clock.ReworkStartedAtUtc ?? clock.DispatchedAtUtc ?? endedAtUtc;
        SignDeadlineUtc = rework ? null : clock.SignDeadlineUtc;
        SignedAtUtc = rework ? null : clock.SignedAtUtc;
        HandlingDeadlineUtc = clock.HandlingDeadlineUtc;
        Postponements = clock.Postponements;
        WasDeferred = clock.IsDeferred || clock.ResumedAtUtc is not null;
        EndedAtUtc = endedAtUtc;
        Outcome = outcome;
        SignedLate = !rework && clock.SignedLate(endedAtUtc);
        HandledLate = clock.HandledLate(endedAtUtc);
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public UnitId UnitId { get; private set; }
    /// <summary>The unit held the case (<see cref="PartRole.Lead"/>) or a co-handler's part of a cross-agency ticket.</summary>
    public PartRole Role { get; private set; }
    public HandlingLevel Level { get; private set; }
    public HandlingRound Round { get; private set; }
    public DateTime StartedAtUtc { get; private set; }
    /// <summary>Null for a rework round: the unit already held the case, there was nothing to sign.</summary>
    public DateTime? SignDeadlineUtc { get; private set; }
    public DateTime? SignedAtUtc { get; private set; }
    /// <summary>The handling deadline as it last stood, after any postponement; null when it never ran or the case was deferred.</summary>
    public DateTime? HandlingDeadlineUtc { get; private set; }
    /// <summary>延期 granted in this round.</summary>
    public int Postponements { get; private set; }
    /// <summary>缓办 was granted in this round, whether or not a leader resumed it since.</summary>
    public bool WasDeferred { get; private set; }
    public DateTime EndedAtUtc { get; private set; }
    public HandlingOutcome Outcome { get; private set; }
    public bool SignedLate { get; private set; }
    public bool HandledLate { get; private set; }
}
