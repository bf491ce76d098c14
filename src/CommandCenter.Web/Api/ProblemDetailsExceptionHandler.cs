using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using Microsoft.AspNetCore.Diagnostics;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Web.Localization;
using CommandCenter.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Api;

/// <summary>
/// Turns the domain's and the application's refusals into ProblemDetails: 409 for a state
/// violation or a conflict, 422 for invalid input, 404 for an unknown case, 400 for a body
/// that cannot be read, 403 for what the caller's post may not do. Anything else is a 500 without internals.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, IStringLocalizer<SharedResource> text) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // A resident reads the API's answer in their own language, as the page would show it.
        var problem = exception switch
        {
            PublicReportRefusedException refused => Problem(StatusCodes.Status422UnprocessableEntity, "Report refused", PublicRefusalText.Describe(refused, text),
                refused.Code, ("field", refused.Field), ("photo", refused.Photo?.ToString())),
            AccessRefusedException denied => Problem(StatusCodes.Status403Forbidden, "Not allowed", text[$"AccessRefusal.{denied.Refusal}"],
                "Forbidden", ("refusal", denied.Refusal.ToString()), ("command", denied.Command?.ToString())),
            _ => Describe(exception),
        };
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails Describe(Exception exception) => exception switch
    {
        CaseCommandRejectedException e => Problem(StatusCodes.Status409Conflict, "Command not allowed", e.Message, e.Code,
            ("command", e.Command.ToString()), ("state", e.State.ToString()), ("reason", e.Reason)),
        CaseConflictException e => Problem(StatusCodes.Status409Conflict, "Conflict", e.Message, "Conflict", ("caseNumber", e.CaseNumber)),
        DomainValidationException e => Problem(StatusCodes.Status422UnprocessableEntity, "Invalid input", e.Message, e.Code, ("field", e.Field)),
        UnknownReferenceException e => Problem(StatusCodes.Status422UnprocessableEntity, "Unknown reference", e.Message, "UnknownReference", ("field", e.Field)),
        DomainException e => Problem(StatusCodes.Status422UnprocessableEntity, "Invalid input", e.Message, e.Code),
        CaseNotFoundException e => Problem(StatusCodes.Status404NotFound, "Case not found", e.Message, "NotFound"),
        RecordNotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found", e.Message, "NotFound"),
        StaleRecordException e => Problem(StatusCodes.Status409Conflict, "Conflict", e.Message, "Conflict"),
        BadHttpRequestException e => Problem(StatusCodes.Status400BadRequest, "Bad request", e.Message, "BadRequest"),
        _ => Problem(StatusCodes.Status500InternalServerError, "Server error", "The server could not complete the request.", "ServerError"),
    };

    private static ProblemDetails Problem(int status, string title, string detail, string code, params (string Key, object? Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        return problem;
    }
}
