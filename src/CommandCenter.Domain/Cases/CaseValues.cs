namespace CommandCenter.Domain.Cases;

public enum Channel
{
    Hotline,
    ResidentQr,
    GridPatrol,
    Dispatcher,
    ExternalSystem,
}

/// <summary>Why a unit sends a case back (退单).</summary>
public enum ReturnReason
{
    /// <summary>属地不符: not in the unit's area.</summary>
    JurisdictionMismatch,
    /// <summary>权属不清: ownership unclear.</summary>
    OwnershipUnclear,
    /// <summary>职能交叉: overlapping responsibilities.</summary>
    FunctionOverlap,
    Other,
}

public enum Rating
{
    Satisfied,
    BasicallySatisfied,
    Unsatisfied,
    /// <summary>默认满意: nobody rated within the evaluation window.</summary>
    DefaultSatisfied,
}

public enum RatingSource
{
    Reporter,
    Revisit,
    Automatic,
}

public enum RequestKind
{
    Postponement,
    Deferral,
    Escalation,
}

public enum PartRole
{
    Lead,
    CoHandler,
}

/// <summary>Who closed a cross-agency part: its own department, or the dispatch desk on its behalf (with a reason).</summary>
public enum PartClosure
{
    ByUnit,
    OnBehalf,
}

/// <summary>Who did something and through which door; written on every timeline event.</summary>
/// <param name="StaffId">The person, when a person acted; the audit log filters by it.</param>
public sealed record Actor(string Name, string Role, int? UnitId, string Source, int? StaffId = null)
{
    public static Actor System(string source) => new("system", "System", null, source);
}

public sealed record Reporter(string? Name, string? Phone);

/// <summary>A file kept with a timeline event (photo, document); the bytes live in storage.</summary>
public sealed record Attachment(string FileName, string ContentType, string Path);

/// <summary>A request by the handling unit that waits for a decision (延期 / 缓办 / 升级).</summary>
public sealed record PendingRequest(
    RequestKind Kind,
    string Reason,
    DateTime? RequestedDeadlineUtc,
    DateTime RequestedAtUtc,
    string RequestedBy);
