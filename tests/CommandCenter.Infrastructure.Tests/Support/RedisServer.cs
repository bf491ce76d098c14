using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CommandCenter.Infrastructure.Tests.Support;

/// <summary>Debian's redis-server on a free loopback port, without persistence, stopped on dispose.</summary>
public sealed class RedisServer : IDisposable
{
    private Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static RedisServer Start()
    {
        var port = FreePort();
        return new RedisServer(Launch(port), port);
    }

    /// <summary>Kills the server as a crash would; <see cref="Restart"/> brings an empty one back on the same port.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Restart()
    {
        _process.Dispose();
        _process = Launch(Port);
    }

    private static Process Launch(int port)
    {
        const string binary = "/usr/bin/redis-server";
        if (!File.Exists(binary))
            throw new InvalidOperationException($"{binary} is missing: run scripts/test.sh, which installs Debian's redis-server package.");
        var process = Process.Start(new ProcessStartInfo(binary, ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]) { RedirectStandardOutput = true })!;
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return process;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        process.Kill();
        throw new InvalidOperationException("redis-server did not start.");
    }

    private bool _disposed;

    /// <summary>Stops the server; again does nothing (a test may stop it early to see Redis gone).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
