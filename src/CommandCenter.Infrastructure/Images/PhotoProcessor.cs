using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CommandCenter.Infrastructure.Images;

/// <summary>
/// Turns a resident's upload into a photo safe to store and show: content checked, size and
/// pixel count bounded, turned upright, shrunk, and re-encoded as a JPEG that carries no metadata.
/// </summary>
public sealed class PhotoProcessor(IOptions<PhotoOptions> options)
{
    private const int ReadChunk = 81_920;

    private static readonly SKSamplingOptions Shrinking = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>
    /// Reads at most <see cref="PhotoOptions.MaxBytes"/> from <paramref name="content"/> and processes it.
    /// <paramref name="declaredFileName"/> is only compared with the content, never trusted.
    /// </summary>
    public async Task<PhotoResult> ProcessAsync(Stream content, string declaredFileName, CancellationToken cancellationToken = default)
    {
        var limits = options.Value;
        var bytes = await ReadAtMostAsync(content, limits.MaxBytes, cancellationToken);
        return bytes is null ? PhotoResult.Refused(PhotoRefusal.TooLarge) : Process(bytes, declaredFileName, limits);
    }

    // Stops one chunk past the limit, so a client streaming gigabytes costs no more than the limit.
    private static async Task<byte[]?> ReadAtMostAsync(Stream content, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[ReadChunk];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static PhotoResult Process(byte[] bytes, string declaredFileName, PhotoOptions limits)
    {
        if (PhotoSniffer.FromContent(bytes) is not { } format)
            return PhotoResult.Refused(PhotoRefusal.NotAnImage);

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
            return PhotoResult.Refused(format == PhotoFormat.Heif ? PhotoRefusal.UnsupportedHeic : PhotoRefusal.Corrupt);

        var stored = codec.Info.Size;
        if ((long)stored.Width * stored.Height > limits.MaxPixels)
            return PhotoResult.Refused(PhotoRefusal.TooManyPixels);

        var target = Shrunk(stored, limits.MaxLongSide);
        using var decoded = Decode(codec, target);
        if (decoded is null)
            return PhotoResult.Refused(PhotoRefusal.Corrupt);

        using var upright = Render(decoded, target, codec.EncodedOrigin);
        using var jpeg = upright.Encode(SKEncodedImageFormat.Jpeg, limits.JpegQuality)
            ?? throw new InvalidOperationException("SkiaSharp could not encode a JPEG from decoded pixels.");
        var content = jpeg.ToArray();
        return PhotoResult.Accepted(new ProcessedPhoto(
            content,
            upright.Width,
            upright.Height,
            Convert.ToHexStringLower(SHA256.HashData(content)),
            format,
            PhotoSniffer.FromFileName(declaredFileName) == format));
    }

    private static SKSizeI Shrunk(SKSizeI size, int maxLongSide)
    {
        var scale = Math.Min(1.0, (double)maxLongSide / Math.Max(size.Width, size.Height));
        return new SKSizeI(
            Math.Max(1, (int)Math.Round(size.Width * scale)),
            Math.Max(1, (int)Math.Round(size.Height * scale)));
    }

    /// <summary>Decodes into sRGB, or returns null when the data ends early or is damaged.</summary>
    private static SKBitmap? Decode(SKCodec codec, SKSizeI target)
    {
        // JPEG can decode straight to 1/2, 1/4 or 1/8 size and WebP to any size, which saves most
        // of the memory; PNG cannot, and a codec's nearest size may undershoot, so then decode whole.
        var scaled = codec.GetScaledDimensions((float)target.Width / codec.Info.Width);
        var size = scaled.Width >= target.Width && scaled.Height >= target.Height ? scaled : codec.Info.Size;

        var info = new SKImageInfo(size.Width, size.Height, SKImageInfo.PlatformColorType, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success)
            return bitmap;
        bitmap.Dispose();
        return null;
    }

    // One draw turns, shrinks and flattens: JPEG has no transparency, and transparent pixels
    // would otherwise come out black.
    private static SKBitmap Render(SKBitmap decoded, SKSizeI target, SKEncodedOrigin origin)
    {
        var swaps = ExifOrientation.SwapsSides(origin);
        var output = new SKBitmap(new SKImageInfo(
            swaps ? target.Height : target.Width,
            swaps ? target.Width : target.Height,
            SKImageInfo.PlatformColorType,
            SKAlphaType.Premul,
            SKColorSpace.CreateSrgb()));
        using var canvas = new SKCanvas(output);
        using var image = SKImage.FromBitmap(decoded);
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(ExifOrientation.Upright(origin, target.Width, target.Height));
        canvas.DrawImage(image, SKRect.Create(target.Width, target.Height), Shrinking);
        return output;
    }
}
