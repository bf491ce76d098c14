using System.Text.RegularExpressions;
using CommandCenter.Domain.Common;

namespace CommandCenter.Web.Api;

/// <summary>
/// Form posts, whoever reads them (an endpoint, antiforgery, a Blazor page): the form is read
/// once, before them, so a body that cannot be read is the caller's 400 — or 413 past a size
/// limit — instead of an exception deep in whichever component touched it first.
/// </summary>
public static partial class FormBodies
{
    public static IApplicationBuilder UseFormBodies(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint() is not null && http.Request.HasFormContentType && !HttpMethods.IsGet(http.Request.Method))
        {
            try
            {
                // Cached by the request's form feature: every later reader gets this form.
                await http.Request.ReadFormAsync(http.RequestAborted);
            }
            // Kestrel's own BadHttpRequestException (an IOException) already carries the right status, 413 past the body limit.
            catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException && !http.RequestAborted.IsCancellationRequested)
            {
                throw new BadHttpRequestException("The form could not be read.",
                    SizeLimit().IsMatch(e.Message) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, e);
            }
        }
        await next(http);
    });

    /// <summary>The one value of a single-valued field; a repeated field is refused, not joined with commas.</summary>
    public static string Single(this IFormCollection form, string field) =>
        form[field].Count > 1 ? throw new DomainValidationException("Repeated", $"{field} is given more than once.", field) : form[field].ToString();

    // The form reader says which of FormOptions' limits a body passed only in its message; a
    // boundary or a line past its limit is a malformed body, not a large one.
    [GeneratedRegex(@"^(Form value count|Form key length|Form value length|Multipart body length|Multipart headers length|Multipart headers count) limit \d+ exceeded")]
    private static partial Regex SizeLimit();
}
