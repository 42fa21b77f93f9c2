using System.Threading.Channels;

namespace HeadlessReviews.Api.Transport.Streaming;

/// <summary>
/// The bounded queue between an operation's results and the one loop that writes them to a client, in
/// order. A full queue means the client reads slower than messages arrive: it is never buffered further;
/// the queue closes and <paramref name="whenFull"/> runs once (a WebSocket closes with 1013, an event
/// stream is ended). Shared by the WebSocket and event-stream transports.
/// </summary>
public sealed class BoundedOutbox(int capacity, Action whenFull)
{
    private readonly Channel<byte[]> _queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private int _closed;

    public int Capacity => capacity;

    public bool IsClosed => Volatile.Read(ref _closed) == 1;

    public void Send(byte[] message)
    {
        if (IsClosed) return;
        if (_queue.Writer.TryWrite(message)) return;
        if (Interlocked.Exchange(ref _closed, 1) == 1) return;
        _queue.Writer.TryComplete();
        whenFull();
    }

    /// <summary>No more messages: what is queued can still be read.</summary>
    public void Close()
    {
        Interlocked.Exchange(ref _closed, 1);
        _queue.Writer.TryComplete();
    }

    /// <summary>The queued messages in order, until <see cref="Close"/> (or <paramref name="cancellationToken"/>).</summary>
    public IAsyncEnumerable<byte[]> ReadAllAsync(CancellationToken cancellationToken) => _queue.Reader.ReadAllAsync(cancellationToken);
}
