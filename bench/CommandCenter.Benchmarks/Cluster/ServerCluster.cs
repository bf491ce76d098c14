using CommandCenter.LocalServers;

namespace CommandCenter.Benchmarks.Cluster;

/// <summary>
/// Several servers as scripts/cluster.sh starts them, all on loopback and free ports: one PostgreSQL over a temporary
/// data folder (the Quartz schema created), one redis-server, the command center servers on them (clustered Quartz,
/// Redis event stream and backplane) and the sticky proxy in front. The first server migrates and seeds the empty
/// database; the others start after it is ready. Disposing it stops all of them and deletes the folder.
/// </summary>
internal sealed class ServerCluster : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _started = [];

    private ServerCluster()
    {
    }

    public PostgresProcess Postgres { get; private set; } = null!;
    public LocalRedis Redis { get; private set; } = null!;
    public List<AppProcess> Servers { get; } = [];
    public AppProcess Proxy { get; private set; } = null!;

    public static async Task<ServerCluster> StartAsync(string webDll, int servers)
    {
        var cluster = new ServerCluster();
        try
        {
            cluster.Postgres = cluster.Keep(await PostgresProcess.StartTemporaryAsync());
            await cluster.Postgres.CreateQuartzSchemaAsync();
            cluster.Redis = LocalRedis.Start();
            cluster.Keep(new Undo(BenchCleanup.Register(cluster.Redis.Dispose)));
            var settings = new Dictionary<string, string>
            {
                ["Database__Provider"] = "PostgreSql",
                ["Database__ConnectionString"] = cluster.Postgres.ConnectionString(),
                ["Events__Provider"] = "Redis",
                ["Events__RedisConnectionString"] = cluster.Redis.ConnectionString,
            };
            for (var i = 0; i < servers; i++)
            {
                Console.WriteLine($"  starting server {i + 1} of {servers}{(i == 0 ? " (migrates and seeds the empty database)" : "")} ...");
                cluster.Servers.Add(cluster.Keep(await AppProcess.StartServerAsync(webDll, LoopbackPort.Free(), settings)));
            }
            var proxyDll = Path.Combine(Loopback.RepositoryRoot, "tools/CommandCenter.Proxy/bin/Release/net10.0/CommandCenter.Proxy.dll");
            cluster.Proxy = cluster.Keep(await AppProcess.StartProxyAsync(proxyDll, LoopbackPort.Free(), cluster.Servers.Select(s => s.Address)));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private T Keep<T>(T started) where T : IAsyncDisposable
    {
        _started.Add(started);
        return started;
    }

    /// <summary>In reverse order of starting: the proxy and the servers before the stores they use.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--) await _started[i].DisposeAsync();
    }

    private sealed class Undo(IDisposable registration) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            registration.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
