using CommandCenter.Infrastructure.Images;

namespace CommandCenter.Infrastructure.Tests.Images;

public sealed class PhotoHeicTests
{
    // SkiaSharp on Linux has no HEVC decoder. Should a later SkiaSharp bring one, this test
    // fails on purpose: then convert (and test the conversion) instead of refusing.
    [Fact]
    public async Task Process_RealIPhoneHeic_RefusedUnsupportedHeic()
    {
        var result = await TestPhotos.Processor().ProcessAsync(TestPhotos.Heic, "IMG_0004.HEIC");

        Assert.False(result.IsAccepted);
        Assert.Equal(PhotoRefusal.UnsupportedHeic, result.Refusal);
    }

    [Theory]
    [InlineData("heic", "mif1")]
    [InlineData("heix", "mif1")]
    [InlineData("mif1", "heic")]
    [InlineData("msf1", "hevc")]
    public async Task Process_HeifHeaderNamedJpg_RefusedUnsupportedHeic(string majorBrand, string compatibleBrand)
    {
        byte[] header = [0, 0, 0, 24, .. "ftyp"u8, .. Ascii(majorBrand), 0, 0, 0, 0, .. Ascii(compatibleBrand), .. "miaf"u8, .. new byte[64]];

        var result = await TestPhotos.Processor().ProcessAsync(header, "photo.jpg");

        Assert.Equal(PhotoRefusal.UnsupportedHeic, result.Refusal);
    }

    private static byte[] Ascii(string brand) => System.Text.Encoding.ASCII.GetBytes(brand);
}
