namespace HeadlessReviews.Api.Realtime;

/// <summary>The subscribers of one stream of events in this process, each with its bounded buffer.</summary>
public sealed class Subscribers<T>
{
    private readonly Lock _gate = new();
    private EventSubscription<T>[] _all = [];

    public int Count => Volatile.Read(ref _all).Length;

    public EventSubscription<T> Add(int capacity, Func<T, bool>? accepts = null)
    {
        var subscription = new EventSubscription<T>(capacity, accepts ?? (_ => true), Remove);
        lock (_gate) _all = [.. _all, subscription];
        return subscription;
    }

    /// <summary>Offers the event to every subscriber; never waits for any of them.</summary>
    public void Publish(T item)
    {
        foreach (var subscription in Volatile.Read(ref _all)) subscription.Offer(item);
    }

    private void Remove(EventSubscription<T> subscription)
    {
        lock (_gate) _all = [.. _all.Where(existing => !ReferenceEquals(existing, subscription))];
    }
}
