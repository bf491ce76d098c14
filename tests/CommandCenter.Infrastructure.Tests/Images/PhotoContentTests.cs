using System.Text;
using CommandCenter.Infrastructure.Images;
using SkiaSharp;

namespace CommandCenter.Infrastructure.Tests.Images;

public sealed class PhotoContentTests
{
    [Fact]
    public async Task Process_PngNamedJpg_AcceptedBecauseContentDecides()
    {
        var result = await TestPhotos.Processor().ProcessAsync(TestPhotos.Gradient(300, 200, SKEncodedImageFormat.Png), "photo.jpg");

        Assert.True(result.IsAccepted);
        Assert.Equal(PhotoFormat.Png, result.Photo.SourceFormat);
        Assert.False(result.Photo.NameMatchesContent);
    }

    public static TheoryData<string, byte[]> NotPhotos => new()
    {
        { "photo.jpg", Encoding.UTF8.GetBytes("<html><body><script>alert('x')</script></body></html>") },
        { "photo.png", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>") },
        { "photo.jpeg", Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /\n") },
        { "photo.webp", Encoding.ASCII.GetBytes("%PDF-1.7\n") },
        { "photo.jpg", [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00] },
        // A real image, but GIF is not one residents are asked for.
        { "photo.jpg", Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==") },
    };

    [Theory]
    [MemberData(nameof(NotPhotos))]
    public async Task Process_FileNamedAsPhotoButIsNot_RefusedNotAnImage(string name, byte[] content)
    {
        var result = await TestPhotos.Processor().ProcessAsync(content, name);

        Assert.False(result.IsAccepted);
        Assert.Equal(PhotoRefusal.NotAnImage, result.Refusal);
    }

    [Fact]
    public async Task Process_EmptyFile_RefusedNotAnImage()
    {
        var result = await TestPhotos.Processor().ProcessAsync([], "photo.jpg");

        Assert.Equal(PhotoRefusal.NotAnImage, result.Refusal);
    }

    [Fact]
    public async Task Process_JpegSignatureFollowedByHtml_RefusedCorrupt()
    {
        byte[] content = [0xFF, 0xD8, 0xFF, 0xE0, .. Encoding.UTF8.GetBytes("<script>alert(1)</script>")];

        var result = await TestPhotos.Processor().ProcessAsync(content, "photo.jpg");

        Assert.Equal(PhotoRefusal.Corrupt, result.Refusal);
    }

    [Fact]
    public async Task Process_TruncatedJpeg_RefusedCorrupt()
    {
        var whole = TestPhotos.Gradient(1200, 900, SKEncodedImageFormat.Jpeg);

        var result = await TestPhotos.Processor().ProcessAsync(whole[..(whole.Length / 2)], "upload-cut-short.jpg");

        Assert.Equal(PhotoRefusal.Corrupt, result.Refusal);
    }

    [Fact]
    public async Task Process_FileOverByteLimit_RefusedTooLargeBeforeReadingItAll()
    {
        var limits = new PhotoOptions();
        var upload = new NonSeekableStream(new byte[limits.MaxBytes * 3]);

        var result = await TestPhotos.Processor(limits).ProcessAsync(upload, "huge.jpg");

        Assert.Equal(PhotoRefusal.TooLarge, result.Refusal);
        Assert.True(upload.Position < 2L * limits.MaxBytes, $"read {upload.Position} bytes");
    }

    [Fact]
    public async Task Process_FileExactlyAtByteLimit_NotRefusedForSize()
    {
        var upload = TestPhotos.Gradient(300, 200, SKEncodedImageFormat.Jpeg);

        var result = await TestPhotos.Processor(new PhotoOptions { MaxBytes = upload.Length }).ProcessAsync(upload, "photo.jpg");

        Assert.True(result.IsAccepted);
    }

    /// <summary>A stream that cannot seek, as an upload arrives, so the processor cannot ask for its length.</summary>
    private sealed class NonSeekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
