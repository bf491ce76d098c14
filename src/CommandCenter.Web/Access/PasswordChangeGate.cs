using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Api;

namespace CommandCenter.Web.Access;

/// <summary>
/// After an administrator's reset the person must choose their own password before anything else:
/// pages go to the password page, the API and the hub answer 403 PasswordChangeRequired. It is the
/// staff member that is held, so a bearer token acting as them is held too until they have changed it.
/// </summary>
public static class PasswordChangeGate
{
    public static readonly ErrorEntry Required = new(StatusCodes.Status403Forbidden, "PasswordChangeRequired", ErrorTable.Sentence("PasswordChangeRequired"));

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (IsOpen(http.Request.Path) || !IsDue(http))
            {
                await next(http);
                return;
            }
            if (AccessSetup.IsMachinePath(http.Request.Path)) await ErrorAnswer.WriteAsync(http, Required);
            else http.Response.Redirect(PasswordEndpoints.PagePath);
        });

    public static bool IsDue(HttpContext http) =>
        PostClaims.Int(http.User, PostClaims.StaffId) is { } staffId
        && http.RequestServices.GetRequiredService<OrganisationDirectory>().PasswordChangeDue(new StaffId(staffId));

    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments(PasswordEndpoints.PagePath) || path.StartsWithSegments(PasswordEndpoints.ApiPath)
        || path.StartsWithSegments(AccountEndpoints.SignOutPath) || path.StartsWithSegments("/culture") || AccessSetup.IsAsset(path);
}
