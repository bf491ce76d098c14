using System.Security.Claims;
using System.Text.Encodings.Web;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CommandCenter.Web.Access;

/// <summary>
/// Bearer tokens made by an administrator: in the Authorization header (other systems), or as
/// access_token in the query (SignalR's WebSocket clients, and a wall player's start URL). A
/// display token in a page's URL also signs the browser in with the display cookie, because the
/// page's Blazor circuit connects later without the query.
/// </summary>
internal sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessTokenService tokens, OrganisationDirectory directory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string QueryKey = "access_token";

    public static bool CarriesToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || QueryMayCarry(request) && request.Query.ContainsKey(QueryKey);

    /// <summary>
    /// Only a hub connection (WebSockets cannot carry headers from a browser) and a page's start
    /// URL take the token from the query: anywhere else a secret in a URL ends up in logs.
    /// </summary>
    private static bool QueryMayCarry(HttpRequest request) => request.Path.StartsWithSegments("/hubs") || IsPage(request);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var fromHeader = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        var secret = fromHeader ? header["Bearer ".Length..].Trim() : Request.Query[QueryKey].ToString();
        if (string.IsNullOrEmpty(secret)) return AuthenticateResult.NoResult();
        if (await tokens.FindActiveAsync(secret, Context.RequestAborted) is not { } token)
            return AuthenticateResult.Fail("The token is unknown or revoked.");
        // A token acting as a person holds no longer than the person's sign-in: disabling them ends it too.
        if (token.StaffId is { } staffId && directory.SignInDisabled(staffId))
            return AuthenticateResult.Fail("The staff member's sign-in is disabled.");

        var principal = PrincipalOf(token, Scheme.Name);
        // A wall player keeps its sign-in across browser restarts; the token's revocation still ends it.
        if (token.Kind == AccessTokenKind.Display && !fromHeader && IsPage(Request))
            await Context.SignInAsync(AccessSetup.DisplayScheme, PrincipalOf(token, AccessSetup.DisplayScheme), new AuthenticationProperties { IsPersistent = true });
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }

    public static ClaimsPrincipal PrincipalOf(AccessToken token, string scheme)
    {
        var claims = new List<Claim> { PostClaims.Of(PostClaims.TokenId, token.Id), new(ClaimTypes.Name, token.Name), new(PostClaims.DisplayName, token.Name) };
        if (token.StaffId is { } staffId) claims.Add(PostClaims.Of(PostClaims.StaffId, staffId.Value));
        if (token.CommunityId is { } communityId) claims.Add(PostClaims.Of(PostClaims.DisplayCommunity, communityId.Value));
        if (token.Kind == AccessTokenKind.Display && token.StreetId is { } streetId) claims.Add(PostClaims.Of(PostClaims.DisplayStreet, streetId.Value));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    private static bool IsPage(HttpRequest request) => HttpMethods.IsGet(request.Method) && !AccessSetup.IsMachinePath(request.Path);
}
