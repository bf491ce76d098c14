using CommandCenter.Infrastructure.Setup;
using CommandCenter.Web.Access;
using CommandCenter.Web.Api;

namespace CommandCenter.Web.Setup;

/// <summary>
/// Until the street is set up nothing but the setup is open: pages go to the setup page, the API
/// and the hub answer 503 with the code SetupRequired. Static files stay open so the setup page has its styles.
/// </summary>
public static class SetupGate
{
    public static readonly ErrorEntry Required = new(StatusCodes.Status503ServiceUnavailable, "SetupRequired", ErrorTable.Sentence("SetupRequired"));

    public static IApplicationBuilder UseSetupGate(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (IsOpen(http.Request.Path) || !await http.RequestServices.GetRequiredService<FirstStart>().IsNeededAsync(http.RequestAborted))
            {
                await next(http);
                return;
            }
            if (AccessSetup.IsMachinePath(http.Request.Path)) await ErrorAnswer.WriteAsync(http, Required);
            else http.Response.Redirect(SetupEndpoints.PagePath);
        });

    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments(SetupEndpoints.PagePath) || path.StartsWithSegments(SetupEndpoints.ApiPath) || path.StartsWithSegments(SetupEndpoints.HealthPath)
        || path.StartsWithSegments("/culture") || AccessSetup.IsAsset(path);
}
