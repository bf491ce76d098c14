using CommandCenter.Web.Api;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Components;

/// <summary>
/// The sentence a person reads when a request is refused: the same sentence the API's
/// ProblemDetails carries, so console and API never say a refusal two ways.
/// Anything that is not a refusal is a fault, and is left to the error boundary.
/// </summary>
public static class UserMessages
{
    public static bool TryDescribe(IStringLocalizer localizer, Exception exception, out string message)
    {
        var problem = ProblemDetailsExceptionHandler.Describe(exception, localizer);
        message = problem.Detail ?? "";
        return problem.Status < StatusCodes.Status500InternalServerError;
    }
}
