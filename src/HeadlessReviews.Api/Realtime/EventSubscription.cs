using System.Threading.Channels;

namespace HeadlessReviews.Api.Realtime;

/// <summary>
/// One subscriber's bounded buffer. When the subscriber does not keep up, events that do not fit are
/// dropped for it alone (and counted in <see cref="Dropped"/>): a slow consumer never grows memory.
/// </summary>
public sealed class EventSubscription<T> : IDisposable
{
    private readonly Channel<T> _channel;
    private readonly Action<EventSubscription<T>> _unsubscribe;
    private readonly Func<T, bool> _accepts;
    private long _dropped;

    internal EventSubscription(int capacity, Func<T, bool> accepts, Action<EventSubscription<T>> unsubscribe, Action? dropped = null)
    {
        _accepts = accepts;
        _unsubscribe = unsubscribe;
        _channel = Channel.CreateBounded<T>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ =>
            {
                Interlocked.Increment(ref _dropped);
                dropped?.Invoke();
            });
    }

    public ChannelReader<T> Reader => _channel.Reader;

    /// <summary>Events this subscriber missed because its buffer was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>How many events wait in the buffer.</summary>
    public int Buffered => _channel.Reader.Count;

    internal void Offer(T item)
    {
        if (_accepts(item)) _channel.Writer.TryWrite(item);
    }

    public void Dispose()
    {
        _unsubscribe(this);
        _channel.Writer.TryComplete();
    }
}
