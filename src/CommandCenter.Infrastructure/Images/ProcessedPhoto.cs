namespace CommandCenter.Infrastructure.Images;

/// <summary>A photo re-encoded from its pixels alone: no EXIF, GPS or other metadata survives.</summary>
/// <param name="Content">The JPEG to store and serve.</param>
/// <param name="Sha256">Lower-case hex digest of <paramref name="Content"/>.</param>
/// <param name="SourceFormat">What the upload's content was.</param>
/// <param name="NameMatchesContent">
/// Whether the declared file name's extension named the same format. Information only:
/// browsers and phones name files loosely, so the content decides.
/// </param>
public sealed record ProcessedPhoto(
    byte[] Content,
    int Width,
    int Height,
    string Sha256,
    PhotoFormat SourceFormat,
    bool NameMatchesContent)
{
    public const string JpegContentType = "image/jpeg";

    public string ContentType => JpegContentType;
}
