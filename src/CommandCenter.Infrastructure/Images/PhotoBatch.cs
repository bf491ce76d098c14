using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.PublicReporting;

namespace CommandCenter.Infrastructure.Images;

/// <summary>
/// Uploads made ready by <see cref="PhotoStore"/>: either every photo, processed and not yet
/// stored, or the first one refused and why.
/// </summary>
public sealed class PhotoBatch
{
    private PhotoBatch(IReadOnlyList<StoredPhoto> photos, string? refusedFileName, PhotoRefusal? refusal) =>
        (Photos, RefusedFileName, Refusal) = (photos, refusedFileName, refusal);

    public IReadOnlyList<StoredPhoto> Photos { get; }
    public string? RefusedFileName { get; }
    public PhotoRefusal? Refusal { get; }

    /// <summary>What the case event records: one attachment per photo, pointing where it is served.</summary>
    public IReadOnlyList<Attachment> Attachments =>
        [.. Photos.Select((p, i) => Attachment.OfPhoto(p.Id, p.ContentType, i + 1))];

    /// <summary>What a command names them by (<c>PhotoIds</c>): it finds them once <see cref="AddTo"/> has added them.</summary>
    public IReadOnlyList<Guid> Ids => [.. Photos.Select(p => p.Id)];

    /// <summary>Adds the photos to <paramref name="db"/>, as <paramref name="owner"/>'s: call it inside the transaction that writes the event.</summary>
    public void AddTo(CommandCenterDbContext db, Case owner)
    {
        foreach (var photo in Photos) photo.BelongTo(owner.Id);
        db.Photos.AddRange(Photos);
    }

    internal static PhotoBatch Accepted(IReadOnlyList<StoredPhoto> photos) => new(photos, null, null);

    internal static PhotoBatch Refused(string fileName, PhotoRefusal refusal) => new([], fileName, refusal);
}
