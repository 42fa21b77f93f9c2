namespace HeadlessReviews.Api.Realtime;

/// <summary>
/// An <see cref="IObservable{T}"/> over a subscription's buffer (each event projected to what observers want): each observer gets a subscription of
/// its own, read by one loop, so its events arrive one at a time and in order.
/// </summary>
public sealed class SubscriptionObservable<TEvent, T>(Func<EventSubscription<TEvent>> subscribe, Func<TEvent, T> project) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        var subscription = subscribe();
        var stop = new CancellationTokenSource();
        _ = ReadAsync(subscription, observer, stop.Token);
        return new Unsubscriber(subscription, stop);
    }

    private async Task ReadAsync(EventSubscription<TEvent> subscription, IObserver<T> observer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in subscription.Reader.ReadAllAsync(cancellationToken)) observer.OnNext(project(item));
            observer.OnCompleted();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            observer.OnError(exception);
        }
    }

    private sealed class Unsubscriber(EventSubscription<TEvent> subscription, CancellationTokenSource stop) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            stop.Cancel();
            subscription.Dispose();
            stop.Dispose();
        }
    }
}
