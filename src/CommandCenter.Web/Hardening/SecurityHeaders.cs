using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Hardening;

/// <summary>
/// Security headers on every response. The content security policy allows scripts from this
/// site only — plus, by its hash, the one inline script Blazor writes (the import map) — and
/// inline styles, which MudBlazor's theme and Plotly's charts are made of. No eval, no plugins,
/// no framing, forms post only here.
/// </summary>
internal static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'{0}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly ConcurrentDictionary<ResourceAssetCollection, string> ImportMapHashes = new();

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            Apply(http);
            return Task.CompletedTask;
        });
        return next(http);
    });

    private static void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Tracking codes travel in URLs: never hand them to another site.
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(self), geolocation=(self), microphone=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = string.Format(System.Globalization.CultureInfo.InvariantCulture, Policy, ImportMapSource(http));
    }

    /// <summary>The hash of the import map the page's ImportMap component renders from the same asset collection.</summary>
    private static string ImportMapSource(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>() is { } assets
            ? ImportMapHashes.GetOrAdd(assets, a =>
                $" 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(ImportMapDefinition.FromResourceCollection(a).ToString())))}'")
            : "";
}
