using CommandCenter.Infrastructure.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CommandCenter.Web.Access;

/// <summary>A display's cookie holds only as long as its token: a revoked token ends it on the next request.</summary>
internal static class DisplayCookieValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var tokens = context.HttpContext.RequestServices.GetRequiredService<AccessTokenService>();
        if (context.Principal is { } user && PostClaims.Int(user, PostClaims.TokenId) is { } id && await tokens.IsActiveAsync(id, context.HttpContext.RequestAborted))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(AccessSetup.DisplayScheme);
    }
}
