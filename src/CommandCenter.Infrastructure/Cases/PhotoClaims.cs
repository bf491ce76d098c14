using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.PublicReporting;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>
/// Photos a report or command names by id (<c>photoIds</c>). Each must be stored already (uploaded
/// by the same staff member, or added to this unit of work by the page that took it) and belong to
/// no other case; anything else is refused, and nothing is saved.
/// </summary>
internal static class PhotoClaims
{
    /// <summary>Refuses a list no event could hold, before anything is looked up.</summary>
    public static void CheckList(IReadOnlyList<Guid> ids)
    {
        if (ids.Count > Case.MaxAttachments)
            throw new DomainValidationException("TooManyAttachments", $"At most {Case.MaxAttachments} attachments per event.", "photoIds");
        if (ids.Distinct().Count() != ids.Count) throw new DomainValidationException("DuplicatePhoto", "Each photo is attached once.", "photoIds");
    }

    /// <summary>The photos in the order named, each one <paramref name="staffId"/> may attach to <paramref name="caseId"/> (null: a case being reported).</summary>
    public static async Task<IReadOnlyList<StoredPhoto>> FindAsync(CommandCenterDbContext db, IReadOnlyList<Guid> ids, Guid? caseId, StaffId? staffId)
    {
        CheckList(ids);
        var wanted = ids.ToList();
        var adding = db.Photos.Local.Where(p => wanted.Contains(p.Id)).ToList();
        var stored = await db.Photos.Where(p => wanted.Contains(p.Id)).ToListAsync();
        var photos = adding.Concat(stored).DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        return [.. ids.Select(id =>
            // Another's photo is refused exactly like one that does not exist: its existence is not for this caller.
            photos.TryGetValue(id, out var photo) && photo.MayBeAttached(caseId, staffId)
                ? photo
                : throw new DomainValidationException("PhotoNotStored", $"No stored photo {id} can be attached to this case.", "photoIds"))];
    }

    /// <summary>What an event records of its photos: one attachment each, in the order named.</summary>
    public static IReadOnlyList<Attachment> AttachmentsOf(IEnumerable<StoredPhoto> photos) =>
        [.. photos.Select((p, i) => Attachment.OfPhoto(p.Id, p.ContentType, i + 1))];
}
