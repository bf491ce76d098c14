using System.Security.Claims;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommandCenter.Web.Access;

/// <summary>
/// An open circuit's sign-in ends when it no longer holds (<see cref="SessionStanding"/>): at once when the
/// directory reloads after a reset or a disabling (on this server or, announced, on another), and every
/// <see cref="AccessOptions.RevalidationInterval"/> for a revoked token, so an unattended wall stops showing
/// data soon after its token is revoked. An ended circuit shows the sign-in page (NotAllowed).
/// </summary>
internal sealed class SignInRevalidation : RevalidatingServerAuthenticationStateProvider
{
    private static readonly Task<AuthenticationState> SignedOut = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));
    private readonly OrganisationDirectory _directory;
    private readonly AccessTokenService _tokens;
    private readonly IOptions<AccessOptions> _options;
    private readonly ClaimsIdentityOptions _claims;

    public SignInRevalidation(
        ILoggerFactory loggers, OrganisationDirectory directory, AccessTokenService tokens, IOptions<AccessOptions> options, IOptions<IdentityOptions> identity)
        : base(loggers)
    {
        (_directory, _tokens, _options, _claims) = (directory, tokens, options, identity.Value.ClaimsIdentity);
        _directory.Reloaded += CheckNow;
    }

    protected override TimeSpan RevalidationInterval => _options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (!SessionStanding.Holds(user, _directory, _claims)) return false;
        return PostClaims.Int(user, PostClaims.TokenId) is not { } tokenId || await _tokens.IsActiveAsync(tokenId, cancellationToken);
    }

    private void CheckNow()
    {
        var state = GetAuthenticationStateAsync();
        if (state.IsCompletedSuccessfully && !SessionStanding.Holds(state.Result.User, _directory, _claims)) SetAuthenticationState(SignedOut);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _directory.Reloaded -= CheckNow;
        base.Dispose(disposing);
    }
}
