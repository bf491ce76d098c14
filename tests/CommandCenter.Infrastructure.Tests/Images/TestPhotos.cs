using System.Buffers.Binary;
using System.IO.Compression;
using CommandCenter.Infrastructure.Images;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CommandCenter.Infrastructure.Tests.Images;

/// <summary>Real photos made in code, so every fixture is visible in the test that uses it.</summary>
internal static class TestPhotos
{
    /// <summary>
    /// A real 96 × 64 HEIC (major brand heic, compatible mif1/heic/miaf, as an iPhone writes),
    /// made once with libheif's heif-enc from a SkiaSharp gradient.
    /// </summary>
    public static byte[] Heic { get; } = Convert.FromBase64String(
        "AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAUJtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAABAAAAImlsb2MAAAAAREAAAQABAAAAAAFmAAEAAAAAAAAAOQAAACNpaW5mAAAAAAABAAAAFWluZmUCAAAAAAEAAGh2YzEAAAAAwmlwcnAAAACkaXBjbwAAAHhodmNDAQNwAAAAAAAAAAAAHvAA/P34+AAADwMgAAEAGEABDAH//wNwAAADAJAAAAMAAAMAHroCQCEAAQArQgEBA3AAAAMAkAAAAwAAAwAeoDCBBZbqSSmubgQEDAgAAAMACAAAAwAIQCIAAQAHRAHBcrAiQAAAABRpc3BlAAAAAAAAAGAAAABAAAAAEHBpeGkAAAAAAwgICAAAABZpcG1hAAAAAAAAAAEAAQOBAoMAAABBbWRhdAAAADUoAa8ZgPd9w1wTPmsv6L4pp8zVFtIA67vfnof17jrr0LfhATU29lj8Mcr6RR8i/Fxg/qrywA==");

    public static PhotoProcessor Processor(PhotoOptions? options = null) => new(Options.Create(options ?? new PhotoOptions()));

    public static Task<PhotoResult> ProcessAsync(this PhotoProcessor processor, byte[] content, string declaredFileName) =>
        processor.ProcessAsync(new MemoryStream(content), declaredFileName);

    public static byte[] Gradient(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint())
        {
            paint.Shader = SKShader.CreateLinearGradient(
                new SKPoint(0, 0), new SKPoint(width, height), [SKColors.SkyBlue, SKColors.Orange], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, paint);
        }
        return Encode(bitmap, format);
    }

    /// <summary>Top-left quarter red, top-right green, bottom half blue: shows which way a photo was turned.</summary>
    public static byte[] Quadrants(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint())
        {
            canvas.Clear(SKColors.Blue);
            paint.Color = SKColors.Red;
            canvas.DrawRect(0, 0, width / 2f, height / 2f, paint);
            paint.Color = SKColors.Lime;
            canvas.DrawRect(width / 2f, 0, width / 2f, height / 2f, paint);
        }
        return Encode(bitmap, SKEncodedImageFormat.Jpeg);
    }

    public static byte[] TransparentPng(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        bitmap.Erase(SKColors.Transparent);
        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

    /// <summary>
    /// A valid greyscale PNG of <paramref name="width"/> × <paramref name="height"/> black pixels.
    /// Only <paramref name="rows"/> rows are written when fewer are given: the header alone is the bomb.
    /// </summary>
    public static byte[] BlackPng(int width, int height, int? rows = null)
    {
        var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + width]; // filter byte "none", then one byte per pixel
            for (var y = 0; y < (rows ?? height); y++)
                zlib.Write(row);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), default compression, filter and interlace follow

        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR"u8, header);
        WriteChunk(png, "IDAT"u8, pixels.ToArray());
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static void WriteChunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(type);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32([.. type, .. data]));
        png.Write(number);
    }

    // PNG's CRC-32 (ISO 3309); decoders reject chunks whose CRC does not match.
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
