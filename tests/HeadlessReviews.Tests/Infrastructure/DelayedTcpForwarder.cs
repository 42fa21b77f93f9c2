using System.Net;
using System.Net.Sockets;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>
/// A loopback port that refuses connections until <see cref="Open"/>, then forwards them to a real
/// server: a database that "comes up" while the service is already waiting for it. <see cref="Cut"/>
/// drops every forwarded connection and refuses new ones again (the database going away) until the
/// next <see cref="Open"/>.
/// </summary>
public sealed class DelayedTcpForwarder(int targetPort) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private CancellationTokenSource? _open;
    private TcpListener? _listener;

    public int Port { get; } = LoopbackPort.Free();

    public void Open()
    {
        lock (_gate)
        {
            _open = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Start();
            _ = AcceptAsync(_listener, _open.Token);
        }
    }

    /// <summary>Closes every forwarded connection and stops accepting: connections are refused.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _listener?.Stop();
            _listener = null;
            _open?.Cancel();
            _open?.Dispose();
            _open = null;
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken open)
    {
        while (!open.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(open); }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            _ = ForwardAsync(client, open);
        }
    }

    private async Task ForwardAsync(TcpClient client, CancellationToken open)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, targetPort, open);
                var toServer = client.GetStream().CopyToAsync(server.GetStream(), open);
                var toClient = server.GetStream().CopyToAsync(client.GetStream(), open);
                await Task.WhenAny(toServer, toClient);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
        }
    }

    public void Dispose()
    {
        Cut();
        _stop.Cancel();
        _stop.Dispose();
    }
}
