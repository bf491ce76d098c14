namespace CommandCenter.Infrastructure.Images;

/// <summary>Why a photo was not accepted; stable codes that callers may log, count and translate.</summary>
public enum PhotoRefusal
{
    /// <summary>The file is larger than <see cref="PhotoOptions.MaxBytes"/>.</summary>
    TooLarge,
    /// <summary>Empty, or its content is not a JPEG, PNG or WebP whatever its name or declared type says.</summary>
    NotAnImage,
    /// <summary>An HEIC/HEIF photo, which this server cannot decode.</summary>
    UnsupportedHeic,
    /// <summary>The header claims more than <see cref="PhotoOptions.MaxPixels"/>: a decompression bomb or a panorama.</summary>
    TooManyPixels,
    /// <summary>Starts like a photo but cannot be decoded to the end.</summary>
    Corrupt,
}
