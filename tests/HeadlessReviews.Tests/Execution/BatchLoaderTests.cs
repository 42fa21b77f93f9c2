using GraphQL.DataLoader;
using HeadlessReviews.Api.Execution;

namespace HeadlessReviews.Tests.Execution;

public sealed class BatchLoaderTests
{
    [Fact]
    public async Task Keys_loaded_before_the_first_await_are_fetched_in_one_call()
    {
        var loader = new CountingLoader();
        var one = loader.Load(1);
        var two = loader.Load(2);
        var three = loader.Load(3);
        Assert.Empty(loader.Fetches);

        Assert.Equal("value 2", await two.GetResultAsync());
        Assert.Equal("value 1", await one.GetResultAsync());
        Assert.Equal("value 3", await three.GetResultAsync());

        var fetch = Assert.Single(loader.Fetches);
        Assert.Equal([1, 2, 3], fetch.Order());
    }

    [Fact]
    public async Task Duplicate_keys_are_fetched_once()
    {
        var loader = new CountingLoader();
        var first = loader.Load(7);
        var second = loader.Load(7);

        Assert.Equal("value 7", await first.GetResultAsync());
        Assert.Equal("value 7", await second.GetResultAsync());
        Assert.Equal([7], Assert.Single(loader.Fetches));
    }

    [Fact]
    public async Task A_key_asked_again_after_dispatch_comes_from_the_cache()
    {
        var loader = new CountingLoader();
        Assert.Equal("value 4", await loader.Load(4).GetResultAsync());

        Assert.Equal("value 4", await loader.Load(4).GetResultAsync());
        Assert.Single(loader.Fetches);
    }

    [Fact]
    public async Task Keys_asked_after_dispatch_go_to_a_new_batch()
    {
        var loader = new CountingLoader();
        Assert.Equal("value 1", await loader.Load(1).GetResultAsync());

        var two = loader.Load(2);
        var three = loader.Load(3);
        Assert.Equal("value 3", await three.GetResultAsync());
        Assert.Equal("value 2", await two.GetResultAsync());

        Assert.Equal(2, loader.Fetches.Count);
        Assert.Equal([1], loader.Fetches[0]);
        Assert.Equal([2, 3], loader.Fetches[1].Order());
    }

    [Fact]
    public async Task Keys_asked_while_a_fetch_is_in_flight_go_to_a_new_batch()
    {
        var loader = new CountingLoader { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var one = loader.Load(1).GetResultAsync();
        Assert.Single(loader.Fetches);

        // The first batch has left: a key asked now must not be lost or wait on a batch that never includes it.
        var two = loader.Load(2).GetResultAsync();
        Assert.Equal(2, loader.Fetches.Count);
        Assert.Equal([2], loader.Fetches[1]);

        loader.Gate.SetResult();
        Assert.Equal("value 1", await one);
        Assert.Equal("value 2", await two);
    }

    [Fact]
    public async Task Missing_keys_give_the_loaders_missing_value()
    {
        var loader = new CountingLoader();
        var present = loader.Load(5);
        var absent = loader.Load(-5);

        Assert.Equal("value 5", await present.GetResultAsync());
        Assert.Equal("missing -5", await absent.GetResultAsync());
        Assert.Single(loader.Fetches);
    }

    [Fact]
    public async Task Missing_keys_are_null_by_default()
    {
        var loader = new DefaultMissingLoader();
        Assert.Null(await loader.Load(-1).GetResultAsync());
        Assert.Equal("value 1", await loader.Load(1).GetResultAsync());
    }

    [Fact]
    public async Task LoadMany_keeps_the_order_asked_in_one_fetch()
    {
        var loader = new CountingLoader();
        var values = await loader.LoadMany([3, -1, 1, 2, 3]).GetResultAsync();

        Assert.Equal(["value 3", "missing -1", "value 1", "value 2", "value 3"], values);
        Assert.Equal([-1, 1, 2, 3], Assert.Single(loader.Fetches).Order());
    }

    [Fact]
    public async Task Results_read_through_the_untyped_interface_carry_the_same_values()
    {
        // GraphQL.NET awaits resolvers' results through the non-generic IDataLoaderResult.
        var loader = new CountingLoader();
        IDataLoaderResult one = loader.Load(1);
        IDataLoaderResult many = loader.LoadMany([2, 1]);

        Assert.Equal("value 1", await one.GetResultAsync());
        Assert.Equal(["value 2", "value 1"], Assert.IsType<string[]>(await many.GetResultAsync()));
        Assert.Single(loader.Fetches);
    }

    [Fact]
    public async Task Keys_asked_from_many_threads_are_each_fetched_once()
    {
        var loader = new CountingLoader();
        var keys = Enumerable.Range(1, 500).ToArray();
        var results = new IDataLoaderResult<string>[keys.Length * 2];
        Parallel.For(0, results.Length, i => results[i] = loader.Load(keys[i % keys.Length]));

        var values = await Task.WhenAll(results.Select(result => result.GetResultAsync()));

        Assert.Equal(results.Select((_, i) => $"value {keys[i % keys.Length]}"), values);
        Assert.Equal(keys, loader.Fetches.SelectMany(fetch => fetch).Order());
    }

    [Fact]
    public async Task A_failed_fetch_fails_every_key_of_its_batch()
    {
        var loader = new CountingLoader { Failure = new InvalidOperationException("database gone") };
        var one = loader.Load(1);
        var two = loader.Load(2);

        var first = await Assert.ThrowsAsync<InvalidOperationException>(() => one.GetResultAsync());
        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => two.GetResultAsync());
        Assert.Equal("database gone", first.Message);
        Assert.Same(first, second);
        Assert.Single(loader.Fetches);
    }

    [Fact]
    public async Task Then_maps_the_value_without_fetching_until_awaited()
    {
        var loader = new CountingLoader();
        var maps = 0;
        var length = loader.Load(12).Then(value =>
        {
            maps++;
            return value.Length;
        });
        Assert.Empty(loader.Fetches);
        Assert.Equal(0, maps);

        Assert.Equal("value 12".Length, await length.GetResultAsync());
        Assert.Equal(1, maps);
        Assert.Single(loader.Fetches);
    }

    [Fact]
    public async Task Then_can_be_chained_and_read_untyped()
    {
        var loader = new CountingLoader();
        IDataLoaderResult shouted = loader.Load(2).Then(value => value.ToUpperInvariant()).Then(value => value + "!");

        Assert.Equal("VALUE 2!", await shouted.GetResultAsync());
    }

    [Fact]
    public async Task WhenAll_keeps_order_and_shares_one_fetch_per_loader()
    {
        var loader = new CountingLoader();
        var other = new CountingLoader();
        var all = DataLoaderResults.WhenAll(
        [
            loader.Load(3),
            other.Load(9),
            DataLoaderResults.FromValue("fixed"),
            loader.Load(-2),
            loader.Load(1).Then(value => value + " mapped"),
        ]);
        Assert.Empty(loader.Fetches);

        var values = await all.GetResultAsync();

        Assert.Equal(["value 3", "value 9", "fixed", "missing -2", "value 1 mapped"], values);
        Assert.Equal([-2, 1, 3], Assert.Single(loader.Fetches).Order());
        Assert.Equal([9], Assert.Single(other.Fetches));
    }

    [Fact]
    public async Task WhenAll_of_nothing_is_an_empty_array()
    {
        var values = await DataLoaderResults.WhenAll(Array.Empty<IDataLoaderResult<int>>()).GetResultAsync();
        Assert.Empty(values);
    }

    [Fact]
    public async Task FromValue_is_complete_through_both_interfaces()
    {
        var result = DataLoaderResults.FromValue(42);
        Assert.Equal(42, await result.GetResultAsync());
        Assert.Equal(42, await ((IDataLoaderResult)result).GetResultAsync());
    }

    /// <summary>Positive keys exist (as "value {key}"); others are missing. Records every fetch.</summary>
    private sealed class CountingLoader : BatchLoader<int, string>
    {
        private readonly List<int[]> _fetches = [];

        public IReadOnlyList<int[]> Fetches
        {
            get { lock (_fetches) return [.. _fetches]; }
        }

        /// <summary>When set, fetches wait for it: a fetch still in flight.</summary>
        public TaskCompletionSource? Gate { get; init; }

        public Exception? Failure { get; init; }

        protected override async Task<IReadOnlyDictionary<int, string>> FetchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken)
        {
            lock (_fetches) _fetches.Add([.. keys]);
            if (Gate is not null) await Gate.Task.WaitAsync(cancellationToken);
            await Task.Yield();
            if (Failure is not null) throw Failure;
            return keys.Where(key => key > 0).ToDictionary(key => key, key => $"value {key}");
        }

        protected override string Missing(int key) => $"missing {key}";
    }

    private sealed class DefaultMissingLoader : BatchLoader<int, string?>
    {
        protected override Task<IReadOnlyDictionary<int, string?>> FetchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<int, string?>>(keys.Where(key => key > 0).ToDictionary(key => key, key => (string?)$"value {key}"));
    }
}
