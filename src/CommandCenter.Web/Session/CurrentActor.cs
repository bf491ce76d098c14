using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Access;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommandCenter.Web.Session;

/// <summary>
/// The signed-in post of this circuit, acting through the console. Read afresh each time from
/// the circuit's authentication state, so a sign-in that ends mid-circuit acts no more.
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication, OrganisationDirectory directory)
{
    public const ActSource Source = ActSource.Console;

    /// <summary>The post every page decision is made from (scope, commands, capabilities).</summary>
    public Post Post => PostOf(CurrentUser()) ?? throw new InvalidOperationException("No one is signed in on this circuit.");

    public bool IsSignedIn => PostOf(CurrentUser()) is not null;

    /// <summary>Written on every timeline event this console causes.</summary>
    public Actor Actor => Post.Actor;

    public Staff? Staff => Post.StaffId is { } id ? directory.StaffMember(id) : null;

    private Post? PostOf(System.Security.Claims.ClaimsPrincipal user) => PostClaims.PostOf(user, directory, Source);

    /// <summary>On the server the state is known when the circuit starts, so this never waits.</summary>
    private System.Security.Claims.ClaimsPrincipal CurrentUser()
    {
        var state = authentication.GetAuthenticationStateAsync();
        return state.IsCompletedSuccessfully ? state.Result.User : new System.Security.Claims.ClaimsPrincipal();
    }
}
