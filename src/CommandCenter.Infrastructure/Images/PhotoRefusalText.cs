using System.Globalization;

namespace CommandCenter.Infrastructure.Images;

/// <summary>The sentence a resident sees for each refusal: what went wrong and what to do instead.</summary>
public static class PhotoRefusalText
{
    /// <summary>Chinese for any zh culture, English otherwise.</summary>
    public static string Describe(PhotoRefusal refusal, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" ? Chinese(refusal) : English(refusal);

    private static string Chinese(PhotoRefusal refusal) => refusal switch
    {
        PhotoRefusal.TooLarge => "照片文件太大：请换一张较小的照片，或截图后再上传。",
        PhotoRefusal.NotAnImage => "这个文件不是照片：请上传 JPEG、PNG 或 WebP 格式的照片。",
        PhotoRefusal.UnsupportedHeic => "iPhone 照片格式（HEIC）暂不支持：请在“设置 > 相机 > 格式”中选择“兼容性最佳”，或截图后再上传。",
        PhotoRefusal.TooManyPixels => "照片像素太多：请截图或缩小后再上传。",
        PhotoRefusal.Corrupt => "照片文件已损坏或不完整：请重新拍摄或重新选择后再上传。",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
    };

    private static string English(PhotoRefusal refusal) => refusal switch
    {
        PhotoRefusal.TooLarge => "This photo file is too large: please choose a smaller photo, or take a screenshot of it and upload that.",
        PhotoRefusal.NotAnImage => "This file is not a photo: please upload a JPEG, PNG or WebP photo.",
        PhotoRefusal.UnsupportedHeic => "iPhone photos in HEIC format are not supported yet: in Settings > Camera > Formats choose \"Most Compatible\", or take a screenshot of the photo and upload that.",
        PhotoRefusal.TooManyPixels => "This photo has too many pixels: please take a screenshot of it or shrink it, then upload again.",
        PhotoRefusal.Corrupt => "This photo file is damaged or incomplete: please take or choose it again and upload it once more.",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
    };
}
