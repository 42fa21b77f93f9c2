namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>Waits for a condition instead of for a fixed time: returns as soon as it holds, fails the test at the deadline.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null, string? because = null) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, because is null ? null : () => because);

    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? because = null) =>
        TrueAsync(condition, timeout, because is null ? null : () => because);

    /// <summary>The same, with the failure described when it happens (<paramref name="describe"/> may show what was seen by then).</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout, Func<string>? describe)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
                throw new Xunit.Sdk.XunitException($"The condition did not hold within {limit.TotalSeconds:0.#} s{(describe is null ? "" : ": " + describe())}.");
            await Task.Delay(PollInterval);
        }
    }
}
