using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CommandCenter.LocalServers;

/// <summary>
/// Debian's redis-server on a free loopback port, nothing kept on disk, as scripts/cluster.sh runs it: the servers'
/// event stream and SignalR backplane. Stopped on dispose.
/// </summary>
public sealed class LocalRedis : IDisposable
{
    private const string Binary = "/usr/bin/redis-server";

    private Process _process;
    private bool _disposed;

    private LocalRedis(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }
    public string ConnectionString => $"127.0.0.1:{Port}";
    public int ProcessId => _process.Id;

    public static LocalRedis Start()
    {
        var port = LoopbackPort.Free();
        return new LocalRedis(Launch(port), port);
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
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"{Binary} is missing: apt-get install redis-server (scripts/test.sh and scripts/cluster.sh do).");
        var process = Process.Start(new ProcessStartInfo(Binary, ["--port", port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        // Read and dropped, so that the server never waits on a full pipe.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 200 && !process.HasExited; i++)
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
        if (!process.HasExited) process.Kill();
        throw new InvalidOperationException("redis-server did not start.");
    }

    /// <summary>Stops the server; again does nothing (a test may stop it early to see Redis gone).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
    }
}
