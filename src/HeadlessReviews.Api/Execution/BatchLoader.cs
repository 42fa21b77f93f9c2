using GraphQL.DataLoader;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// Collects the keys that resolvers ask for while GraphQL.NET walks one level of the result,
/// then fetches them all in one call when the first result is awaited.
/// One instance lives for one request (register loaders as scoped services): it caches what it fetched.
/// </summary>
/// <remarks>
/// GraphQL.NET's execution strategies queue every <see cref="IDataLoaderResult"/> a resolver returns
/// and await them only after the rest of the level has resolved, which is what lets keys accumulate.
/// </remarks>
public abstract class BatchLoader<TKey, TValue> where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, Batch> _batchOfKey = [];
    private Batch _open = new();

    /// <summary>Fetches the values of many keys in one round trip; keys without a value may be left out.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyCollection<TKey> keys, CancellationToken cancellationToken);

    /// <summary>The value of a key that <see cref="FetchAsync"/> did not return.</summary>
    protected virtual TValue Missing(TKey key) => default!;

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_lock)
        {
            if (!_batchOfKey.TryGetValue(key, out var batch))
            {
                batch = _open;
                batch.Keys.Add(key);
                _batchOfKey[key] = batch;
            }
            return new Pending(this, batch, key);
        }
    }

    /// <summary>
    /// Caches a value fetched on another loader's round trip, so loading its key costs none; a key already
    /// asked for keeps what it has.
    /// </summary>
    public void Prime(TKey key, TValue value)
    {
        lock (_lock)
        {
            if (_batchOfKey.ContainsKey(key)) return;
            _batchOfKey[key] = new Batch { Fetch = Task.FromResult<IReadOnlyDictionary<TKey, TValue>>(new Dictionary<TKey, TValue> { [key] = value }) };
        }
    }

    public IDataLoaderResult<TValue[]> LoadMany(IEnumerable<TKey> keys)
    {
        return DataLoaderResults.WhenAll(keys.Select(Load));
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (batch.Fetch is null)
            {
                // Keys asked for from now on go to the next batch.
                if (ReferenceEquals(batch, _open)) _open = new Batch();
                batch.Fetch = FetchAsync(batch.Keys, cancellationToken);
            }
            return batch.Fetch;
        }
    }

    private sealed class Batch
    {
        public HashSet<TKey> Keys { get; } = [];
        public Task<IReadOnlyDictionary<TKey, TValue>>? Fetch { get; set; }
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, Batch batch, TKey key) : IDataLoaderResult<TValue>
    {
        public async Task<TValue> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await loader.Dispatch(batch, cancellationToken).ConfigureAwait(false);
            return values.TryGetValue(key, out var value) ? value : loader.Missing(key);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
