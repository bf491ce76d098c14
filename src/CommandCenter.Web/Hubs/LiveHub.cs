using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Web.Hubs;

/// <summary>
/// The public live hub (/hubs/live) for wall players, phones and other systems. A client
/// joins the groups it wants and receives "caseChanged" with a <see cref="Infrastructure.Events.CaseEvent"/>
/// for every committed change in them. Connecting needs a sign-in or token that may view the
/// wall; each join is decided by the caller's post like a page would be, and a group outside
/// its scope reads as not existing. Contract: docs/live-events.md.
/// </summary>
[Authorize(Policy = Policies.ViewWall)]
public sealed class LiveHub(
    OrganisationDirectory directory, CaseQueries queries, AccessTokenService tokens, TokenConnections connections, LocalConnections here) : Hub
{
    public const string Path = "/hubs/live";
    public const string CaseChanged = "caseChanged";

    /// <summary>Sent without arguments when events may have been lost (Redis was away): read what you show again.</summary>
    public const string Resync = "resync";

    public static string StreetGroup(StreetId id) => $"street:{id}";
    public static string CommunityGroup(CommunityId id) => $"community:{id}";
    public static string UnitGroup(UnitId id) => $"unit:{id}";
    public static string CaseGroup(Guid id) => $"case:{id}";

    private Post Caller => PostClaims.PostOf(Context.User!, directory, ActSource.Hub) ?? throw new HubException("Sign in first.");

    public override Task OnConnectedAsync()
    {
        connections.Add(Context);
        here.Add(Context.ConnectionId);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context);
        here.Remove(Context.ConnectionId);
        return Task.CompletedTask;
    }

    public Task JoinStreet(StreetId streetId) =>
        directory.Street(streetId) is not null && CaseScope.CoversStreet(Caller, streetId) ? Join(StreetGroup(streetId)) : throw new HubException($"Street {streetId} does not exist.");

    public Task JoinCommunity(CommunityId communityId) =>
        directory.Community(communityId) is { } community && CaseScope.CoversCommunity(Caller, community)
            ? Join(CommunityGroup(communityId))
            : throw new HubException($"Community {communityId} does not exist.");

    public Task JoinUnit(UnitId unitId) =>
        directory.Unit(unitId) is not null && CaseScope.CoversUnit(Caller, unitId) ? Join(UnitGroup(unitId)) : throw new HubException($"Unit {unitId} does not exist.");

    public async Task JoinCase(Guid caseId)
    {
        if (await queries.DetailAsync(Caller, caseId, Context.ConnectionAborted) is null) throw new HubException($"Case {caseId} does not exist.");
        await Join(CaseGroup(caseId));
    }

    public Task Leave(string group) => Groups.RemoveFromGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);

    /// <summary>A token is checked again at each join: one revoked on another server ends here.</summary>
    private async Task Join(string group)
    {
        if (TokenConnections.TokenOf(Context) is { } token && !await tokens.IsActiveAsync(token, Context.ConnectionAborted))
        {
            Context.Abort();
            throw new HubException("The token has been revoked.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
    }
}
