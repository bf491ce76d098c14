using System.Drawing;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.PublicReporting;
using QRCoder;

namespace CommandCenter.Web.QrCodes;

/// <summary>
/// The QR code on a courtyard's poster: it opens the resident report page for that courtyard.
/// Level Q corrects a quarter of the modules, enough for a poster that is scuffed, rained on or
/// partly covered by another notice. Always black on white: scanners read contrast, not theme colours.
/// </summary>
public static class CourtyardQrCode
{
    public const int MinPixelsPerModule = 4;
    public const int MaxPixelsPerModule = 40;
    public const int DefaultPixelsPerModule = 10;
    public const QRCodeGenerator.ECCLevel ErrorCorrection = QRCodeGenerator.ECCLevel.Q;

    /// <summary>The absolute address the code carries: the report page under the public base address.</summary>
    public static string ReportUrl(Uri siteBase, Street street, Courtyard courtyard) =>
        new Uri(siteBase, CourtyardCode.ReportPath(street, courtyard).TrimStart('/')).AbsoluteUri;

    public static byte[] Png(string url, int pixelsPerModule)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, MinPixelsPerModule);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pixelsPerModule, MaxPixelsPerModule);
        using var data = QRCodeGenerator.GenerateQrCode(url, ErrorCorrection);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }

    /// <summary>
    /// An SVG one unit per module, quiet zone included, with a viewBox and no width or height:
    /// it fills whatever box it is placed in, from a poster's 12 cm to a banner.
    /// </summary>
    public static string Svg(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, ErrorCorrection);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(1, Color.Black, Color.White, drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
