using System.Net;
using System.Text.Json;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using CommandCenter.LocalServers;
using CommandCenter.Web.Health;
using CommandCenter.Web.Setup;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Health;

/// <summary>Liveness and readiness as a load balancer asks them, beside the setup-aware /health.</summary>
public sealed class HealthEndpointTests
{
    [Theory, TestedProviders]
    public async Task LiveAndReady_WhenEverythingRuns_AnswerHealthy_NamingTheDatabaseAndTheScheduler(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var factory = new CommandCenterFactory { Store = store };
        using var client = factory.CreateClient();

        var live = await client.GetAsync(HealthEndpoints.LivePath);
        var ready = await ReadyAsync(client, r => r.Status == HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", (await BodyAsync(live)).GetProperty("status").GetString());
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.Status, ready.Overall));
        Assert.Equal(new Dictionary<string, string> { ["database"] = "Healthy", ["scheduler"] = "Healthy" }, ready.Checks);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SetupEndpoints.HealthPath)).StatusCode);
    }

    [Fact]
    public async Task Ready_WithRedisGone_Answers503NamingRedis_WhileLiveStaysUp()
    {
        using var redis = LocalRedis.Start();
        await using var factory = new CommandCenterFactory
        {
            Settings = new Dictionary<string, string> { ["Events:Provider"] = "Redis", ["Events:RedisConnectionString"] = redis.ConnectionString },
        };
        using var client = factory.CreateClient();
        var before = await ReadyAsync(client, r => r.Status == HttpStatusCode.OK);

        redis.Dispose();
        var after = await ReadyAsync(client, r => r.Status != HttpStatusCode.OK);

        Assert.Equal("Healthy", before.Checks["redis"]);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy", "Unhealthy", "Healthy"),
            (after.Status, after.Overall, after.Checks["redis"], after.Checks["database"]));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthEndpoints.LivePath)).StatusCode);
    }

    private sealed record Readiness(HttpStatusCode Status, string? Overall, Dictionary<string, string> Checks);

    /// <summary>The readiness answer once it says what the test waits for (the scheduler starts, a lost connection is noticed), or after 15 s.</summary>
    private static async Task<Readiness> ReadyAsync(HttpClient client, Func<Readiness, bool> awaited)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var response = await client.GetAsync(HealthEndpoints.ReadyPath);
            var body = await BodyAsync(response);
            var readiness = new Readiness(response.StatusCode, body.GetProperty("status").GetString(),
                body.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString()!));
            if (awaited(readiness) || DateTime.UtcNow > deadline) return readiness;
            await Task.Delay(200);
        }
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
