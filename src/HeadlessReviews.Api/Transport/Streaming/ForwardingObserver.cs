using GraphQL;

namespace HeadlessReviews.Api.Transport.Streaming;

/// <summary>
/// Hands each result of a subscription's event stream to its transport (a WebSocket <c>next</c>, an
/// event-stream <c>next</c>); <see cref="ForwardAllAsync"/> follows every stream of one operation until
/// they end, the operation stops, or the transport says to stop early.
/// </summary>
public sealed class ForwardingObserver(Action<ExecutionResult> forward) : IObserver<ExecutionResult>
{
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the stream ends, or faults when forwarding a result failed.</summary>
    public Task Ended => _ended.Task;

    public void OnNext(ExecutionResult value)
    {
        try { forward(value); }
        catch (Exception error) { _ended.TrySetException(error); }
    }

    public void OnError(Exception error)
    {
        // An event that failed reaches the client as a result with errors; the stream then ends.
        var result = new ExecutionResult { Executed = true };
        result.AddError(error as ExecutionError ?? new ExecutionError("The event stream failed.", error));
        OnNext(result);
        _ended.TrySetResult();
    }

    public void OnCompleted() => _ended.TrySetResult();

    /// <summary>
    /// Subscribes to every stream and waits until all have ended (a failure to forward is thrown),
    /// <paramref name="stopEarly"/> completes (then returns at once), or <paramref name="stopped"/> fires.
    /// </summary>
    public static async Task ForwardAllAsync(IEnumerable<IObservable<ExecutionResult>> streams, Action<ExecutionResult> forward,
        Task? stopEarly, CancellationToken stopped)
    {
        var subscriptions = new List<IDisposable>();
        var ended = new List<Task>();
        try
        {
            foreach (var stream in streams)
            {
                var observer = new ForwardingObserver(forward);
                ended.Add(observer.Ended);
                subscriptions.Add(stream.Subscribe(observer));
            }
            var all = Task.WhenAll(ended);
            if (stopEarly is null) await all.WaitAsync(stopped);
            else if (await Task.WhenAny(all, stopEarly).WaitAsync(stopped) == all) await all;
        }
        finally
        {
            foreach (var subscription in subscriptions) subscription.Dispose();
        }
    }
}
