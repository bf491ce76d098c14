namespace CommandCenter.Web.QrCodes;

/// <summary>
/// The address residents open the site at, which printed QR codes carry. Behind a proxy or when
/// staff use an intranet name, the console's own address is not one a resident's phone can reach,
/// so <c>PublicSite:BaseUrl</c> names it; without it the address of the request is used.
/// </summary>
public static class PublicSite
{
    public const string BaseUrlKey = "PublicSite:BaseUrl";

    /// <summary>The public base address, always ending in a slash so relative paths keep its path.</summary>
    public static Uri BaseAddress(IConfiguration configuration, Uri requestBase)
    {
        var configured = configuration[BaseUrlKey];
        if (string.IsNullOrWhiteSpace(configured)) return WithTrailingSlash(requestBase);
        return Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var address) && address.Scheme is "http" or "https"
            ? WithTrailingSlash(address)
            : throw new InvalidOperationException($"{BaseUrlKey} must be an absolute http(s) address, not \"{configured}\".");
    }

    /// <summary>The base address of an API request: scheme, host and the path the app is mounted at.</summary>
    public static Uri RequestBase(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}");

    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsolutePath.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
