using CommandCenter.Web.Hubs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommandCenter.Web.Tests.Support;

/// <summary>A real SignalR client of the app's live hub, holding a bearer token (or none: anonymous).</summary>
public static class LiveHubClient
{
    public static HubConnection Connect<T>(WebApplicationFactory<T> app, string? token) where T : class =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, LiveHub.Path.TrimStart('/')), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                // The in-memory test server carries no WebSockets.
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult(token);
            })
            .Build();
}
