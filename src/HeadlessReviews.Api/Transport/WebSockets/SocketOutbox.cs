using System.Net.WebSockets;
using HeadlessReviews.Api.Transport.Streaming;

namespace HeadlessReviews.Api.Transport.WebSockets;

/// <summary>
/// The only writer to a socket: messages wait in a <see cref="BoundedOutbox"/> and one loop sends them
/// in order. A full queue means the client reads slower than messages arrive: it is closed (1013), never
/// buffered further. Closing takes precedence over queued messages and aborts a send that is stuck.
/// </summary>
public sealed class SocketOutbox : IDisposable
{
    private readonly WebSocket _socket;
    private readonly TimeSpan _closeTimeout;
    private readonly ILogger _logger;
    private readonly BoundedOutbox _queue;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _aborted = new();
    private int _closing;

    public SocketOutbox(WebSocket socket, int capacity, TimeSpan closeTimeout, ILogger logger)
    {
        _socket = socket;
        _closeTimeout = closeTimeout;
        _logger = logger;
        _queue = new BoundedOutbox(capacity, () =>
        {
            logger.LogWarning("WebSocket client too slow: {Capacity} messages queued; closing with 1013.", capacity);
            LiveConnectionMetrics.SlowClientsClosed.Add(1, LiveConnectionMetrics.Transport("websocket"));
            _ = CloseAsync(CloseCodes.TryAgainLater, "Outbound buffer full: the client reads too slowly");
        });
    }

    public bool IsClosing => Volatile.Read(ref _closing) == 1;

    /// <summary>Fires when the socket is closed by the server or aborted.</summary>
    public CancellationToken Closed => _aborted.Token;

    public void Send(byte[] message)
    {
        if (!IsClosing) _queue.Send(message);
    }

    public async Task RunAsync()
    {
        try
        {
            await foreach (var message in _queue.ReadAllAsync(_aborted.Token))
            {
                await _sendLock.WaitAsync(_aborted.Token);
                try
                {
                    if (IsClosing) return;
                    await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, _aborted.Token);
                }
                finally { _sendLock.Release(); }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The socket went away or was aborted: nothing more to send.
        }
    }

    /// <summary>Sends a close frame (once) and drops whatever is queued; aborts if that cannot happen in time.</summary>
    public async Task CloseAsync(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1) return;
        _queue.Close();
        _logger.LogDebug("Closing WebSocket: {Code} {Reason}", code, reason);
        try
        {
            if (!await _sendLock.WaitAsync(_closeTimeout)) { Abort(); return; }
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    using var timeout = new CancellationTokenSource(_closeTimeout);
                    // A close reason is at most 123 bytes.
                    await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason.Length > 120 ? reason[..120] : reason, timeout.Token);
                }
            }
            finally { _sendLock.Release(); }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            Abort();
            return;
        }
        // Give the client its turn to answer the close frame, then stop waiting for it.
        _ = Task.Delay(_closeTimeout).ContinueWith(_ => Abort(), TaskScheduler.Default);
    }

    public void Abort()
    {
        if (_socket.State is WebSocketState.Closed or WebSocketState.Aborted) { Cancel(); return; }
        _socket.Abort();
        Cancel();
    }

    private void Cancel()
    {
        Interlocked.Exchange(ref _closing, 1);
        _queue.Close();
        try { _aborted.Cancel(); } catch (ObjectDisposedException) { }
    }

    public void Dispose()
    {
        _sendLock.Dispose();
        _aborted.Dispose();
    }
}
