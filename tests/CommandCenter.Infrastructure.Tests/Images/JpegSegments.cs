using System.Buffers.Binary;

namespace CommandCenter.Infrastructure.Tests.Images;

/// <summary>The marker segments of a JPEG before its image data: where APP0–APP15 metadata lives.</summary>
internal static class JpegSegments
{
    private const byte StartOfScan = 0xDA;

    public static IReadOnlyList<(byte Marker, byte[] Payload)> Read(byte[] jpeg)
    {
        Assert.True(jpeg is [0xFF, 0xD8, ..], "not a JPEG");
        var segments = new List<(byte, byte[])>();
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF && jpeg[at + 1] != StartOfScan)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            segments.Add((jpeg[at + 1], jpeg.AsSpan(at + 4, length - 2).ToArray()));
            at += 2 + length;
        }
        return segments;
    }

    public static bool HasExif(byte[] jpeg) =>
        Read(jpeg).Any(s => s.Marker == 0xE1 && s.Payload.AsSpan().StartsWith(ExifFixture.ExifHeader));
}
