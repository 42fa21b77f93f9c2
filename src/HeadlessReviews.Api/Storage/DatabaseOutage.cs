using Marten;
using Weasel.Postgresql;

namespace HeadlessReviews.Api.Storage;

/// <summary>
/// What the service does while PostgreSQL is unreachable, beyond answering SERVICE_UNAVAILABLE: one
/// warning when the outage is first noticed (not an error with a stack trace per request), a probe
/// every second until the database answers again, then one line saying how long it lasted and how
/// many requests were turned away. Each probe first clears the connection pool: its connections died
/// with the server's processes, and without the clear each would fail one more request after the return.
/// </summary>
public sealed class DatabaseOutage(IDocumentStore store, TimeProvider clock, ILogger<DatabaseOutage> logger, IHostApplicationLifetime lifetime)
{
    /// <summary>What <c>Retry-After</c> says while the database is away: a few probes' time.</summary>
    public const int RetryAfterSeconds = 5;

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);
    private int _ongoing;
    private long _refused;

    /// <summary>True from the first failure noticed until a probe reaches PostgreSQL again.</summary>
    public bool IsOngoing => Volatile.Read(ref _ongoing) == 1;

    /// <summary>Records a request (or check) that failed because PostgreSQL is unreachable.</summary>
    public void Report(Exception exception)
    {
        Interlocked.Increment(ref _refused);
        if (Interlocked.CompareExchange(ref _ongoing, 1, 0) != 0) return;
        var cause = Innermost(exception);
        logger.LogWarning("PostgreSQL is unreachable ({Cause}: {Message}); answering SERVICE_UNAVAILABLE until it answers again",
            cause.GetType().Name, cause.Message);
        _ = ProbeUntilBackAsync(clock.GetUtcNow());
    }

    private async Task ProbeUntilBackAsync(DateTimeOffset since)
    {
        var stopping = lifetime.ApplicationStopping;
        try
        {
            while (true)
            {
                await Task.Delay(ProbeInterval, clock, stopping);
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                    timeout.CancelAfter(TimeSpan.FromSeconds(2));
                    // Dead pooled connections first: the probe itself must open a fresh one.
                    ClearPool();
                    await store.Storage.Database.AssertConnectivityAsync(timeout.Token);
                    break;
                }
                catch (Exception exception) when (!stopping.IsCancellationRequested && (DatabaseUnreachable.Is(exception) || exception is OperationCanceledException))
                {
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            // A probe that fails in an unexpected way must not end the outage's bookkeeping silently.
            logger.LogError(exception, "The PostgreSQL outage probe failed; the next database failure starts a new one");
        }
        var refused = Interlocked.Exchange(ref _refused, 0);
        Volatile.Write(ref _ongoing, 0);
        logger.LogWarning("PostgreSQL answers again after {Seconds:0.0} s; {Refused} requests were answered SERVICE_UNAVAILABLE meanwhile",
            (clock.GetUtcNow() - since).TotalSeconds, refused);
    }

    private void ClearPool()
    {
        if (store.Storage.Database is PostgresqlDatabase database) database.DataSource.Clear();
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner) exception = inner;
        return exception;
    }
}
