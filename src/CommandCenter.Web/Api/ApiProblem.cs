using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Api;

/// <summary>
/// The one place an error answer becomes ProblemDetails: the entry's status, its <c>code</c>, its
/// sentence as the detail, the <c>field</c> it names and its further fields. The exception handler,
/// endpoints, the rate limits and the framework's own answers (ProblemDetailsSetup) all come here.
/// </summary>
internal static class ApiProblem
{
    public static ProblemDetails Create(ErrorEntry entry, string detail) => Fill(new ProblemDetails(), entry, detail);

    /// <summary>Writes the entry into a ProblemDetails the framework made for a status code of its own.</summary>
    public static ProblemDetails Fill(ProblemDetails problem, ErrorEntry entry, string detail)
    {
        problem.Status = entry.Status;
        problem.Detail = detail;
        problem.Extensions["code"] = entry.Code;
        if (entry.Field is { } field) problem.Extensions["field"] = field;
        foreach (var (key, value) in entry.Extensions) problem.Extensions[key] = value;
        return problem;
    }

    /// <summary>An endpoint's error answer, in the request's language.</summary>
    public static IResult Of(HttpContext http, ErrorEntry entry) =>
        Results.Problem(Create(entry, ErrorText.Of(http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>(), entry)));

    /// <summary>Past a rate limit, whether the middleware or a submission limiter said so; told when to come back.</summary>
    public static IResult TooManyRequests(HttpContext http, TimeSpan retryAfter)
    {
        ErrorAnswer.RetryAfter(http, retryAfter);
        return Of(http, ErrorTable.OfStatus(StatusCodes.Status429TooManyRequests));
    }
}
