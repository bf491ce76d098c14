namespace CommandCenter.Web.Api;

/// <summary>
/// The <c>code</c> of an error answer that is about the HTTP request rather than a rule of the
/// domain: what the framework's own 401, 404, 405, 413, 415… carry, and a body that cannot be read.
/// Each has a sentence "Error.Http.{name}" in the resources.
/// </summary>
public enum HttpProblem
{
    BadRequest,
    UnreadableBody,
    Unauthorized,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    Conflict,
    PayloadTooLarge,
    UnsupportedMediaType,
    InvalidInput,
    TooManyRequests,
    ServerError,
}

public static class HttpProblems
{
    public static HttpProblem Of(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => HttpProblem.Unauthorized,
        StatusCodes.Status403Forbidden => HttpProblem.Forbidden,
        StatusCodes.Status404NotFound => HttpProblem.NotFound,
        StatusCodes.Status405MethodNotAllowed => HttpProblem.MethodNotAllowed,
        StatusCodes.Status409Conflict => HttpProblem.Conflict,
        StatusCodes.Status413PayloadTooLarge => HttpProblem.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => HttpProblem.UnsupportedMediaType,
        StatusCodes.Status422UnprocessableEntity => HttpProblem.InvalidInput,
        StatusCodes.Status429TooManyRequests => HttpProblem.TooManyRequests,
        >= 500 => HttpProblem.ServerError,
        _ => HttpProblem.BadRequest,
    };
}
