using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace CommandCenter.Web.Tests.Public;

/// <summary>Uploads of every kind a resident's phone — or an attacker — might send.</summary>
internal static class Photos
{
    public static byte[] Of(string kind) => kind switch
    {
        "jpeg" => Encoded(SKEncodedImageFormat.Jpeg, 2400, 1800),
        "png" => Encoded(SKEncodedImageFormat.Png, 2400, 1800),
        "text" => Encoding.UTF8.GetBytes("<script>alert(document.cookie)</script>"),
        // A JPEG signature followed by 11 MB: over the 10 MB limit whatever it holds.
        "oversize" => [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[11 * 1024 * 1024]],
        "heic" => [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, .. new byte[64]],
        "bomb" => PngClaiming(50_000, 50_000),
        "truncated" => Encoded(SKEncodedImageFormat.Jpeg, 800, 600)[..600],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static byte[] Encoded(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.LightSteelBlue);
            using var paint = new SKPaint { Color = SKColors.DarkSlateGray };
            canvas.DrawCircle(width / 2f, height / 2f, height / 3f, paint);
        }
        using var data = bitmap.Encode(format, 85);
        return data.ToArray();
    }

    /// <summary>A PNG whose header claims a huge image: 2.5 gigapixels that must never be decoded.</summary>
    private static byte[] PngClaiming(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        return [0x89, .. "PNG"u8, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[4 + typed.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typed.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(4 + typed.Length), Crc32(typed));
        return chunk;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
