using Microsoft.AspNetCore.Diagnostics;

namespace CommandCenter.Web.Api;

/// <summary>
/// Answers whatever an endpoint or page threw by <see cref="ErrorTable"/>: a refusal with its status,
/// code and sentence in the request's language, anything else a 500 without internals. The API gets
/// ProblemDetails, pages a plain page (<see cref="ErrorAnswer"/>).
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var entry = ErrorTable.Of(exception);
        Log(httpContext, exception, entry);
        return await ErrorAnswer.WriteAsync(httpContext, entry, exception);
    }

    // The middleware leaves what a handler handled unlogged, so this is the one line per error answer:
    // a request's fault without a stack (warning when HTTP could not read it), the server's own with it.
    private void Log(HttpContext http, Exception exception, ErrorEntry entry)
    {
        // A database away fails every request alike: its reason, not a stack each time.
        if (entry.RetryAfter is not null)
            logger.LogWarning("{Method} {Path} answered {Status} {Code}: {Reason}", http.Request.Method, http.Request.Path, entry.Status, entry.Code, exception.Message);
        else if (entry.Status >= StatusCodes.Status500InternalServerError)
            logger.LogError(exception, "{Method} {Path} failed with {Code}", http.Request.Method, http.Request.Path, entry.Code);
        else if (exception is BadHttpRequestException)
            logger.LogWarning("{Method} {Path} refused with {Status} {Code}: {Reason}", http.Request.Method, http.Request.Path, entry.Status, entry.Code,
                exception.InnerException?.Message ?? exception.Message);
        else
            logger.LogInformation("{Method} {Path} refused with {Status} {Code}", http.Request.Method, http.Request.Path, entry.Status, entry.Code);
    }
}
