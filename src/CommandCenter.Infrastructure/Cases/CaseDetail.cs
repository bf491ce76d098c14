using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>
/// Everything about one case, grouped as the case page shows it, with the commands the caller
/// may run now. Every part is set by name, so two values of one type cannot change places unseen.
/// </summary>
public sealed record CaseDetail
{
    public required Guid Id { get; init; }
    public required string Number { get; init; }
    public required CaseState State { get; init; }
    public required HandlingLevel Level { get; init; }
    /// <summary>The concurrency token: a command sends back the version it was chosen on.</summary>
    public required int Version { get; init; }
    public required CaseReport Report { get; init; }
    public required CasePlace Place { get; init; }
    /// <summary>Masked: revealing the reporter is a logged act of its own.</summary>
    public required CaseReporter Reporter { get; init; }
    public required CaseHandling Handling { get; init; }
    public required CaseDeadlines Deadlines { get; init; }
    /// <summary>Null until the case is rated (or closes as 默认满意).</summary>
    public required CaseRating? Rating { get; init; }
    public required PendingRequest? PendingRequest { get; init; }
    /// <summary>The latest 督办 while the unit holds the case, open or answered.</summary>
    public required Supervision? Supervision { get; init; }
    public required IReadOnlyList<PartView> Parts { get; init; }
    /// <summary>Each unit's time with the case, oldest first: the units that have let go of it.</summary>
    public required IReadOnlyList<HandlingRecordView> HandlingRecords { get; init; }
    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }
    public required IReadOnlyList<CaseCommand> AllowedCommands { get; init; }
}

/// <summary>What was reported, how and when; and why it was not taken in, if it was not.</summary>
public sealed record CaseReport
{
    public required Channel Channel { get; init; }
    public required Urgency Urgency { get; init; }
    public required string CategoryCode { get; init; }
    public required string CategoryName { get; init; }
    public required string Description { get; init; }
    public required DateTime ReportedAtUtc { get; init; }
    public required string? RejectionReason { get; init; }
}

public sealed record CasePlace
{
    public required CommunityId CommunityId { get; init; }
    public required string CommunityName { get; init; }
    public required CourtyardId CourtyardId { get; init; }
    public required string CourtyardName { get; init; }
    public required string? BuildingName { get; init; }
    /// <summary>The courtyard's facility the report named, as it stood then; null when none.</summary>
    public CaseFacility? Facility { get; init; }
    public required double? Latitude { get; init; }
    public required double? Longitude { get; init; }
}

/// <summary>
/// A facility a case names, by its id and as the report's timeline event recorded it (kind and place): a later correction of the
/// facility's row does not change what was reported about. Kind and place are null if that event is not at hand.
/// </summary>
public sealed record CaseFacility(FacilityId Id, FacilityKind? Kind, string? Place)
{
    public static CaseFacility? Of(Case c)
    {
        if (c.FacilityId is not { } id) return null;
        var reported = c.Timeline.FirstOrDefault(e => e.Type == CaseEventType.Reported);
        var kind = reported?.Detail is { } detail && detail.StartsWith($"{nameof(FacilityKind)}.", StringComparison.Ordinal)
            && Enum.TryParse<FacilityKind>(detail[(nameof(FacilityKind).Length + 1)..], out var parsed) ? parsed : (FacilityKind?)null;
        return new(id, kind, reported?.Note);
    }
}

public sealed record CaseReporter
{
    public required string? Name { get; init; }
    public required string? Phone { get; init; }
}

/// <summary>Who holds the case, what it has been through, and what the unit reported.</summary>
public sealed record CaseHandling
{
    public required UnitId? CurrentUnitId { get; init; }
    public required string? UnitName { get; init; }
    public required bool IsSupervised { get; init; }
    public required int SupervisionCount { get; init; }
    public required int ReworkCount { get; init; }
    public required int ReturnCount { get; init; }
    public required int EscalationCount { get; init; }
    public required bool IsArbitrated { get; init; }
    /// <summary>不满意 once more than may reopen it: a street leader decides the close (审定结案).</summary>
    public required bool AwaitsCloseDecision { get; init; }
    public required int UnsatisfiedReopenings { get; init; }
    public required bool NextDispatchIsArbitration { get; init; }
    public required DateTime? DoneAtUtc { get; init; }
    public required DateTime? ClosedAtUtc { get; init; }
    public required string? ResultSummary { get; init; }
}

/// <summary>The case's clock as the page shows it: deadlines, the policy that set them, and when the timers fired.</summary>
public sealed record CaseDeadlines
{
    public required DateTime? DispatchedAtUtc { get; init; }
    public required DateTime? SignDeadlineUtc { get; init; }
    public required DateTime? SignedAtUtc { get; init; }
    public required DateTime? WarningAtUtc { get; init; }
    public required DateTime? HandlingDeadlineUtc { get; init; }
    public required bool IsDeferred { get; init; }
    /// <summary>缓办 (挂账): since when, when a leader should review it, and whether it has become 积存.</summary>
    public required DateTime? DeferredAtUtc { get; init; }
    public required DateTime? ReviewAtUtc { get; init; }
    public required bool IsBacklog { get; init; }
    /// <summary>The latest deadline 延期 may still grant this round; null when no limit applies.</summary>
    public required DateTime? LatestPostponementUtc { get; init; }
    public required int? PolicyId { get; init; }
    public required int? PolicyRevision { get; init; }
    public required TimeBasis? TimeBasis { get; init; }
    public required DateTime? WarnedAtUtc { get; init; }
    public required DateTime? SignOverdueAtUtc { get; init; }
    public required DateTime? OverdueAtUtc { get; init; }
    /// <summary>The stage the case waits in for the desk (待受理, 待派遣, 待核查), when its clock runs; then its deadlines.</summary>
    public required CaseState? WaitStage { get; init; }
    public required DateTime? WaitWarningAtUtc { get; init; }
    public required DateTime? WaitDeadlineUtc { get; init; }
    public required DateTime? WaitOverdueAtUtc { get; init; }

    public static CaseDeadlines Of(CaseClock clock, WaitClock wait, StreetRules street, DateTime nowUtc) => new()
    {
        WaitStage = wait.Stage,
        WaitWarningAtUtc = wait.WarningAtUtc,
        WaitDeadlineUtc = wait.DeadlineUtc,
        WaitOverdueAtUtc = wait.OverdueAtUtc,
        DispatchedAtUtc = clock.DispatchedAtUtc,
        SignDeadlineUtc = clock.SignDeadlineUtc,
        SignedAtUtc = clock.SignedAtUtc,
        WarningAtUtc = clock.WarningAtUtc,
        HandlingDeadlineUtc = clock.HandlingDeadlineUtc,
        IsDeferred = clock.IsDeferred,
        DeferredAtUtc = clock.DeferredAtUtc,
        ReviewAtUtc = clock.ReviewAtUtc,
        IsBacklog = clock.IsBacklog(nowUtc, street),
        LatestPostponementUtc = clock.LatestPostponementUtc,
        PolicyId = clock.PolicyId,
        PolicyRevision = clock.PolicyRevision,
        TimeBasis = clock.TimeBasis,
        WarnedAtUtc = clock.WarnedAtUtc,
        SignOverdueAtUtc = clock.SignOverdueAtUtc,
        OverdueAtUtc = clock.OverdueAtUtc,
    };
}

public sealed record CaseRating
{
    public required Rating Rating { get; init; }
    public required RatingSource? Source { get; init; }
    public required string? Comment { get; init; }
}

/// <summary>One timeline event as screens show it: the unit by name.</summary>
public sealed record TimelineEntry
{
    public required int Sequence { get; init; }
    public required CaseEventType Type { get; init; }
    public required DateTime OccurredAtUtc { get; init; }
    public required string ActorName { get; init; }
    /// <summary>Who acted, when a staff member did: a screen tells its own user's acts from others'.</summary>
    public StaffId? ActorStaffId { get; init; }
    public required AccessRole ActorRole { get; init; }
    public required ActSource Source { get; init; }
    public required CaseState? FromState { get; init; }
    public required CaseState ToState { get; init; }
    public required HandlingLevel Level { get; init; }
    public required string? UnitName { get; init; }
    public required string? Note { get; init; }
    public required IReadOnlyList<Attachment> Attachments { get; init; }
    public required string? Detail { get; init; }
    public required DateTime? DetailAtUtc { get; init; }
}

/// <summary>Where a part of a cross-agency ticket stands.</summary>
public enum PartStatus
{
    /// <summary>待签收: a co-handler's part nobody has signed yet.</summary>
    ToSign,
    Open,
    /// <summary>退回: given back by its unit.</summary>
    Returned,
    Closed,
}

public static class PartStatuses
{
    public static PartStatus Of(PartRole role, bool closed, bool returned, bool signed) =>
        closed ? PartStatus.Closed : returned ? PartStatus.Returned : role == PartRole.CoHandler && !signed ? PartStatus.ToSign : PartStatus.Open;
}

/// <summary>One unit's share of a cross-agency ticket; a co-handler's with its own deadlines and lateness (as of its end, or now).</summary>
public sealed record PartView
{
    public required UnitId UnitId { get; init; }
    public required string UnitName { get; init; }
    public required PartRole Role { get; init; }
    public required bool IsRequired { get; init; }
    public required bool IsClosed { get; init; }
    public required string? Result { get; init; }
    public required DateTime? ClosedAtUtc { get; init; }
    public required string? ClosedBy { get; init; }
    public bool IsReturned { get; init; }
    public string? ReturnReason { get; init; }
    public DateTime? ReturnedAtUtc { get; init; }
    public DateTime? SignDeadlineUtc { get; init; }
    public DateTime? SignedAtUtc { get; init; }
    /// <summary>Signed, or given back by rework without a new sign-for.</summary>
    public bool IsSigned { get; init; }
    public DateTime? HandlingDeadlineUtc { get; init; }
    public bool SignedLate { get; init; }
    public bool HandledLate { get; init; }

    public bool IsOpen => !IsClosed && !IsReturned;

    public PartStatus Status => PartStatuses.Of(Role, IsClosed, IsReturned, IsSigned);

    public static PartView Of(CasePart p, string unitName, DateTime nowUtc)
    {
        var asOf = p.ClosedAtUtc ?? p.ReturnedAtUtc ?? nowUtc;
        var coHandler = p.Role == PartRole.CoHandler;
        return new()
        {
            UnitId = p.UnitId,
            UnitName = unitName,
            Role = p.Role,
            IsRequired = p.IsRequired,
            IsClosed = p.IsClosed,
            Result = p.Result,
            ClosedAtUtc = p.ClosedAtUtc,
            ClosedBy = p.ClosedBy,
            IsReturned = p.IsReturned,
            ReturnReason = p.ReturnReason,
            ReturnedAtUtc = p.ReturnedAtUtc,
            SignDeadlineUtc = p.Clock.SignDeadlineUtc,
            SignedAtUtc = p.Clock.SignedAtUtc,
            IsSigned = p.IsSigned,
            HandlingDeadlineUtc = p.Clock.HandlingDeadlineUtc,
            SignedLate = coHandler && p.Clock.SignedLate(asOf),
            HandledLate = coHandler && p.Clock.HandledLate(asOf),
        };
    }
}

/// <summary>One unit's time with the case (<see cref="HandlingRecord"/>), the unit by name.</summary>
public sealed record HandlingRecordView
{
    public required UnitId UnitId { get; init; }
    public required string UnitName { get; init; }
    /// <summary>The lead's time with the case, or a co-handler's part.</summary>
    public PartRole Role { get; init; }
    public required HandlingLevel Level { get; init; }
    public required HandlingRound Round { get; init; }
    public required DateTime StartedAtUtc { get; init; }
    public required DateTime? SignDeadlineUtc { get; init; }
    public required DateTime? SignedAtUtc { get; init; }
    public required DateTime? HandlingDeadlineUtc { get; init; }
    public required int Postponements { get; init; }
    public required bool WasDeferred { get; init; }
    public required DateTime EndedAtUtc { get; init; }
    public required HandlingOutcome Outcome { get; init; }
    public required bool SignedLate { get; init; }
    public required bool HandledLate { get; init; }
}
