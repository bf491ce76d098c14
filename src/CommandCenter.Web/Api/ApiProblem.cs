namespace CommandCenter.Web.Api;

/// <summary>A ProblemDetails answer with the <c>code</c> every API error carries, and any further fields.</summary>
internal static class ApiProblem
{
    public static IResult Of(int status, string title, string detail, string code, params (string Key, object? Value)[] extensions)
    {
        var fields = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (key, value) in extensions) fields[key] = value;
        return Results.Problem(statusCode: status, title: title, detail: detail, extensions: fields);
    }

    /// <summary>Past a public rate limit, whether the middleware or a submission limiter said so.</summary>
    public static IResult TooManyRequests() =>
        Of(StatusCodes.Status429TooManyRequests, "Too many requests", "Too many requests from this address; wait a few minutes and try again.", "TooManyRequests");
}
