using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

// The sticky reverse proxy in front of several command center servers (scripts/cluster.sh, the cluster tests).
// Usage: CommandCenter.Proxy --urls http://127.0.0.1:8080 --Backends http://127.0.0.1:5201,http://127.0.0.1:5202
var builder = WebApplication.CreateBuilder(args);
var backends = (builder.Configuration["Backends"] ?? "")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
if (backends.Length == 0) throw new InvalidOperationException("--Backends needs one or more server addresses, comma separated.");

var cluster = new ClusterConfig
{
    ClusterId = "servers",
    Destinations = backends.Select((address, i) => (address, i))
        .ToDictionary(b => $"server{b.i + 1}", b => new DestinationConfig { Address = b.address, Health = b.address }),
    LoadBalancingPolicy = "RoundRobin",
    // A Blazor circuit and a SignalR connection live in one server's memory: a browser stays with the server
    // that served its first answer (cookie), and moves to another only when that one is found dead.
    SessionAffinity = new SessionAffinityConfig
    {
        Enabled = true,
        Policy = "HashCookie",
        FailurePolicy = "Redistribute",
        AffinityKeyName = "CC-Server",
        Cookie = new SessionAffinityCookieConfig { HttpOnly = true, SameSite = SameSiteMode.Lax },
    },
    HealthCheck = new HealthCheckConfig
    {
        // Active: a killed server is out of rotation within a second; passive: a refused connection takes it out at once.
        Active = new ActiveHealthCheckConfig
        {
            Enabled = true, Interval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(2), Policy = "ConsecutiveFailures", Path = "/health/live",
        },
        Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = "TransportFailureRate", ReactivationPeriod = TimeSpan.FromSeconds(5) },
    },
};
// The browser's Host goes through unchanged: an absolute address a server writes (a redirect, as /wall sending a street's
// display to /wall/street/1) must name the proxy, not the server behind it, or the browser leaves the proxy for that
// server and stays with it when it dies.
var route = new RouteConfig { RouteId = "all", ClusterId = cluster.ClusterId, Match = new RouteMatch { Path = "{**rest}" } }
    .WithTransformUseOriginalHostHeader();
builder.Services.AddReverseProxy().LoadFromMemory([route], [cluster]);

var app = builder.Build();
app.MapReverseProxy();
app.Run();
