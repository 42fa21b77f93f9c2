using System.Threading.Channels;

namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>
/// Writes posts on several connections at once, each post still in its own transaction: each lane takes its posts one
/// after another. A post goes to the lane that holds any of its keys (the names it may add to the catalogue, the slugs
/// its review will hold, its WordPress id), so two posts in flight never add the same person or film or take the same
/// slug; a post whose keys are held by two lanes waits until one of them lets go. Outcomes are handed back as tasks,
/// which the caller reads in file order.
/// </summary>
public sealed class ImportLanes : IAsyncDisposable
{
    private const int QueuedPerLane = 2;

    private readonly Lock _lock = new();
    private readonly Lane[] _lanes;
    private readonly CancellationTokenSource _stop;
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="count">How many posts are written at once.</param>
    /// <param name="write">Writes one post on the lane of that index (0 to <paramref name="count"/> − 1).</param>
    public ImportLanes(int count, Func<int, PreparedPost, CancellationToken, Task<PostOutcome>> write, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _lanes = [.. Enumerable.Range(0, count).Select(_ => new Lane())];
        for (var i = 0; i < count; i++)
        {
            var (lane, index) = (_lanes[i], i);
            lane.Runner = Task.Run(() => RunAsync(lane, index, write, _stop.Token), CancellationToken.None);
        }
    }

    /// <summary>Queues the post on a lane (waiting while its keys are held by two lanes, or its lane is full); the task is its outcome.</summary>
    public async Task<Task<PostOutcome>> EnqueueAsync(PreparedPost post, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
        while (true)
        {
            Lane? chosen = null;
            Task released;
            lock (_lock)
            {
                var holding = _lanes.Where(lane => distinct.Any(lane.Held.ContainsKey)).ToList();
                if (holding.Count <= 1)
                {
                    chosen = holding.Count == 1 ? holding[0] : _lanes.MinBy(lane => lane.Pending)!;
                    foreach (var key in distinct) chosen.Held[key] = chosen.Held.GetValueOrDefault(key) + 1;
                    chosen.Pending++;
                }
                released = _released.Task;
            }
            if (chosen is not null)
            {
                var work = new Work(post, distinct, new TaskCompletionSource<PostOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
                await chosen.Queue.Writer.WriteAsync(work, cancellationToken);
                return work.Outcome.Task;
            }
            await released.WaitAsync(cancellationToken);
        }
    }

    private async Task RunAsync(Lane lane, int index, Func<int, PreparedPost, CancellationToken, Task<PostOutcome>> write, CancellationToken cancellationToken)
    {
        await foreach (var work in lane.Queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                work.Outcome.SetResult(await write(index, work.Post, cancellationToken));
            }
            catch (Exception error)
            {
                work.Outcome.SetException(error);
            }
            finally
            {
                Release(lane, work.Keys);
            }
        }
    }

    private void Release(Lane lane, string[] keys)
    {
        TaskCompletionSource released;
        lock (_lock)
        {
            foreach (var key in keys)
                if (lane.Held[key] == 1) lane.Held.Remove(key);
                else lane.Held[key]--;
            lane.Pending--;
            released = _released;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        released.SetResult();
    }

    /// <summary>Lets every lane finish what it has queued; after a failure, queued posts are not started.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var lane in _lanes) lane.Queue.Writer.TryComplete();
        await Task.WhenAll(_lanes.Select(lane => lane.Runner)).ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>Stops starting queued posts: the import failed.</summary>
    public void Stop() => _stop.Cancel();

    private sealed class Lane
    {
        public Channel<Work> Queue { get; } = Channel.CreateBounded<Work>(new BoundedChannelOptions(QueuedPerLane) { SingleReader = true, SingleWriter = true });
        public Dictionary<string, int> Held { get; } = new(StringComparer.Ordinal);
        public int Pending { get; set; }
        public Task Runner { get; set; } = Task.CompletedTask;
    }

    private sealed record Work(PreparedPost Post, string[] Keys, TaskCompletionSource<PostOutcome> Outcome);
}
