using System.Globalization;
using CommandCenter.Infrastructure.Images;

namespace CommandCenter.Infrastructure.Tests.Images;

public sealed class PhotoRefusalTextTests
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("zh-Hans")]
    [InlineData("en-US")]
    public void Describe_EveryRefusal_HasItsOwnSentence(string culture)
    {
        var sentences = Enum.GetValues<PhotoRefusal>()
            .Select(r => PhotoRefusalText.Describe(r, CultureInfo.GetCultureInfo(culture)))
            .ToList();

        Assert.All(sentences, s => Assert.False(string.IsNullOrWhiteSpace(s)));
        Assert.Equal(sentences.Count, sentences.Distinct().Count());
    }

    [Fact]
    public void Describe_Culture_PicksTheLanguage()
    {
        Assert.Equal("这个文件不是照片：请上传 JPEG、PNG 或 WebP 格式的照片。",
            PhotoRefusalText.Describe(PhotoRefusal.NotAnImage, CultureInfo.GetCultureInfo("zh-CN")));
        Assert.StartsWith("This file is not a photo",
            PhotoRefusalText.Describe(PhotoRefusal.NotAnImage, CultureInfo.GetCultureInfo("en-US")));
    }
}
