namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>Waits for a condition instead of for a fixed time: returns as soon as it holds, fails the test at the deadline.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null, string? because = null) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, because);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
                throw new Xunit.Sdk.XunitException($"The condition did not hold within {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s{(because is null ? "" : ": " + because)}.");
            await Task.Delay(PollInterval);
        }
    }
}
