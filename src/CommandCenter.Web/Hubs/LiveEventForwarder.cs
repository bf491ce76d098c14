using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Infrastructure.Events;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Web.Hubs;

/// <summary>
/// Hands every committed case event to the hub groups it belongs to: its street, community,
/// unit and case. Only this server's commits: with several servers SignalR's Redis backplane
/// carries each send to the clients of all of them, so forwarding other servers' events too
/// would deliver each one twice. When the stream resumes after Redis was away, this server's
/// clients are told to resync once its projection has been rebuilt: the backplane lost the events
/// they were owed meanwhile.
/// </summary>
public sealed class LiveEventForwarder(
    ICaseEventStream events, DashboardResync resync, LocalConnections here, IHubContext<LiveHub> hub, ILogger<LiveEventForwarder> logger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = events.SubscribeToCommitsHere(Forward);
        resync.Resynchronised += TellResync;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        resync.Resynchronised -= TellResync;
        return Task.CompletedTask;
    }

    private void TellResync()
    {
        var ids = here.Ids;
        logger.LogInformation("Telling {Connections} live hub clients to resync", ids.Count);
        foreach (var id in ids) Logged(hub.Clients.Client(id).SendAsync(LiveHub.Resync));
    }

    private void Forward(IReadOnlyList<CaseEvent> batch)
    {
        foreach (var e in batch)
        {
            List<string> groups = [LiveHub.StreetGroup(e.StreetId), LiveHub.CommunityGroup(e.CommunityId), LiveHub.CaseGroup(e.CaseId)];
            // Every co-handler's screens follow the ticket, not only the lead's.
            groups.AddRange(new[] { e.UnitId }.OfType<UnitId>().Concat(e.PartUnitIds.Ids).Distinct().Select(LiveHub.UnitGroup));
            // Sending must not hold up the writer that published; failures are logged, screens reload on reconnect.
            Logged(hub.Clients.Groups(groups).SendAsync(LiveHub.CaseChanged, e));
        }
    }

    private void Logged(Task send) =>
        _ = send.ContinueWith(t => logger.LogWarning(t.Exception, "A live event could not be sent"), TaskContinuationOptions.OnlyOnFaulted);
}
