using System.Globalization;
using CommandCenter.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Api;

/// <summary>
/// Writes an error answer where no endpoint did: ProblemDetails for the API and the hub, and for
/// pages and their forms the app's error page (<see cref="ErrorPage"/>), since a person reads it in a browser.
/// </summary>
internal static class ErrorAnswer
{
    public static async ValueTask<bool> WriteAsync(HttpContext http, ErrorEntry entry, Exception? exception = null)
    {
        http.Response.StatusCode = entry.Status;
        if (entry.RetryAfter is { } wait) RetryAfter(http, wait);
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (AccessSetup.IsMachinePath(http.Request.Path))
            return await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(
                new ProblemDetailsContext { HttpContext = http, ProblemDetails = ApiProblem.Create(entry, ErrorText.Of(text, entry)), Exception = exception });

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(ErrorPage.Of(http, text, entry.Status, ErrorText.Of(text, entry)));
        return true;
    }

    /// <summary>Retry-After in whole seconds, never 0: a client that retries at once is refused again.</summary>
    public static void RetryAfter(HttpContext http, TimeSpan wait) =>
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
