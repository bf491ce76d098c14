namespace CommandCenter.Web.Api;

/// <summary>
/// A ProblemDetails answer with the <c>code</c> every API error carries, and any further fields.
/// Without a detail the status's sentence in the request's language is filled in (ProblemDetailsSetup).
/// </summary>
internal static class ApiProblem
{
    public static IResult Of(int status, string code, string? detail = null, params (string Key, object? Value)[] extensions)
    {
        var fields = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (key, value) in extensions) fields[key] = value;
        return Results.Problem(statusCode: status, detail: detail, extensions: fields);
    }

    /// <summary>Past a rate limit, whether the middleware or a submission limiter said so; told when to come back.</summary>
    public static IResult TooManyRequests(HttpContext http, TimeSpan retryAfter)
    {
        ErrorAnswer.RetryAfter(http, retryAfter);
        return Of(StatusCodes.Status429TooManyRequests, nameof(HttpProblem.TooManyRequests));
    }
}
