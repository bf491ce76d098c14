using System.Security.Cryptography;
using CommandCenter.Infrastructure.Images;
using SkiaSharp;

namespace CommandCenter.Infrastructure.Tests.Images;

public sealed class PhotoAcceptanceTests
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg, PhotoFormat.Jpeg, "IMG_0001.jpg")]
    [InlineData(SKEncodedImageFormat.Png, PhotoFormat.Png, "Screenshot.png")]
    [InlineData(SKEncodedImageFormat.Webp, PhotoFormat.WebP, "photo.webp")]
    public async Task Process_LargeRealPhoto_ShrunkToLongSideAndReencodedAsJpeg(SKEncodedImageFormat encoded, PhotoFormat format, string name)
    {
        var upload = TestPhotos.Gradient(3000, 2000, encoded);

        var result = await TestPhotos.Processor().ProcessAsync(upload, name);

        Assert.True(result.IsAccepted, $"refused: {result.Refusal}");
        var photo = result.Photo;
        Assert.Equal((1600, 1067), (photo.Width, photo.Height));
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.Equal(format, photo.SourceFormat);
        Assert.True(photo.NameMatchesContent);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(photo.Content)), photo.Sha256);
        using var decoded = SKCodec.Create(SKData.CreateCopy(photo.Content));
        Assert.Equal(SKEncodedImageFormat.Jpeg, decoded.EncodedFormat);
        Assert.Equal(new SKSizeI(1600, 1067), decoded.Info.Size);
    }

    [Fact]
    public async Task Process_PortraitPhoto_TallSideIsTheOneShrunk()
    {
        var result = await TestPhotos.Processor().ProcessAsync(TestPhotos.Gradient(2000, 3000, SKEncodedImageFormat.Jpeg), "portrait.jpg");

        Assert.True(result.IsAccepted);
        Assert.Equal((1067, 1600), (result.Photo.Width, result.Photo.Height));
    }

    [Fact]
    public async Task Process_PhotoSmallerThanLimit_KeepsItsSize()
    {
        var result = await TestPhotos.Processor().ProcessAsync(TestPhotos.Gradient(800, 600, SKEncodedImageFormat.Png), "small.png");

        Assert.True(result.IsAccepted);
        Assert.Equal((800, 600), (result.Photo.Width, result.Photo.Height));
    }

    [Fact]
    public async Task Process_TransparentPng_FlattenedOnWhiteNotBlack()
    {
        var result = await TestPhotos.Processor().ProcessAsync(TestPhotos.TransparentPng(40, 30), "sticker.png");

        Assert.True(result.IsAccepted);
        using var decoded = SKBitmap.Decode(result.Photo.Content);
        var pixel = decoded.GetPixel(20, 15);
        Assert.True(pixel.Red > 245 && pixel.Green > 245 && pixel.Blue > 245, $"pixel was {pixel}");
    }
}
