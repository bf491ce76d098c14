using CommandCenter.Infrastructure.PublicReporting;

namespace CommandCenter.Infrastructure.Images;

/// <summary>
/// Makes uploads ready to keep with a case event, for residents and staff alike: every upload
/// goes through the pipeline before anything is written, and the caller adds the photos in the
/// same transaction as the event that points at them (see <see cref="PhotoBatch"/>).
/// </summary>
public sealed class PhotoStore(PhotoProcessor processor, TimeProvider clock)
{
    /// <summary>Photos one phone sends with one report or one event: a few pictures, not an album.</summary>
    public const int MaxPhotos = 3;

    /// <summary>Processes the uploads in order and stops at the first refused one; nothing is stored here.</summary>
    public async Task<PhotoBatch> PrepareAsync(IReadOnlyList<UploadedPhoto> uploads, CancellationToken cancellationToken = default)
    {
        var photos = new List<StoredPhoto>(uploads.Count);
        foreach (var upload in uploads)
        {
            var result = await processor.ProcessAsync(upload.Content, upload.FileName, cancellationToken);
            if (!result.IsAccepted) return PhotoBatch.Refused(upload.FileName, result.Refusal.Value);
            photos.Add(new StoredPhoto
            {
                Id = Guid.NewGuid(), Content = result.Photo.Content, ContentType = result.Photo.ContentType, Sha256 = result.Photo.Sha256,
                StoredAtUtc = clock.GetUtcNow().UtcDateTime,
            });
        }
        return PhotoBatch.Accepted(photos);
    }
}
