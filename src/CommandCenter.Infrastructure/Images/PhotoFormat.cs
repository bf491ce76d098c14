namespace CommandCenter.Infrastructure.Images;

/// <summary>The formats the upload pipeline recognises from a file's first bytes.</summary>
public enum PhotoFormat
{
    Jpeg,
    Png,
    WebP,
    /// <summary>HEIC/HEIF, what iPhones save by default.</summary>
    Heif,
}
