using System.Buffers.Binary;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using QRCoder;

namespace CommandCenter.Web.Tests.QrCodes;

/// <summary>
/// The courtyard QR code API. No QR decoder is at hand, so the tests encode the expected address
/// with QRCoder themselves and compare modules (SVG) and bytes (PNG) with what the API served.
/// </summary>
public sealed partial class QrCodeApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private const int CourtyardId = 12;
    private const string ReportUrl = "http://localhost/r/CT0012";
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private HttpClient Http => app.Api.Http;

    [Fact]
    public async Task Png_IsTheCodeOfTheCourtyardsReportUrl()
    {
        var response = await Http.GetAsync($"/api/courtyards/{CourtyardId}/qr.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(PngSignature, png[..PngSignature.Length]);
        Assert.Equal(ExpectedPng(ReportUrl, pixelsPerModule: 10), png);
        Assert.Equal((Modules(ReportUrl) * 10, Modules(ReportUrl) * 10), PngSize(png));
    }

    [Fact]
    public async Task Png_SizeSetsThePixelsPerModule()
    {
        var small = await Http.GetByteArrayAsync($"/api/courtyards/{CourtyardId}/qr.png?size=4");
        var large = await Http.GetByteArrayAsync($"/api/courtyards/{CourtyardId}/qr.png?size=40");

        Assert.Equal(Modules(ReportUrl) * 4, PngSize(small).Width);
        Assert.Equal(Modules(ReportUrl) * 40, PngSize(large).Width);
    }

    [Fact]
    public async Task Svg_DrawsTheModulesOfTheReportUrl()
    {
        var response = await Http.GetAsync($"/api/courtyards/{CourtyardId}/qr.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        AssertSvgEncodes(ReportUrl, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("qr.png")]
    [InlineData("qr.svg")]
    public async Task UnknownCourtyard_Is404Problem(string file)
    {
        var response = await Http.GetAsync($"/api/courtyards/9999/{file}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", (await ApiClient.ProblemAsync(response)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(41)]
    [InlineData(-10)]
    public async Task SizeOutOfRange_Is400ProblemNamingSize(int size)
    {
        var response = await Http.GetAsync($"/api/courtyards/{CourtyardId}/qr.png?size={size}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("size", (await ApiClient.ProblemAsync(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task SizeThatIsNoNumber_Is400Problem()
    {
        var response = await Http.GetAsync($"/api/courtyards/{CourtyardId}/qr.png?size=big");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ApiClient.ProblemAsync(response);
    }

    [Fact]
    public async Task ConfiguredPublicBaseUrl_IsTheAddressTheCodeCarries()
    {
        await using var factory = new CommandCenterFactory { DemoCases = 0 };
        await using var configured = factory.WithWebHostBuilder(web => web.UseSetting("PublicSite:BaseUrl", "https://jiedao.example.cn/ct"));
        using var http = configured.CreateClient().As(configured.Services);

        var svg = await http.GetStringAsync("/api/courtyards/3/qr.svg");

        AssertSvgEncodes("https://jiedao.example.cn/ct/r/CT0003", svg);
    }

    private static void AssertSvgEncodes(string url, string svg)
    {
        var root = XDocument.Parse(svg).Root!;
        var modules = Modules(url);
        Assert.Equal($"0 0 {modules} {modules}", root.Attribute("viewBox")?.Value);
        var path = root.Elements().Single(e => e.Name.LocalName == "path").Attribute("d")!.Value;
        Assert.Equal(DarkModules(url), DrawnModules(path));
    }

    /// <summary>The dark modules QRCoder puts in the code for <paramref name="url"/>, quiet zone included.</summary>
    private static HashSet<(int X, int Y)> DarkModules(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.Q);
        var dark = new HashSet<(int, int)>();
        for (var y = 0; y < data.ModuleMatrix.Count; y++)
            for (var x = 0; x < data.ModuleMatrix[y].Length; x++)
                if (data.ModuleMatrix[y][x]) dark.Add((x, y));
        return dark;
    }

    /// <summary>The modules an SVG path covers; it draws each row's runs as "Mx yhWv1h-Wz".</summary>
    private static HashSet<(int X, int Y)> DrawnModules(string path)
    {
        var runs = RowRun().Matches(path);
        Assert.Equal(path.Length, runs.Sum(r => r.Length));
        return [.. runs.SelectMany(run =>
        {
            var (x, y, width) = (int.Parse(run.Groups["x"].Value), int.Parse(run.Groups["y"].Value), int.Parse(run.Groups["w"].Value));
            return Enumerable.Range(x, width).Select(column => (column, y));
        })];
    }

    private static int Modules(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.Q);
        return data.ModuleMatrix.Count;
    }

    private static byte[] ExpectedPng(string url, int pixelsPerModule)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.Q);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }

    /// <summary>Width and height from the IHDR chunk, which follows the signature and the chunk's length and type.</summary>
    private static (int Width, int Height) PngSize(byte[] png) =>
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));

    [GeneratedRegex(@"M(?<x>\d+) (?<y>\d+)h(?<w>\d+)v1h-\k<w>z")]
    private static partial Regex RowRun();
}
