using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.PublicReporting;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>
/// What travels with a report or a command besides its request, as data, and is stored in its
/// transaction: photos just taken (processed by the photo store, not yet stored; a command names
/// them in its <c>PhotoIds</c>) or, for a report through the API, the ids of photos its sender
/// uploaded beforehand; for a resident's report, the tracking code handed back.
/// Nothing of it is stored or bound when the report or command is refused.
/// </summary>
public sealed record CaseEnclosures(IReadOnlyList<StoredPhoto> Photos, string? TrackingCode = null)
{
    public static readonly CaseEnclosures None = new([]);

    /// <summary>Photos uploaded beforehand by <see cref="UploaderStaffId"/>, claimed for the report in its transaction.</summary>
    public IReadOnlyList<Guid> UploadedPhotoIds { get; private init; } = [];
    public StaffId? UploaderStaffId { get; private init; }

    public static CaseEnclosures Uploaded(IReadOnlyList<Guid>? photoIds, StaffId? staffId)
    {
        if (photoIds is not { Count: > 0 }) return None;
        PhotoClaims.CheckList(photoIds);
        return new([]) { UploadedPhotoIds = photoIds, UploaderStaffId = staffId };
    }

    internal bool ClaimsUploads => UploadedPhotoIds.Count > 0;

    /// <summary>What a report records of its photos just taken: one attachment each, in the order taken.</summary>
    public IReadOnlyList<Attachment> Attachments => PhotoClaims.AttachmentsOf(Photos);

    /// <summary>The report's attachments: its photos just taken, or the uploaded ones it claims (refused unless each is the uploader's and free).</summary>
    internal async Task<IReadOnlyList<Attachment>> AttachmentsAsync(CommandCenterDbContext db) =>
        ClaimsUploads ? PhotoClaims.AttachmentsOf(await PhotoClaims.FindAsync(db, UploadedPhotoIds, null, UploaderStaffId)) : Attachments;

    /// <summary>What a command names the photos by.</summary>
    public IReadOnlyList<Guid> PhotoIds => [.. Photos.Select(p => p.Id)];

    /// <summary>Adds the photos, still nobody's, to the unit of work, where the command finds them by id.</summary>
    internal void AddPhotos(CommandCenterDbContext db) => db.Photos.AddRange(Photos);

    /// <summary>Adds everything as <paramref name="reported"/>'s: its photos and its tracking code.</summary>
    internal void AddTo(CommandCenterDbContext db, Case reported)
    {
        foreach (var photo in Photos) photo.BelongTo(reported.Id);
        // Local detects changes over the whole unit of work: only a report that claims uploads pays for it.
        if (ClaimsUploads)
            foreach (var photo in db.Photos.Local.Where(p => UploadedPhotoIds.Contains(p.Id))) photo.BelongTo(reported.Id);
        AddPhotos(db);
        if (TrackingCode is { } code) db.CaseTrackings.Add(new CaseTracking { Code = code, CaseId = reported.Id });
    }
}
