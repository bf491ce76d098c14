using CommandCenter.Web.Api;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Components;

/// <summary>
/// The sentence a person reads when a request is refused: read from the same <see cref="ErrorTable"/>
/// as the API's ProblemDetails, so pages and API never say a refusal two ways.
/// Anything that is not a refusal is a fault, and is left to the error boundary.
/// </summary>
public static class UserMessages
{
    public static bool TryDescribe(IStringLocalizer localizer, Exception exception, out string message)
    {
        var entry = ErrorTable.Of(exception);
        message = ErrorText.Of(localizer, entry);
        // A database away is said plainly too; only an unexplained fault is left to the error boundary.
        return entry.Status < StatusCodes.Status500InternalServerError || entry.RetryAfter is not null;
    }
}
