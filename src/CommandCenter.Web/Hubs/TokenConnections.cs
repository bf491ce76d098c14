using System.Collections.Concurrent;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Web.Access;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Web.Hubs;

/// <summary>
/// The hub connections opened with each token, so that revoking a token closes them at once
/// rather than letting a revoked wall player go on receiving events. (Another server's
/// connections are refused at their next join or reconnect, when the token is checked again.)
/// </summary>
public sealed class TokenConnections : IDisposable
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<string, HubCallerContext>> _byToken = new();
    private readonly AccessTokenService _tokens;

    public TokenConnections(AccessTokenService tokens)
    {
        _tokens = tokens;
        _tokens.Revoked += Close;
    }

    public void Add(HubCallerContext connection)
    {
        if (TokenOf(connection) is { } id) _byToken.GetOrAdd(id, _ => new()).TryAdd(connection.ConnectionId, connection);
    }

    public void Remove(HubCallerContext connection)
    {
        if (TokenOf(connection) is { } id && _byToken.TryGetValue(id, out var connections)) connections.TryRemove(connection.ConnectionId, out _);
    }

    public static int? TokenOf(HubCallerContext connection) => connection.User is { } user ? PostClaims.Int(user, PostClaims.TokenId) : null;

    private void Close(int tokenId)
    {
        if (!_byToken.TryRemove(tokenId, out var connections)) return;
        foreach (var connection in connections.Values) connection.Abort();
    }

    public void Dispose() => _tokens.Revoked -= Close;
}
