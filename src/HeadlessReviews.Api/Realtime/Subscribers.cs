namespace HeadlessReviews.Api.Realtime;

/// <summary>The subscribers of one stream of events in this process, each with its bounded buffer.</summary>
/// <param name="topic">What the metrics call the stream.</param>
/// <param name="areSubscriptions">True for clients' subscriptions (counted as active); false for an instance's own inbox of a topic.</param>
public sealed class Subscribers<T>(string topic, bool areSubscriptions)
{
    private readonly Lock _gate = new();
    private readonly KeyValuePair<string, object?>[] _tags = [new("topic", topic), new("buffer", areSubscriptions ? "subscriber" : "instance")];
    private EventSubscription<T>[] _all = [];

    public int Count => Volatile.Read(ref _all).Length;

    public EventSubscription<T> Add(int capacity, Func<T, bool>? accepts = null)
    {
        var subscription = new EventSubscription<T>(capacity, accepts ?? (_ => true), Remove, () => RealtimeMetrics.EventsDropped.Add(1, _tags));
        lock (_gate) _all = [.. _all, subscription];
        if (areSubscriptions) RealtimeMetrics.Subscriptions.Add(1, _tags[0]);
        return subscription;
    }

    /// <summary>Offers the event to every subscriber; never waits for any of them.</summary>
    public void Publish(T item)
    {
        foreach (var subscription in Volatile.Read(ref _all)) subscription.Offer(item);
    }

    private void Remove(EventSubscription<T> subscription)
    {
        bool removed;
        lock (_gate)
        {
            var before = _all.Length;
            _all = [.. _all.Where(existing => !ReferenceEquals(existing, subscription))];
            removed = _all.Length < before;
        }
        if (removed && areSubscriptions) RealtimeMetrics.Subscriptions.Add(-1, _tags[0]);
    }
}
