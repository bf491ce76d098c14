using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Api;

/// <summary>
/// The one place every ProblemDetails passes: the framework's own answers (401, 403, 404, 405,
/// 413, 415 from status code pages, authentication and routing) get a <c>code</c> from their
/// status and a detail in the request's language, as the application's own answers already have.
/// </summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddCommandCenterProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Extensions.TryAdd("code", HttpProblems.Of(status).ToString());
            problem.Detail ??= ErrorText.ForStatus(context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>(), status);
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Binding failures reach the exception handler, which names the JSON field and writes the code;
        // otherwise minimal APIs answer a bare 400 that says nothing.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}
