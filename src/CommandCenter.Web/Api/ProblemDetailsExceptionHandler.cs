using System.Text.Json;
using System.Text.RegularExpressions;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using Microsoft.AspNetCore.Diagnostics;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Api;

/// <summary>
/// Turns the domain's and the application's refusals into ProblemDetails: 409 for a state
/// violation or a conflict, 422 for invalid input, 404 for an unknown case, 400 for a body
/// that cannot be read (413 past a size limit, 415 for a wrong media type), 403 for what the
/// caller's post may not do. Anything else is a 500 without internals. Every detail is a
/// sentence in the request's language; pages get it as a plain page (<see cref="ErrorAnswer"/>).
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(IStringLocalizer<SharedResource> text, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception, text);
        Log(httpContext, exception, problem);
        return await ErrorAnswer.WriteAsync(httpContext, problem, exception);
    }

    public static ProblemDetails Describe(Exception exception, IStringLocalizer text) => exception switch
    {
        PublicReportRefusedException e => Problem(StatusCodes.Status422UnprocessableEntity, "Report refused", PublicRefusalText.Describe(e, text), e.Code,
            ("field", e.Field), ("photo", e.Photo?.ToString())),
        AccessRefusedException e => Problem(StatusCodes.Status403Forbidden, "Not allowed", text[$"AccessRefusal.{e.Refusal}"], nameof(HttpProblem.Forbidden),
            ("refusal", e.Refusal.ToString()), ("command", e.Command?.ToString())),
        CaseCommandRejectedException e => Problem(StatusCodes.Status409Conflict, "Command not allowed",
            ErrorText.Of(text, e.Code, StatusCodes.Status409Conflict, command: e.Command, state: e.State), e.Code,
            // The domain's English reason stays for developers; the detail is the user's sentence.
            ("command", e.Command.ToString()), ("state", e.State.ToString()), ("reason", e.Reason)),
        CaseConflictException e => Problem(StatusCodes.Status409Conflict, "Conflict", text["Error.Conflict"], nameof(HttpProblem.Conflict), ("caseNumber", e.CaseNumber)),
        StaleRecordException => Problem(StatusCodes.Status409Conflict, "Conflict", text["Error.Conflict"], nameof(HttpProblem.Conflict)),
        DomainValidationException e => Problem(StatusCodes.Status422UnprocessableEntity, "Invalid input", ErrorText.Of(text, e.Code, StatusCodes.Status422UnprocessableEntity, e.Field), e.Code,
            ("field", e.Field)),
        UnknownReferenceException e => Problem(StatusCodes.Status422UnprocessableEntity, "Unknown reference",
            ErrorText.Of(text, "UnknownReference", StatusCodes.Status422UnprocessableEntity, e.Field), "UnknownReference", ("field", e.Field)),
        DomainException e => Problem(StatusCodes.Status422UnprocessableEntity, "Invalid input", ErrorText.Of(text, e.Code, StatusCodes.Status422UnprocessableEntity), e.Code),
        CaseNotFoundException or RecordNotFoundException => Problem(StatusCodes.Status404NotFound, "Not found", text["Error.NotFound"], nameof(HttpProblem.NotFound)),
        BadHttpRequestException e => Unreadable(e, text),
        _ => Problem(StatusCodes.Status500InternalServerError, "Server error", ErrorText.ForStatus(text, StatusCodes.Status500InternalServerError), nameof(HttpProblem.ServerError)),
    };

    /// <summary>A request the framework could not read: the body's fault is 400, a limit's 413, a media type's 415.</summary>
    private static ProblemDetails Unreadable(BadHttpRequestException e, IStringLocalizer text)
    {
        var field = e.InnerException is JsonException { Path: { } path } && JsonField().Match(path) is { Success: true } match ? match.Groups[1].Value : null;
        var problem = e.StatusCode == StatusCodes.Status400BadRequest && e.InnerException is JsonException or InvalidDataException or IOException
            ? HttpProblem.UnreadableBody
            : HttpProblems.Of(e.StatusCode);
        var detail = field is null ? text[$"Error.Http.{problem}"] : text["Error.UnreadableField", field];
        // No title of our own: the framework's title for the status ("Payload Too Large"…) says it.
        return field is null
            ? Problem(e.StatusCode, null, detail, problem.ToString())
            : Problem(e.StatusCode, null, detail, problem.ToString(), ("field", field));
    }

    // The middleware leaves what a handler handled unlogged, so this is the one line per error answer:
    // a request's fault without a stack (warning when HTTP could not read it), the server's own with it.
    private void Log(HttpContext http, Exception exception, ProblemDetails problem)
    {
        var code = problem.Extensions["code"];
        if (problem.Status >= StatusCodes.Status500InternalServerError)
            logger.LogError(exception, "{Method} {Path} failed with {Code}", http.Request.Method, http.Request.Path, code);
        else if (exception is BadHttpRequestException)
            logger.LogWarning("{Method} {Path} refused with {Status} {Code}: {Reason}", http.Request.Method, http.Request.Path, problem.Status, code,
                exception.InnerException?.Message ?? exception.Message);
        else
            logger.LogInformation("{Method} {Path} refused with {Status} {Code}", http.Request.Method, http.Request.Path, problem.Status, code);
    }

    private static ProblemDetails Problem(int status, string? title, string detail, string code, params (string Key, object? Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        return problem;
    }

    // The property System.Text.Json stopped at: "$.unitId" and "$.coHandlerUnitIds[1]" both name the request's field.
    [GeneratedRegex(@"^\$\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex JsonField();
}
