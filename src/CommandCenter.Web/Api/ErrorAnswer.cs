using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CommandCenter.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Api;

/// <summary>
/// Writes an error answer where no endpoint did: ProblemDetails for the API and the hub, and for
/// pages and their forms a plain page with the one sentence, since a person reads it in a browser.
/// </summary>
internal static class ErrorAnswer
{
    // The default encoder escapes every Chinese character; the page's sentence should stay readable as sent.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static async ValueTask<bool> WriteAsync(HttpContext http, ErrorEntry entry, Exception? exception = null)
    {
        http.Response.StatusCode = entry.Status;
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (AccessSetup.IsMachinePath(http.Request.Path))
            return await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(
                new ProblemDetailsContext { HttpContext = http, ProblemDetails = ApiProblem.Create(entry, ErrorText.Of(text, entry)), Exception = exception });

        var sentence = Html.Encode(ErrorText.Of(text, entry));
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{CultureInfo.CurrentUICulture.Name}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
            + $"<title>{sentence}</title></head><body><p>{sentence}</p><p><a href=\"/\">{Html.Encode(text["NotFound.Back"])}</a></p></body></html>");
        return true;
    }

    /// <summary>Retry-After in whole seconds, never 0: a client that retries at once is refused again.</summary>
    public static void RetryAfter(HttpContext http, TimeSpan wait) =>
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
