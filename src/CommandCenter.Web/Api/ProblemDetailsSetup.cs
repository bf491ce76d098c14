using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Api;

/// <summary>
/// Error answers as ProblemDetails. The application's own come from <see cref="ErrorTable"/> with
/// their code; the framework's (401, 403, 404, 405, 413, 415 from status code pages, authentication
/// and routing) arrive without one and get theirs here, from the same table by status.
/// </summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddCommandCenterProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Extensions.ContainsKey("code")) return;
            var entry = ErrorTable.OfStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
            ApiProblem.Fill(problem, entry, problem.Detail
                ?? ErrorText.Of(context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>(), entry));
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Binding failures reach the exception handler, which names the JSON field and writes the code;
        // otherwise minimal APIs answer a bare 400 that says nothing.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}
