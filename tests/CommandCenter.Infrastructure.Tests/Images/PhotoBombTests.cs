using CommandCenter.Infrastructure.Images;

namespace CommandCenter.Infrastructure.Tests.Images;

public sealed class PhotoBombTests
{
    [Fact]
    public async Task Process_PngHeaderClaiming2500Megapixels_RefusedTooManyPixels()
    {
        // Decoding this would need 10 GB; only the header is read.
        var bomb = TestPhotos.BlackPng(50_000, 50_000, rows: 8);

        var result = await TestPhotos.Processor().ProcessAsync(bomb, "photo.png");

        Assert.Equal(PhotoRefusal.TooManyPixels, result.Refusal);
    }

    [Fact]
    public async Task Process_CompletePngOf48MegapixelsInAFewKilobytes_RefusedTooManyPixels()
    {
        var bomb = TestPhotos.BlackPng(8000, 6000);
        Assert.True(bomb.Length < 200_000, $"{bomb.Length} bytes");

        var result = await TestPhotos.Processor().ProcessAsync(bomb, "photo.png");

        Assert.Equal(PhotoRefusal.TooManyPixels, result.Refusal);
    }

    [Fact]
    public async Task Process_SamePngWithAHigherPixelLimit_DecodesSoTheRefusalIsTheLimitAlone()
    {
        var bomb = TestPhotos.BlackPng(8000, 6000);

        var result = await TestPhotos.Processor(new PhotoOptions { MaxPixels = 48_000_000 }).ProcessAsync(bomb, "photo.png");

        Assert.True(result.IsAccepted, $"refused: {result.Refusal}");
        Assert.Equal((1600, 1200), (result.Photo.Width, result.Photo.Height));
    }
}
