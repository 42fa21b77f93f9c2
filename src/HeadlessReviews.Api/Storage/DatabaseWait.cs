using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace HeadlessReviews.Api.Storage;

/// <summary>
/// Waits for PostgreSQL at start-up with exponential back-off, so a service started before its
/// database (compose, Kubernetes) comes up when the database does instead of crash-looping.
/// </summary>
public sealed class DatabaseWait(IOptions<StorageSettings> settings, ILogger<DatabaseWait> logger)
{
    public ResiliencePipeline Pipeline { get; } = new ResiliencePipelineBuilder()
        .AddTimeout(TimeSpan.FromSeconds(settings.Value.StartupWaitSeconds))
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(IsTransient).Handle<SocketException>().Handle<TimeoutException>(),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(250),
            MaxDelay = TimeSpan.FromSeconds(5),
            MaxRetryAttempts = int.MaxValue, // bounded by the timeout above
            OnRetry = args =>
            {
                logger.LogWarning("PostgreSQL is not answering yet (attempt {Attempt}: {Reason}); retrying in {Delay:0.0}s",
                    args.AttemptNumber + 1, args.Outcome.Exception?.Message, args.RetryDelay.TotalSeconds);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    // 57P03: the server is starting up; connection failures carry no SQL state at all.
    private static bool IsTransient(NpgsqlException exception) =>
        exception.IsTransient || exception is PostgresException { SqlState: "57P03" } || exception is not PostgresException;

    public async Task WaitAsync(Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        try
        {
            await Pipeline.ExecuteAsync(async token => await probe(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new InvalidOperationException(
                $"PostgreSQL did not answer within {settings.Value.StartupWaitSeconds}s (HeadlessReviews:Storage:StartupWaitSeconds).", exception);
        }
    }
}
