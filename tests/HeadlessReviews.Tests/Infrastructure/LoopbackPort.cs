using System.Net;
using System.Net.Sockets;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>A loopback port that was free a moment ago, for a server a test starts itself.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
