using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Realtime;

/// <summary>
/// The events of one topic with their data loaded once per instance (not once per subscriber), then
/// offered to each subscriber whose condition they meet. Started by its first subscriber; stopped
/// when the service is.
/// </summary>
/// <param name="load">Loads what an event names; null when it no longer applies (deleted, hidden again).</param>
public sealed class EventFeed<T>(
    IEventBus bus, string topic, Func<BusEvent, CancellationToken, Task<T?>> load, IOptions<RealtimeSettings> settings, ILogger<EventFeed<T>> logger)
    : IDisposable where T : class
{
    // Ids only, so a generous buffer costs little; it absorbs bursts while data is being loaded.
    private const int InboxCapacity = 10_000;

    private readonly Subscribers<T> _subscribers = new(topic, areSubscriptions: true);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task? _pump;

    /// <summary>How many subscribers this instance has now (tests wait on it to know a subscription is listening).</summary>
    public int SubscriberCount => _subscribers.Count;

    /// <summary>A subscriber's events (those <paramref name="accepts"/> lets through), in a bounded buffer.</summary>
    public EventSubscription<T> Subscribe(Func<T, bool>? accepts = null)
    {
        lock (_gate) _pump ??= PumpAsync(bus.Subscribe(topic, InboxCapacity));
        return _subscribers.Add(settings.Value.SubscriberBuffer, accepts);
    }

    /// <summary>The same, as an observable (what GraphQL subscriptions resolve to).</summary>
    public IObservable<TOut> Observe<TOut>(Func<T, bool> accepts, Func<T, TOut> project) =>
        new SubscriptionObservable<T, TOut>(() => Subscribe(accepts), project);

    private async Task PumpAsync(EventSubscription<BusEvent> inbox)
    {
        await Task.Yield();
        using var _ = inbox;
        try
        {
            await foreach (var received in inbox.Reader.ReadAllAsync(_stopping.Token))
            {
                if (_subscribers.Count == 0) continue;
                try
                {
                    if (await load(received, _stopping.Token) is { } loaded) _subscribers.Publish(loaded);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Could not load the `{Topic}` event {Message}", topic, received.Message.GetRawText());
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
