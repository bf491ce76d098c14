using System.Net;
using System.Net.Sockets;

namespace CommandCenter.LocalServers;

public static class LoopbackPort
{
    /// <summary>A port nothing listens on now, so that a test or benchmark never meets another's server.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
