using Npgsql;
using Polly;
using Polly.Retry;

namespace HeadlessReviews.Api.Storage;

/// <summary>
/// For our own SQL outside Marten (Marten retries its commands itself): a dropped connection or a
/// failover is retried three times with exponential back-off and jitter. Only for idempotent work,
/// or work in a transaction that the retry repeats whole.
/// </summary>
public static class TransientDatabaseRetry
{
    public static ResiliencePipeline Pipeline { get; } = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
    {
        ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(error => error.IsTransient),
        MaxRetryAttempts = 3,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = TimeSpan.FromMilliseconds(100),
    }).Build();
}
