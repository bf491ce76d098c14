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

    internal static PhotoBatch Accepted(IReadOnlyList<StoredPhoto> photos) => new(photos, null, null);

    internal static PhotoBatch Refused(string fileName, PhotoRefusal refusal) => new([], fileName, refusal);
}
