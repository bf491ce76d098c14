using System.Globalization;
using CommandCenter.Web.Access;
using Microsoft.AspNetCore.Localization;

namespace CommandCenter.Web.Localization;

/// <summary>zh-CN by default; en-US for whoever switches. The choice lives in the culture cookie.</summary>
public static class CultureSetup
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";
    public static readonly string[] Supported = [Chinese, English];
    private static readonly AcceptLanguageHeaderRequestCultureProvider AcceptLanguage = new();

    public static IServiceCollection AddCommandCenterLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddTransient<MudBlazor.MudLocalizer, MudLabels>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Chinese).AddSupportedCultures(Supported).AddSupportedUICultures(Supported);
            // On pages only the explicit choice counts: a browser's Accept-Language must not override the
            // zh-CN default. API and hub callers keep no cookie, so they say their language in Accept-Language.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(http => AccessSetup.IsMachinePath(http.Request.Path)
                    ? AcceptLanguage.DetermineProviderCultureResult(http)
                    : Task.FromResult<ProviderCultureResult?>(null)),
            ];
        });
        return services;
    }

    /// <summary>GET /culture/set?culture=en-US&amp;redirectUri=/ stores the choice and goes back.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext http) =>
        {
            if (!Supported.Contains(culture)) return Results.BadRequest();
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(Hardening.LocalPath.OrNull(redirectUri) ?? "/");
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    public static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";
}
