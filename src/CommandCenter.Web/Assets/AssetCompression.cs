using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace CommandCenter.Web.Assets;

/// <summary>
/// Compression for what the build did not compress: MapStaticAssets serves its build-compressed files
/// (gzip; Brotli too when published) and this middleware leaves those alone, but a package's
/// fingerprinted files and every asset in Development come uncompressed — MudBlazor's stylesheet alone
/// is 600 KB, most of a resident's first visit on a slow phone link. Only static asset types:
/// pages and API answers carry tokens and personal data, and compressing them over HTTPS invites BREACH.
/// </summary>
public static class AssetCompression
{
    public static readonly string[] MimeTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml"];

    public static IServiceCollection AddAssetCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = MimeTypes;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // Brotli's fastest level left the stylesheet at 100 KB; its balanced level takes it well below, in milliseconds.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }
}
