using System.Net;
using System.Net.Sockets;

namespace CommandCenter.Benchmarks.Cluster;

internal static class Loopback
{
    /// <summary>A port nothing listens on now, so that a benchmark never meets a cluster.sh or test server.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>This repository's root, from the benchmark's build output (bench/CommandCenter.Benchmarks/bin/Release/net10.0).</summary>
    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
}
