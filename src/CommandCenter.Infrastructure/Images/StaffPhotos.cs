using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.PublicReporting;

namespace CommandCenter.Infrastructure.Images;

/// <summary>
/// A photo staff upload through the API before the command that attaches it (progress, done):
/// processed by the same pipeline as every other photo and kept belonging to no case, until a
/// command names it by id and binds it to its case (<c>PhotoIds</c>).
/// </summary>
public sealed class StaffPhotos(PhotoStore store, UnitOfWork unitOfWork)
{
    /// <summary>The stored photo, or the batch's refusal with nothing stored.</summary>
    public async Task<PhotoBatch> UploadAsync(UploadedPhoto upload, CancellationToken cancellationToken = default)
    {
        var batch = await store.PrepareAsync([upload], cancellationToken);
        if (batch.Refusal is not null) return batch;
        await unitOfWork.WriteAsync(db => db.Photos.AddRange(batch.Photos), cancellationToken);
        return batch;
    }
}
