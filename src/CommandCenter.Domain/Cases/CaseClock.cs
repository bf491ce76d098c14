using CommandCenter.Domain.Policies;

namespace CommandCenter.Domain.Cases;

/// <summary>The deadline timers a case's clock runs, in the order they fire when several are due.</summary>
public enum CaseTimer
{
    /// <summary>签收时限: the unit has not signed in time.</summary>
    SignFor,
    /// <summary>Twice the sign-for limit and still not signed: the case returns to dispatch or rises, as the dispatch's policy chose.</summary>
    SignLapse,
    /// <summary>预警/催办: the warning share of the handling limit has passed.</summary>
    Warning,
    /// <summary>处置时限: the handling limit has passed.</summary>
    Handling,
    /// <summary>缓办 review date: a reminder that a leader should resume or extend the deferral; the case stays deferred.</summary>
    DeferralReview,
}

/// <summary>
/// A case's clock (DESIGN §4): the limits its current dispatch set, the deadlines counted from
/// them, and the marks the timers left. Immutable: each transition returns the next clock, so
/// values that belong together — a deadline, its warning and the marks of both — change in one place.
/// </summary>
public sealed record CaseClock
{
    /// <summary>No clock runs: the case has not been dispatched.</summary>
    public static CaseClock Stopped { get; } = new();

    private CaseClock() { }

    public DateTime? DispatchedAtUtc { get; private init; }
    public DateTime? SignDeadlineUtc { get; private init; }
    /// <summary>Twice the sign-for limit after dispatch; null for dispatches made before the rule existed.</summary>
    public DateTime? SignLapseDeadlineUtc { get; private init; }
    public DateTime? SignedAtUtc { get; private init; }
    public DateTime? WarningAtUtc { get; private init; }
    public DateTime? HandlingDeadlineUtc { get; private init; }

    /// <summary>缓办: the handling clock stands still until a leader resumes it or the case leaves its unit.</summary>
    public bool IsDeferred { get; private init; }
    /// <summary>When the current deferral was approved; null when not deferred.</summary>
    public DateTime? DeferredAtUtc { get; private init; }
    /// <summary>When a leader should look at the deferral again; null when not deferred.</summary>
    public DateTime? ReviewAtUtc { get; private init; }
    /// <summary>When the review reminder fired for the current review date.</summary>
    public DateTime? ReviewDueAtUtc { get; private init; }
    /// <summary>When a leader last resumed a deferral in this round: the round was deferred, and its handling clock restarted then.</summary>
    public DateTime? ResumedAtUtc { get; private init; }
    /// <summary>When the unit got the case back for rework (返工); null in the round its dispatch began.</summary>
    public DateTime? ReworkStartedAtUtc { get; private init; }
    /// <summary>延期 granted in the current round.</summary>
    public int Postponements { get; private init; }
    /// <summary>Where the round's handling deadline stood before any 延期, so the total extension can be measured.</summary>
    public DateTime? OriginalHandlingDeadlineUtc { get; private init; }
    /// <summary>The latest deadline 延期 may grant this round: the longest extension after the original deadline, on the policy's basis; null when no limit applies.</summary>
    public DateTime? LatestPostponementUtc { get; private init; }
    /// <summary>The dispatch's policy limits on 延期 per round; null for dispatches made before the limits existed, or (the extension) under no policy row: no limit.</summary>
    public int? MaxPostponements { get; private init; }
    public TimeSpan? LongestExtension { get; private init; }
    /// <summary>When the handling deadline of the current round first passed; unlike the overdue mark, a postponement does not clear it.</summary>
    public DateTime? HandlingLateAtUtc { get; private init; }

    /// <summary>The limits the current dispatch set; kept so sign and rework can restart the clock.</summary>
    public TimeSpan? SignForLimit { get; private init; }
    public TimeSpan? HandlingLimit { get; private init; }
    public double? WarningShare { get; private init; }
    public TimeBasis? TimeBasis { get; private init; }
    /// <summary>What the dispatch's policy said follows a missed sign-for; a later policy change applies to the next dispatch.</summary>
    public SignForLapse? SignForLapse { get; private init; }
    /// <summary>Whether the dispatch's policy 督办s the case when it goes overdue; false for dispatches made before the switch existed.</summary>
    public bool AutoSuperviseOnOverdue { get; private init; }
    /// <summary>Which policy, in which revision, set the current deadlines (null: the built-in defaults).</summary>
    public int? PolicyId { get; private init; }
    public int? PolicyRevision { get; private init; }

    /// <summary>When the timers said so: warning (yellow), missed sign-for, overdue at district level (red).</summary>
    public DateTime? WarnedAtUtc { get; private init; }
    public DateTime? SignOverdueAtUtc { get; private init; }
    public DateTime? OverdueAtUtc { get; private init; }

    /// <summary>派遣: a new clock with <paramref name="policy"/>'s limits; the sign-for deadline runs from <paramref name="nowUtc"/>.</summary>
    public static CaseClock Dispatched(ResolvedPolicy policy, DeadlineRules rules, DateTime nowUtc) => new()
    {
        DispatchedAtUtc = nowUtc,
        SignDeadlineUtc = rules.For(policy).SignDeadline(nowUtc),
        SignLapseDeadlineUtc = rules.For(policy).SignLapseDeadline(nowUtc),
        SignForLimit = policy.Limits.SignFor,
        HandlingLimit = policy.Limits.Handling,
        WarningShare = policy.Limits.WarningShare,
        TimeBasis = policy.Basis,
        SignForLapse = policy.SignForLapse,
        AutoSuperviseOnOverdue = policy.AutoSuperviseOnOverdue,
        MaxPostponements = policy.MaxPostponements,
        LongestExtension = policy.LongestExtension,
        PolicyId = policy.PolicyId,
        PolicyRevision = policy.Revision,
    };

    /// <summary>签收: the handling deadline and its warning run from <paramref name="nowUtc"/>.</summary>
    public CaseClock Signed(DateTime nowUtc, DeadlineRules rules) =>
        (this with { SignedAtUtc = nowUtc }).HandlingRestarted(nowUtc, rules);

    /// <summary>
    /// The handling limit counted afresh from <paramref name="nowUtc"/> (on signing, and on rework),
    /// with the dispatch's own limits and basis, whatever the policy table says now. A deferred
    /// clock, or one no dispatch set, stays as it is.
    /// </summary>
    public CaseClock HandlingRestarted(DateTime nowUtc, DeadlineRules rules)
    {
        if (HandlingLimit is not { } limit || IsDeferred) return this;
        var deadlines = rules.For(new ResolvedPolicy(
            PolicyId, PolicyRevision,
            new CaseTimeLimits(SignForLimit ?? limit, limit, WarningShare ?? DefaultTimeLimits.WarningShare),
            TimeBasis ?? Policies.TimeBasis.Calendar, LongestExtension: LongestExtension));
        var deadline = deadlines.HandlingDeadline(nowUtc);
        return Unmarked() with
        {
            HandlingDeadlineUtc = deadline,
            OriginalHandlingDeadlineUtc = deadline,
            LatestPostponementUtc = deadlines.LatestPostponement(deadline),
            WarningAtUtc = deadlines.WarningAt(nowUtc),
        };
    }

    /// <summary>返工: a new round for the same unit, its handling limit counted afresh from <paramref name="nowUtc"/>.</summary>
    public CaseClock Reworked(DateTime nowUtc, DeadlineRules rules) =>
        (this with { ReworkStartedAtUtc = nowUtc, ResumedAtUtc = null, Postponements = 0, HandlingLateAtUtc = null }).HandlingRestarted(nowUtc, rules);

    /// <summary>The round's limit on 延期 count is used up.</summary>
    public bool PostponementLimitReached => Postponements >= MaxPostponements;

    /// <summary>积存: deferred for the street's <see cref="StreetRules.BacklogAfter"/> or longer at <paramref name="nowUtc"/>.</summary>
    public bool IsBacklog(DateTime nowUtc, StreetRules street) => IsDeferred && street.IsBacklog(DeferredAtUtc, nowUtc);

    /// <summary>延期 approved: the handling deadline moves; the warning keeps its lead on it.</summary>
    public CaseClock Postponed(DateTime newDeadlineUtc)
    {
        var warningLead = HandlingDeadlineUtc - WarningAtUtc;
        return Unmarked() with
        {
            Postponements = Postponements + 1,
            HandlingDeadlineUtc = newDeadlineUtc,
            WarningAtUtc = warningLead is { } lead ? newDeadlineUtc - lead : null,
        };
    }

    /// <summary>缓办 approved: no handling deadline and no warning until a leader resumes it; a reminder at <paramref name="reviewAtUtc"/>.</summary>
    public CaseClock Deferred(DateTime nowUtc, DateTime reviewAtUtc) => this with
    {
        IsDeferred = true,
        DeferredAtUtc = nowUtc,
        ReviewAtUtc = reviewAtUtc,
        ReviewDueAtUtc = null,
        HandlingDeadlineUtc = null,
        WarningAtUtc = null,
    };

    /// <summary>恢复办理: the deferral ends and the handling limit is counted afresh from <paramref name="nowUtc"/>, as on rework.</summary>
    public CaseClock Resumed(DateTime nowUtc, DeadlineRules rules) =>
        (Undeferred() with { ResumedAtUtc = nowUtc }).HandlingRestarted(nowUtc, rules);

    /// <summary>延长挂账: a new review date, whose reminder fires afresh.</summary>
    public CaseClock ReviewExtended(DateTime reviewAtUtc) => this with { ReviewAtUtc = reviewAtUtc, ReviewDueAtUtc = null };

    /// <summary>
    /// The case left its unit (returned, escalated): no deadline runs until the next dispatch. The
    /// dispatch's limits and policy stay, so the case still says which policy last set its deadlines,
    /// and so does a missed sign-for, so the departing unit's lateness is not wiped with it.
    /// </summary>
    public CaseClock Released() => Unmarked() with
    {
        IsDeferred = false,
        DeferredAtUtc = null,
        ReviewAtUtc = null,
        ReviewDueAtUtc = null,
        ResumedAtUtc = null,
        ReworkStartedAtUtc = null,
        Postponements = 0,
        OriginalHandlingDeadlineUtc = null,
        LatestPostponementUtc = null,
        HandlingLateAtUtc = null,
        SignOverdueAtUtc = SignOverdueAtUtc,
        SignDeadlineUtc = null,
        SignLapseDeadlineUtc = null,
        SignedAtUtc = null,
        HandlingDeadlineUtc = null,
        WarningAtUtc = null,
    };

    /// <summary>When <paramref name="timer"/> is due for a case in <paramref name="state"/>; null when it does not apply or has fired.</summary>
    public DateTime? DueAt(CaseTimer timer, CaseState state) => timer switch
    {
        CaseTimer.SignFor => state == CaseState.Dispatched && SignOverdueAtUtc is null ? SignDeadlineUtc : null,
        // Fires once: either action takes the case out of 已派遣.
        CaseTimer.SignLapse => state == CaseState.Dispatched && SignForLapse is Policies.SignForLapse.ReturnToDispatch or Policies.SignForLapse.Escalate ? SignLapseDeadlineUtc : null,
        CaseTimer.Warning => state == CaseState.InProgress && !IsDeferred && WarnedAtUtc is null ? WarningAtUtc : null,
        CaseTimer.Handling => state == CaseState.InProgress && !IsDeferred && OverdueAtUtc is null ? HandlingDeadlineUtc : null,
        CaseTimer.DeferralReview => state == CaseState.InProgress && IsDeferred && ReviewDueAtUtc is null ? ReviewAtUtc : null,
        _ => throw new ArgumentOutOfRangeException(nameof(timer), timer, null),
    };

    /// <summary>The earliest moment one of this clock's timers is due; null when none runs.</summary>
    public DateTime? NextDueAt(CaseState state) => Enum.GetValues<CaseTimer>().Min(t => DueAt(t, state));

    /// <summary>The first timer, in <see cref="CaseTimer"/> order, that is due at <paramref name="nowUtc"/>; a warning always falls before its own deadline.</summary>
    public CaseTimer? DueTimer(CaseState state, DateTime nowUtc)
    {
        foreach (var timer in Enum.GetValues<CaseTimer>())
            if (DueAt(timer, state) <= nowUtc) return timer;
        return null;
    }

    /// <summary>The mark that <paramref name="timer"/> fired at <paramref name="nowUtc"/>, which takes it out of <see cref="NextDueAt"/>.</summary>
    public CaseClock Fired(CaseTimer timer, DateTime nowUtc) => timer switch
    {
        CaseTimer.SignFor => this with { SignOverdueAtUtc = nowUtc },
        CaseTimer.Warning => this with { WarnedAtUtc = nowUtc },
        CaseTimer.Handling => this with { OverdueAtUtc = nowUtc, HandlingLateAtUtc = HandlingLateAtUtc ?? nowUtc },
        CaseTimer.DeferralReview => this with { ReviewDueAtUtc = nowUtc },
        _ => throw new ArgumentOutOfRangeException(nameof(timer), timer, null),
    };

    /// <summary>Whether the unit signed after its sign-for deadline, or had not signed by <paramref name="endedAtUtc"/> when it had passed.</summary>
    public bool SignedLate(DateTime endedAtUtc) => SignDeadlineUtc is { } deadline && (SignedAtUtc ?? endedAtUtc) > deadline;

    /// <summary>Whether the handling deadline of the current round passed before the unit let go at <paramref name="endedAtUtc"/>, even if a postponement moved it since.</summary>
    public bool HandledLate(DateTime endedAtUtc) =>
        HandlingLateAtUtc is not null || SignedAtUtc is not null && HandlingDeadlineUtc is { } deadline && endedAtUtc > deadline;

    private CaseClock Undeferred() => this with { IsDeferred = false, DeferredAtUtc = null, ReviewAtUtc = null, ReviewDueAtUtc = null };

    /// <summary>New deadlines start with no timer fired.</summary>
    private CaseClock Unmarked() => this with { WarnedAtUtc = null, SignOverdueAtUtc = null, OverdueAtUtc = null };
}
