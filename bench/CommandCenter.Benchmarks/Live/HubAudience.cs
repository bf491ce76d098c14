using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommandCenter.Benchmarks.Live;

/// <summary>
/// Many clients of the public hub, as wall players and phones are: each on its own WebSocket,
/// in the street's group, noting when each case event reached it.
/// </summary>
internal sealed class HubAudience : IAsyncDisposable
{
    /// <summary>The demo street's id (DemoStreet); a wall player for the whole street joins its group.</summary>
    private const int StreetId = 1;
    private const int ParallelConnects = 16;

    private readonly IReadOnlyList<Listener> _listeners;

    private HubAudience(IReadOnlyList<Listener> listeners) => _listeners = listeners;

    public int Count => _listeners.Count;

    /// <summary>Connections that closed before the end of the measurement; their missing receipts count as missed.</summary>
    public int Lost => _listeners.Count(l => l.Lost);

    public static async Task<HubAudience> ConnectAsync(Uri app, int clients, BenchAccess access)
    {
        var hub = new Uri(app, "hubs/live");
        var listeners = Enumerable.Range(0, clients)
            .Select(_ => new Listener(new HubConnectionBuilder()
                .WithUrl(hub, HttpTransportType.WebSockets, o =>
                {
                    o.SkipNegotiation = true;
                    o.AccessTokenProvider = () => Task.FromResult<string?>(access.DisplaySecret);
                })
                .Build()))
            .ToList();
        await Parallel.ForEachAsync(listeners, new ParallelOptions { MaxDegreeOfParallelism = ParallelConnects }, (l, ct) => l.StartAsync(ct));
        return new HubAudience(listeners);
    }

    /// <summary>Latency from each change's API response to its receipt by each client; a change a client never received is missed.</summary>
    public Delivery Measure(IReadOnlyList<LiveChange> changes)
    {
        var byEvent = changes.ToDictionary(c => (c.CaseId, c.EventType));
        var latencies = new List<double>(changes.Count * _listeners.Count);
        foreach (var listener in _listeners)
        {
            var received = new HashSet<LiveChange>();
            foreach (var receipt in listener.Receipts())
            {
                if (byEvent.TryGetValue((receipt.CaseId, receipt.Type), out var change) && received.Add(change))
                    latencies.Add(Stopwatch.GetElapsedTime(change.RespondedAt, receipt.At).TotalMilliseconds);
            }
        }
        return new Delivery(latencies, changes.Count * _listeners.Count - latencies.Count);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var listener in _listeners) await listener.DisposeAsync();
    }

    private sealed record HubCaseEvent(Guid CaseId, string Type);

    private readonly record struct Receipt(Guid CaseId, string Type, long At);

    private sealed class Listener(HubConnection connection) : IAsyncDisposable
    {
        private readonly Lock _gate = new();
        private readonly List<Receipt> _receipts = [];
        private bool _disposing;

        public bool Lost { get; private set; }

        public async ValueTask StartAsync(CancellationToken cancellationToken)
        {
            connection.On<HubCaseEvent>("caseChanged", e =>
            {
                var at = Stopwatch.GetTimestamp();
                lock (_gate) _receipts.Add(new Receipt(e.CaseId, e.Type, at));
            });
            connection.Closed += _ =>
            {
                Lost = !_disposing;
                return Task.CompletedTask;
            };
            await connection.StartAsync(cancellationToken);
            await connection.InvokeAsync("JoinStreet", StreetId, cancellationToken);
        }

        public Receipt[] Receipts()
        {
            lock (_gate) return [.. _receipts];
        }

        public async ValueTask DisposeAsync()
        {
            _disposing = true;
            await connection.DisposeAsync();
        }
    }
}
