using System.Security.Claims;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommandCenter.Web.Access;

/// <summary>
/// Whether a person's session still holds, decided from the directory in memory on every request and in
/// every open circuit: an administrator's reset (a new security stamp) or disabling ends the sign-in cookie
/// at its next request, and a disabled person's bearer tokens with it. See docs/decisions/0012.
/// </summary>
public static class SessionStanding
{
    public static bool Holds(ClaimsPrincipal user, OrganisationDirectory directory, ClaimsIdentityOptions claims)
    {
        if (user.Identity?.IsAuthenticated != true) return true;
        if (PostClaims.Int(user, PostClaims.TokenId) is not null)
            return PostClaims.Int(user, PostClaims.StaffId) is not { } staffId || !directory.SignInDisabled(new StaffId(staffId));
        return user.FindFirstValue(claims.UserIdClaimType) is { } userId && directory.SignInHolds(userId, user.FindFirstValue(claims.SecurityStampClaimType));
    }

    /// <summary>The sign-in cookie's check on each request, in place of Identity's stamp validator that reads the database every half hour.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (context.Principal is { } user
            && Holds(user, services.GetRequiredService<OrganisationDirectory>(), services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
