using SkiaSharp;

namespace CommandCenter.Infrastructure.Images;

/// <summary>
/// Phones store pixels as the sensor saw them and record the turn in EXIF. Re-encoding drops
/// EXIF, so the turn has to be applied to the pixels or the photo ends up on its side.
/// </summary>
internal static class ExifOrientation
{
    public static bool SwapsSides(SKEncodedOrigin origin) => origin >= SKEncodedOrigin.LeftTop;

    /// <summary>Maps a stored image of <paramref name="w"/> × <paramref name="h"/> onto the upright canvas.</summary>
    public static SKMatrix Upright(SKEncodedOrigin origin, float w, float h) => origin switch
    {
        //                                   x' = a·x + b·y + c    y' = d·x + e·y + f
        SKEncodedOrigin.TopRight =>    Affine(-1,  0, w,           0,  1, 0),  // mirrored
        SKEncodedOrigin.BottomRight => Affine(-1,  0, w,           0, -1, h),  // upside down
        SKEncodedOrigin.BottomLeft =>  Affine( 1,  0, 0,           0, -1, h),  // mirrored upside down
        SKEncodedOrigin.LeftTop =>     Affine( 0,  1, 0,           1,  0, 0),  // transposed
        SKEncodedOrigin.RightTop =>    Affine( 0, -1, h,           1,  0, 0),  // turned a quarter clockwise
        SKEncodedOrigin.RightBottom => Affine( 0, -1, h,          -1,  0, w),  // transverse
        SKEncodedOrigin.LeftBottom =>  Affine( 0,  1, 0,          -1,  0, w),  // turned a quarter anticlockwise
        _ => SKMatrix.Identity,
    };

    private static SKMatrix Affine(float a, float b, float c, float d, float e, float f) => new(a, b, c, d, e, f, 0, 0, 1);
}
