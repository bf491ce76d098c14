using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.PublicReporting;

/// <summary>
/// A processed photo (re-encoded JPEG, no metadata), kept in the database beside the case so
/// a backup holds both. A timeline attachment points at it by <see cref="PathOf"/>.
/// </summary>
public sealed class StoredPhoto
{
    public Guid Id { get; init; }
    public required byte[] Content { get; init; }
    public required string ContentType { get; init; }
    public required string Sha256 { get; init; }
    public DateTime StoredAtUtc { get; init; }
    /// <summary>The case it belongs to: who may see the case (or holds its tracking code) may see the photo.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>
    /// The staff member who uploaded it ahead of a report or command (POST /api/photos): until it
    /// belongs to a case, only they may open or attach it. Null for photos stored with their case.
    /// </summary>
    public StaffId? UploaderStaffId { get; private set; }

    public void BelongTo(Guid caseId) => CaseId = caseId;

    public void UploadedBy(StaffId? staffId) => UploaderStaffId = staffId;

    /// <summary>Whether <paramref name="staffId"/> may attach it to <paramref name="caseId"/> (null: a case being reported).</summary>
    public bool MayBeAttached(Guid? caseId, StaffId? staffId) =>
        CaseId is { } owner ? owner == caseId : UploaderStaffId is null || UploaderStaffId == staffId;

    /// <summary>An upload that belongs to no case is for its uploader's eyes only.</summary>
    public bool IsUnattachedUploadOf(StaffId? staffId) => CaseId is null && UploaderStaffId is { } uploader && uploader == staffId;

    public static string PathOf(Guid id) => Domain.Cases.Attachment.PhotoPath(id);

    /// <summary>The address a resident's tracking page uses: the tracking code opens the photo without an account.</summary>
    public static string PathFor(string path, string trackingCode) => $"{path}?t={Uri.EscapeDataString(trackingCode)}";
}
