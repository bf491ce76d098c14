using System.Diagnostics.CodeAnalysis;

namespace CommandCenter.Infrastructure.Images;

/// <summary>A processed photo or the reason it was refused; bad uploads are expected, so they are not exceptions.</summary>
public sealed class PhotoResult
{
    private PhotoResult(ProcessedPhoto? photo, PhotoRefusal? refusal) => (Photo, Refusal) = (photo, refusal);

    public ProcessedPhoto? Photo { get; }
    public PhotoRefusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Photo))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsAccepted => Photo is not null;

    public static PhotoResult Accepted(ProcessedPhoto photo) => new(photo, null);
    public static PhotoResult Refused(PhotoRefusal refusal) => new(null, refusal);
}
