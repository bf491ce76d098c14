using System.Net;
using System.Net.Sockets;

namespace CommandCenter.Web.Tests.Support;

/// <summary>
/// A loopback port that passes bytes on to another, and can be cut: to the app behind it, a database server
/// that went away (connections reset, new ones refused) and came back on the same port — without stopping
/// the server other tests share.
/// </summary>
public sealed class TcpRelay : IDisposable
{
    private readonly int _target;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _running;

    public TcpRelay(int target)
    {
        _target = target;
        Port = Listen(0);
    }

    public int Port { get; }

    /// <summary>Resets every connection and refuses new ones.</summary>
    public void Cut()
    {
        _running?.Cancel();
        _listener?.Stop();
        _listener = null;
        lock (_open)
        {
            // Linger 0: a reset, as when the server's process is gone, not a polite close.
            foreach (var client in _open) client.Client.LingerState = new LingerOption(true, 0);
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    /// <summary>Takes connections again on the same port.</summary>
    public void Restore() => Listen(Port);

    public void Dispose() => Cut();

    private int Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        // The port's closed connections linger in TIME_WAIT; the relay must still come back on it.
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _running = new CancellationTokenSource();
        _ = AcceptAsync(listener, _running.Token);
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var inbound = await listener.AcceptTcpClientAsync(stop);
                var outbound = new TcpClient();
                await outbound.ConnectAsync(IPAddress.Loopback, _target, stop);
                lock (_open) _open.AddRange([inbound, outbound]);
                _ = PumpAsync(inbound, outbound, stop);
                _ = PumpAsync(outbound, inbound, stop);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Cut.
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken stop)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), stop);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // Cut, or one side closed.
        }
        finally
        {
            lock (_open) _open.RemoveAll(c => c == from || c == to);
            from.Dispose();
            to.Dispose();
        }
    }
}
