using SkiaSharp;

namespace CommandCenter.Infrastructure.Tests.Images;

public sealed class PhotoMetadataTests
{
    [Fact]
    public async Task Process_JpegWithGpsExif_OutputCarriesNoExifAndNoLocation()
    {
        var upload = ExifFixture.WithLocation(TestPhotos.Gradient(1200, 900, SKEncodedImageFormat.Jpeg));
        Assert.True(JpegSegments.HasExif(upload));
        Assert.True(upload.AsSpan().IndexOf(ExifFixture.LatitudeDegrees) >= 0);

        var result = await TestPhotos.Processor().ProcessAsync(upload, "IMG_0002.jpg");

        Assert.True(result.IsAccepted, $"refused: {result.Refusal}");
        var output = result.Photo.Content;
        Assert.False(JpegSegments.HasExif(output));
        Assert.DoesNotContain(JpegSegments.Read(output), s => s.Marker == 0xE1); // no APP1 at all: EXIF or XMP
        Assert.Equal(-1, output.AsSpan().IndexOf(ExifFixture.ExifHeader));
        Assert.Equal(-1, output.AsSpan().IndexOf(ExifFixture.LatitudeDegrees));
    }

    // Where the stored top-left (red) and top-right (green) corners belong, per the EXIF
    // specification's eight orientations; 5–8 are the sideways ones.
    [Theory]
    [InlineData(1, SKEncodedOrigin.TopLeft, Corner.TopLeft, Corner.TopRight)]
    [InlineData(2, SKEncodedOrigin.TopRight, Corner.TopRight, Corner.TopLeft)]
    [InlineData(3, SKEncodedOrigin.BottomRight, Corner.BottomRight, Corner.BottomLeft)]
    [InlineData(4, SKEncodedOrigin.BottomLeft, Corner.BottomLeft, Corner.BottomRight)]
    [InlineData(5, SKEncodedOrigin.LeftTop, Corner.TopLeft, Corner.BottomLeft)]
    [InlineData(6, SKEncodedOrigin.RightTop, Corner.TopRight, Corner.BottomRight)]
    [InlineData(7, SKEncodedOrigin.RightBottom, Corner.BottomRight, Corner.TopRight)]
    [InlineData(8, SKEncodedOrigin.LeftBottom, Corner.BottomLeft, Corner.TopLeft)]
    public async Task Process_ExifOrientation_TurnedUprightBeforeExifIsDropped(ushort orientation, SKEncodedOrigin origin, Corner red, Corner green)
    {
        var upload = ExifFixture.WithLocation(TestPhotos.Quadrants(600, 400), orientation);
        using (var codec = SKCodec.Create(SKData.CreateCopy(upload)))
            Assert.Equal(origin, codec.EncodedOrigin); // the fixture's EXIF is one a decoder reads

        var result = await TestPhotos.Processor().ProcessAsync(upload, "IMG_0003.jpg");

        Assert.True(result.IsAccepted);
        Assert.Equal(orientation >= 5 ? (400, 600) : (600, 400), (result.Photo.Width, result.Photo.Height));
        using var output = SKBitmap.Decode(result.Photo.Content);
        Assert.Equal(SKColors.Red, ColourAt(output, red));
        Assert.Equal(SKColors.Lime, ColourAt(output, green));
    }

    public enum Corner { TopLeft, TopRight, BottomLeft, BottomRight }

    // Samples well inside the corner's quarter, and snaps JPEG's approximate colours to the three used.
    private static SKColor ColourAt(SKBitmap bitmap, Corner corner)
    {
        var x = corner is Corner.TopLeft or Corner.BottomLeft ? bitmap.Width / 8 : bitmap.Width * 7 / 8;
        var y = corner is Corner.TopLeft or Corner.TopRight ? bitmap.Height / 8 : bitmap.Height * 7 / 8;
        var pixel = bitmap.GetPixel(x, y);
        return pixel.Red > 200 ? SKColors.Red : pixel.Green > 200 ? SKColors.Lime : pixel.Blue > 200 ? SKColors.Blue : pixel;
    }
}
