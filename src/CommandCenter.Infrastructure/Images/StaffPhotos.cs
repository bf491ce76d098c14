using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.PublicReporting;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Images;

/// <summary>
/// A photo staff upload through the API before the command that attaches it (progress, done):
/// processed by the same pipeline as every other photo and kept belonging to no case, until a
/// report or command of the same staff member names it by id and binds it to its case
/// (<c>PhotoIds</c>). An upload never attached is kept a day: each upload removes the expired ones
/// in its own unit of work, so they cannot pile up however many are sent.
/// </summary>
public sealed class StaffPhotos(PhotoStore store, UnitOfWork unitOfWork, TimeProvider clock)
{
    public static readonly TimeSpan UnattachedKeptFor = TimeSpan.FromDays(1);

    /// <summary>The stored photo, or the batch's refusal with nothing stored.</summary>
    public async Task<PhotoBatch> UploadAsync(UploadedPhoto upload, Post uploader, CancellationToken cancellationToken = default)
    {
        var batch = await store.PrepareAsync([upload], cancellationToken);
        if (batch.Refusal is not null) return batch;
        foreach (var photo in batch.Photos) photo.UploadedBy(uploader.StaffId);
        await unitOfWork.WriteAsync(async db =>
        {
            var expired = clock.GetUtcNow().UtcDateTime - UnattachedKeptFor;
            await db.Photos.Where(p => p.CaseId == null && p.StoredAtUtc < expired).ExecuteDeleteAsync(cancellationToken);
            db.Photos.AddRange(batch.Photos);
        }, cancellationToken);
        return batch;
    }
}
