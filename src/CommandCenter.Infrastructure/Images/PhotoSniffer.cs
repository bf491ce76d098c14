using System.Buffers.Binary;
using System.Text;

namespace CommandCenter.Infrastructure.Images;

/// <summary>Tells a photo's format from its first bytes, and what its file name claims.</summary>
internal static class PhotoSniffer
{
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    // HEIF files open with an ISO-BMFF 'ftyp' box listing brands; these are the still-image
    // HEVC ones an iPhone or an Android camera writes. AVIF also lists mif1 and lands here too.
    private static readonly HashSet<string> HeifBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"];

    public static PhotoFormat? FromContent(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Jpeg))
            return PhotoFormat.Jpeg;
        if (content.StartsWith(Png))
            return PhotoFormat.Png;
        if (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
            return PhotoFormat.WebP;
        if (IsHeif(content))
            return PhotoFormat.Heif;
        return null;
    }

    public static PhotoFormat? FromFileName(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" or ".jpe" or ".jfif" => PhotoFormat.Jpeg,
            ".png" => PhotoFormat.Png,
            ".webp" => PhotoFormat.WebP,
            ".heic" or ".heif" => PhotoFormat.Heif,
            _ => null,
        };

    // Layout: box size (4), "ftyp", major brand (4), minor version (4), compatible brands (4 each).
    private static bool IsHeif(ReadOnlySpan<byte> content)
    {
        if (content.Length < 12 || !content[4..8].SequenceEqual("ftyp"u8))
            return false;
        var boxEnd = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(content), (uint)content.Length);
        if (IsHeifBrand(content[8..12]))
            return true;
        for (var at = 16; at + 4 <= boxEnd; at += 4)
        {
            if (IsHeifBrand(content.Slice(at, 4)))
                return true;
        }
        return false;
    }

    private static bool IsHeifBrand(ReadOnlySpan<byte> brand) => HeifBrands.Contains(Encoding.ASCII.GetString(brand));
}
