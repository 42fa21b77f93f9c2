using GraphQL.DataLoader;

namespace HeadlessReviews.Api.Execution;

/// <summary>Small combinators over <see cref="IDataLoaderResult{T}"/>, so resolvers can shape batched values without awaiting early.</summary>
public static class DataLoaderResults
{
    public static IDataLoaderResult<T> FromValue<T>(T value) => new Completed<T>(value);

    public static IDataLoaderResult<TOut> Then<TIn, TOut>(this IDataLoaderResult<TIn> result, Func<TIn, TOut> map) =>
        new Mapped<TIn, TOut>(result, map);

    public static IDataLoaderResult<T[]> WhenAll<T>(IEnumerable<IDataLoaderResult<T>> results) => new All<T>([.. results]);

    private sealed class Completed<T>(T value) : IDataLoaderResult<T>
    {
        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);
        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
    }

    private sealed class Mapped<TIn, TOut>(IDataLoaderResult<TIn> inner, Func<TIn, TOut> map) : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await inner.GetResultAsync(cancellationToken).ConfigureAwait(false));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class All<T>(IDataLoaderResult<T>[] results) : IDataLoaderResult<T[]>
    {
        public async Task<T[]> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new T[results.Length];
            for (var i = 0; i < results.Length; i++)
                values[i] = await results[i].GetResultAsync(cancellationToken).ConfigureAwait(false);
            return values;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
