using System.Collections.Concurrent;

namespace CommandCenter.Web.Hubs;

/// <summary>
/// The live hub's connections on this server. What only this server knows it must tell its own
/// clients (a resync after Redis was away) goes to each of them directly, not over the backplane,
/// which may not be back itself yet, and which would hand it to every other server's clients too.
/// </summary>
public sealed class LocalConnections
{
    private readonly ConcurrentDictionary<string, byte> _ids = new();

    public void Add(string connectionId) => _ids.TryAdd(connectionId, 0);

    public void Remove(string connectionId) => _ids.TryRemove(connectionId, out _);

    public IReadOnlyList<string> Ids => [.. _ids.Keys];
}
