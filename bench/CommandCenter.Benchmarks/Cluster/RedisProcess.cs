using System.Diagnostics;
using System.Globalization;

namespace CommandCenter.Benchmarks.Cluster;

/// <summary>redis-server on a free loopback port, nothing kept on disk, as scripts/cluster.sh runs it: the servers' event stream and SignalR backplane.</summary>
internal sealed class RedisProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly IDisposable _cleanup;

    private RedisProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _cleanup = BenchCleanup.Register(() =>
        {
            if (!process.HasExited) process.Kill();
            process.WaitForExit();
        });
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public TimeSpan CpuTime => ProcessTreeCpu.Of(_process.Id);

    public static async Task<RedisProcess> StartAsync()
    {
        var port = Loopback.FreePort();
        var start = new ProcessStartInfo("redis-server",
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server is missing: apt-get install redis-server (scripts/cluster.sh does).");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var redis = new RedisProcess(process, port);
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited) break;
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return redis;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100);
            }
        }
        await redis.DisposeAsync();
        throw new InvalidOperationException("redis-server did not start.");
    }

    public ValueTask DisposeAsync()
    {
        _cleanup.Dispose();
        return ValueTask.CompletedTask;
    }
}
