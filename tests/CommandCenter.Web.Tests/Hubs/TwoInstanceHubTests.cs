using System.Collections.Concurrent;
using System.Text.Json;
using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Infrastructure.Tests.Support;
using CommandCenter.LocalServers;
using CommandCenter.Web.Hubs;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CommandCenter.Web.Tests.Hubs;

/// <summary>
/// Two servers of one app as production runs them with Events:Provider=Redis: one SQLite
/// file, one real redis-server between them (killed and restarted where a test says so).
/// </summary>
public sealed class TwoInstanceHubTests : IAsyncLifetime
{
    private readonly LocalRedis _redis = LocalRedis.Start();
    private CommandCenterFactory _serverA = null!;
    private CommandCenterFactory _serverB = null!;

    public Task InitializeAsync()
    {
        var settings = new Dictionary<string, string> { ["Events:Provider"] = "Redis", ["Events:RedisConnectionString"] = _redis.ConnectionString };
        _serverA = new CommandCenterFactory { Settings = settings };
        // A starts first, so that only it migrates and seeds the shared file.
        _ = _serverA.Server;
        _serverB = new CommandCenterFactory { Settings = settings, DatabaseFile = _serverA.DatabaseFile };
        _ = _serverB.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _serverB.DisposeAsync();
        await _serverA.DisposeAsync();
        _redis.Dispose();
    }

    [Fact]
    public async Task CommandOnServerB_ReachesCaseFollowersOnBothServers_ExactlyOnce()
    {
        var apiB = new ApiClient(_serverB.ClientAs("dispatcher"));
        var id = (await apiB.ReportAsync(new { channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = 1, description = "垃圾未清运" })).Id;
        var (onA, onB) = (new ConcurrentQueue<JsonElement>(), new ConcurrentQueue<JsonElement>());
        await using var followerOnA = await FollowAsync(_serverA, id, onA);
        await using var followerOnB = await FollowAsync(_serverB, id, onB);

        await apiB.CommandAsync(id, "accept");

        for (var i = 0; i < 200 && (onA.IsEmpty || onB.IsEmpty); i++) await Task.Delay(50);
        // Time for a second copy by another path to arrive, were there one.
        await Task.Delay(500);
        foreach (var received in new[] { onA, onB })
        {
            var accepted = Assert.Single(received);
            Assert.Equal(id, accepted.GetProperty("caseId").GetGuid());
            Assert.Equal("Accepted", accepted.GetProperty("type").GetString());
        }
    }

    /// <summary>
    /// The README's fault is Redis away for 30 s; 4 s here shows the same, since what is published while
    /// it is away is lost however long that is, and what counts is what happens once it is back.
    /// </summary>
    [Fact]
    public async Task RedisKilledAndRestarted_ServerBReadsWhatItMissedFromTheDatabase_AndTellsItsHubClientsToResync()
    {
        var resyncs = 0;
        await using var clientOnB = LiveHubClient.Connect(_serverB, TestAccess.StaffToken(_serverB.Services, "dispatcher"));
        clientOnB.On(LiveHub.Resync, () => Interlocked.Increment(ref resyncs));
        await clientOnB.StartAsync();
        // The client's start returns at the handshake, before the server has subscribed the connection on Redis and
        // run the hub's own OnConnectedAsync: killing Redis in between would leave B a connection it never registered.
        var registeredOnB = _serverB.Services.GetRequiredService<LocalConnections>();
        for (var i = 0; i < 300 && registeredOnB.Ids.Count == 0; i++) await Task.Delay(50);
        Assert.NotEmpty(registeredOnB.Ids);
        var projectionB = _serverB.Services.GetRequiredService<DashboardProjection>();
        bool BSees(Guid caseId) => projectionB.Figures().OpenCases.Any(c => c.CaseId == caseId);

        _redis.Kill();
        var redisOfB = _serverB.Services.GetRequiredService<IConnectionMultiplexer>();
        for (var i = 0; i < 100 && redisOfB.IsConnected; i++) await Task.Delay(50);
        var reported = await new ApiClient(_serverA.ClientAs("dispatcher"))
            .ReportAsync(new { channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = 1, description = "楼道漏水" });
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.False(BSees(reported.Id), "B cannot know of a case committed on A while Redis is down");
        Assert.Equal(0, resyncs);

        _redis.Restart();
        var back = DateTime.UtcNow;
        // The waits are patience, not the promise: on a quiet machine both take about a second, and the suite's two
        // busy cores have taken over 10 s (the word to the clients missed a 10 s wait in the 07:56 run at load 45).
        while (!BSees(reported.Id) && DateTime.UtcNow - back < LoadedPatience) await Task.Delay(100);
        Assert.True(BSees(reported.Id), $"B's projection has the case within {LoadedPatience.TotalSeconds:F0} s of Redis's return");
        // The word to the clients follows the rebuild.
        var rebuilt = DateTime.UtcNow;
        while (resyncs == 0 && DateTime.UtcNow - rebuilt < LoadedPatience) await Task.Delay(100);
        Assert.True(resyncs > 0, $"B's hub client is told to resync (the projection had the case {(rebuilt - back).TotalSeconds:F1} s after Redis's return); B logged:\n{ResumeLog(_serverB)}");
    }

    /// <summary>What a server said about the stream's outage and its resume, for a failure's message.</summary>
    private static string ResumeLog(CommandCenterFactory server) => string.Join('\n', server.Logs.Lines
        .Where(l => l.Category.Contains("CaseEventStream", StringComparison.Ordinal) || l.Category.Contains("Resync", StringComparison.Ordinal)
            || l.Category.Contains("LiveEventForwarder", StringComparison.Ordinal))
        .Select(l => $"{l.Level} {l.Category}: {l.Message} {l.Exception?.GetType().Name}"));

    private static readonly TimeSpan LoadedPatience = TimeSpan.FromSeconds(30);

    private static async Task<HubConnection> FollowAsync(CommandCenterFactory server, Guid caseId, ConcurrentQueue<JsonElement> received)
    {
        var token = TestAccess.StaffToken(server.Services, "dispatcher");
        var connection = LiveHubClient.Connect(server, token);
        connection.On<JsonElement>(LiveHub.CaseChanged, e => received.Enqueue(e));
        await connection.StartAsync();
        await connection.InvokeAsync("JoinCase", caseId);
        return connection;
    }
}
