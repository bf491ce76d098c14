using System.Text.Json.Serialization;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;

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
/// <param name="PostNumber">Which of the staff member's posts acted (docs/decisions/0016): a person may hold several of one role.</param>
public sealed record Actor(string Name, AccessRole Role, UnitId? UnitId, ActSource Source, StaffId? StaffId = null, int? PostNumber = null)
{
    public static Actor System(ActSource source) => new("system", AccessRole.System, null, source);
}

public sealed record Reporter(string? Name, string? Phone);

/// <summary>
/// A photo kept with a timeline event. Made only from the id of a photo this system stored
/// (<see cref="OfPhoto"/>), so an event cannot point anywhere else. Values an older database holds
/// are read back unchecked (null, foreign paths): screens show only <see cref="PhotoId"/>'s.
/// </summary>
public sealed record Attachment
{
    private const string PhotoPrefix = "/photos/";
    private static readonly string[] PhotoTypes = ["image/jpeg", "image/png", "image/webp"];

    /// <summary>For the database and JSON readers only: what was stored, as it was stored.</summary>
    [JsonConstructor]
    private Attachment(string fileName, string contentType, string path) => (FileName, ContentType, Path) = (fileName, contentType, path);

    public string FileName { get; private init; }
    public string ContentType { get; private init; }
    public string Path { get; private init; }

    /// <summary>The stored photo this points at; null for a value this system never made.</summary>
    [JsonIgnore]
    public Guid? PhotoId => PhotoIdOf(Path);

    /// <summary>The <paramref name="number"/>th photo of an event, stored under <paramref name="photoId"/>.</summary>
    public static Attachment OfPhoto(Guid photoId, string contentType, int number)
    {
        if (photoId == Guid.Empty) throw new DomainValidationException("PhotoNotStored", "A photo needs the id it was stored under.", "photoIds");
        if (!PhotoTypes.Contains(contentType))
            throw new DomainValidationException("NotAPhoto", $"{contentType} is not a stored photo's type.", "photoIds");
        if (number is < 1 or > Case.MaxAttachments)
            throw new DomainValidationException("TooManyAttachments", $"At most {Case.MaxAttachments} attachments per event.", "photoIds");
        return new($"photo-{number}.jpg", contentType, PhotoPath(photoId));
    }

    /// <summary>Where a stored photo is served: this system's own address, never another host or scheme.</summary>
    public static string PhotoPath(Guid photoId) => $"{PhotoPrefix}{photoId:N}";

    /// <summary>The stored photo a path names when it is exactly <see cref="PhotoPath"/>'s form; otherwise null.</summary>
    public static Guid? PhotoIdOf(string? path) =>
        path is not null && path.StartsWith(PhotoPrefix, StringComparison.Ordinal)
        && Guid.TryParseExact(path.AsSpan(PhotoPrefix.Length), "N", out var id) ? id : null;
}

/// <summary>A request by the handling unit that waits for a decision (延期 / 缓办 / 升级).</summary>
public sealed record PendingRequest(
    RequestKind Kind,
    string Reason,
    DateTime? RequestedDeadlineUtc,
    DateTime RequestedAtUtc,
    string RequestedBy);
