using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Infrastructure.Images;

/// <summary>Section "Photos": the limits on a photo a resident attaches to a report.</summary>
public sealed class PhotoOptions
{
    public const string Section = "Photos";

    /// <summary>The upload as sent; larger files are refused before anything reads their content.</summary>
    [Range(1, 50 * 1024 * 1024)]
    public int MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Width × height as the header states it, checked before decoding: a few kilobytes of
    /// compressed data can claim gigabytes of pixels. 40 MP is above any phone camera's default.
    /// </summary>
    [Range(1, 200_000_000)]
    public int MaxPixels { get; set; } = 40_000_000;

    /// <summary>Stored photos are shrunk until their longest side fits; smaller ones are never enlarged.</summary>
    [Range(64, 8192)]
    public int MaxLongSide { get; set; } = 1600;

    [Range(1, 100)]
    public int JpegQuality { get; set; } = 82;
}
