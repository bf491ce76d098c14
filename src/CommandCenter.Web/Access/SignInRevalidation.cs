using System.Security.Claims;
using CommandCenter.Infrastructure.Access;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommandCenter.Web.Access;

/// <summary>
/// An open circuit re-checks its sign-in every <see cref="AccessOptions.RevalidationInterval"/>:
/// a revoked token, a locked or removed account or a changed security stamp ends it, so an
/// unattended wall stops showing data soon after its token is revoked.
/// </summary>
internal sealed class SignInRevalidation(ILoggerFactory loggers, IServiceScopeFactory scopes, AccessTokenService tokens, IOptions<AccessOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (PostClaims.Int(user, PostClaims.TokenId) is { } tokenId) return await tokens.IsActiveAsync(tokenId, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var stampClaim = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        return await users.GetUserAsync(user) is { } account
            && !await users.IsLockedOutAsync(account)
            && (!users.SupportsUserSecurityStamp || user.FindFirstValue(stampClaim) == await users.GetSecurityStampAsync(account));
    }
}
