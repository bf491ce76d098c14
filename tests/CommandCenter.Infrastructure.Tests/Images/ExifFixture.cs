using System.Buffers.Binary;

namespace CommandCenter.Infrastructure.Tests.Images;

/// <summary>
/// Puts an EXIF block, as a phone camera writes it, into a JPEG: an orientation and a GPS
/// position (a street in Shanghai, 31°13′45.12″N 121°28′30.12″E).
/// </summary>
internal static class ExifFixture
{
    public static ReadOnlySpan<byte> ExifHeader => "Exif\0\0"u8;

    /// <summary>The latitude's degrees as a TIFF rational (31/1), to look for in any output.</summary>
    public static ReadOnlySpan<byte> LatitudeDegrees => [31, 0, 0, 0, 1, 0, 0, 0];

    /// <summary>Returns <paramref name="jpeg"/> with an APP1 Exif segment right after its start-of-image marker.</summary>
    public static byte[] WithLocation(byte[] jpeg, ushort orientation = 1)
    {
        var payload = new MemoryStream();
        payload.Write(ExifHeader);
        payload.Write(Tiff(orientation));

        var segment = new byte[4];
        segment[0] = 0xFF;
        segment[1] = 0xE1; // APP1
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), checked((ushort)(payload.Length + 2)));
        return [.. jpeg.AsSpan(0, 2), .. segment, .. payload.ToArray(), .. jpeg.AsSpan(2)];
    }

    // Little-endian TIFF. Offsets count from the "II" header:
    //   8    IFD0: 2 entries (Orientation, pointer to the GPS IFD)  -> 2 + 2·12 + 4 = 30 bytes
    //   38   GPS IFD: 5 entries (version, lat ref, lat, lon ref, lon) -> 2 + 5·12 + 4 = 66 bytes
    //   104  latitude, three rationals (24 bytes)
    //   128  longitude, three rationals (24 bytes)
    private static byte[] Tiff(ushort orientation)
    {
        const int Ifd0 = 8, GpsIfd = 38, Latitude = 104, Longitude = 128;
        const ushort ByteType = 1, AsciiType = 2, ShortType = 3, LongType = 4, RationalType = 5;

        var tiff = new MemoryStream();
        var writer = new BinaryWriter(tiff); // BinaryWriter is little-endian, matching "II"
        writer.Write("II"u8);
        writer.Write((ushort)42);
        writer.Write(Ifd0);

        writer.Write((ushort)2);
        Entry(writer, 0x0112, ShortType, 1, orientation);
        Entry(writer, 0x8825, LongType, 1, GpsIfd);
        writer.Write(0); // no next IFD

        writer.Write((ushort)5);
        Entry(writer, 0x0000, ByteType, 4, BinaryPrimitives.ReadUInt32LittleEndian([2, 3, 0, 0]));
        Entry(writer, 0x0001, AsciiType, 2, 'N');
        Entry(writer, 0x0002, RationalType, 3, Latitude);
        Entry(writer, 0x0003, AsciiType, 2, 'E');
        Entry(writer, 0x0004, RationalType, 3, Longitude);
        writer.Write(0);

        Rationals(writer, (31, 1), (13, 1), (4512, 100));
        Rationals(writer, (121, 1), (28, 1), (3012, 100));
        writer.Flush();
        return tiff.ToArray();
    }

    // Values of four bytes or fewer sit in the entry itself, left-aligned; larger ones are offsets.
    private static void Entry(BinaryWriter writer, ushort tag, ushort type, uint count, uint value)
    {
        writer.Write(tag);
        writer.Write(type);
        writer.Write(count);
        writer.Write(value);
    }

    private static void Rationals(BinaryWriter writer, params (uint Numerator, uint Denominator)[] values)
    {
        foreach (var (numerator, denominator) in values)
        {
            writer.Write(numerator);
            writer.Write(denominator);
        }
    }
}
