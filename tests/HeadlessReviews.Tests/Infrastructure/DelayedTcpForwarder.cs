using System.Net;
using System.Net.Sockets;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>
/// A loopback port that refuses connections until <see cref="Open"/>, then forwards them to a real
/// server: a database that "comes up" while the service is already waiting for it.
/// </summary>
public sealed class DelayedTcpForwarder(int targetPort) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _listener;

    public int Port { get; } = LoopbackPort.Free();

    public void Open()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _ = AcceptAsync(_listener);
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, targetPort, _stop.Token);
                var toServer = client.GetStream().CopyToAsync(server.GetStream(), _stop.Token);
                var toClient = server.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
                await Task.WhenAny(toServer, toClient);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException) { }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener?.Stop();
        _stop.Dispose();
    }
}
