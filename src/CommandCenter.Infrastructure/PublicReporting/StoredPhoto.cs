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

    public static string PathOf(Guid id) => $"/photos/{id:N}";
}
