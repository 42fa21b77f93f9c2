using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;

namespace HeadlessReviews.Api.Realtime;

/// <summary>
/// Holds one dedicated connection that <c>LISTEN</c>s on the bus channel and hands every notification
/// to <see cref="PostgresEventBus"/>. When the connection drops it is re-established with exponential
/// back-off, and the gap (when events may have been missed: from the last moment the connection was known
/// to be listening until it listens again) is logged with its length once it is closed.
/// </summary>
public sealed class PostgresListener(
    PostgresEventBus bus, IConfiguration configuration, IOptions<RealtimeSettings> settings, TimeProvider clock, ILogger<PostgresListener> logger)
    : BackgroundService
{
    /// <summary>How the listener's connection names itself in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "headless-reviews-listener";

    private TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset? _lostAt;
    private DateTimeOffset? _aliveAt;

    /// <summary>Completes when the listener is (again) listening: events committed from then on are received.</summary>
    public Task Listening => Volatile.Read(ref _listening).Task;

    /// <summary>Raised when the connection is found lost: from then until <see cref="Listening"/> completes again, events may be missed.</summary>
    public event Action? Lost;

    /// <summary>How many times the connection was re-established after a loss.</summary>
    public int Reconnections { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pipeline = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(exception => exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(settings.Value.ReconnectMaxDelaySeconds),
            MaxRetryAttempts = int.MaxValue,
            OnRetry = args =>
            {
                logger.LogWarning(args.Outcome.Exception, "The event listener lost PostgreSQL (attempt {Attempt}); reconnecting in {Delay:0.0}s",
                    args.AttemptNumber + 1, args.RetryDelay.TotalSeconds);
                return ValueTask.CompletedTask;
            },
        }).Build();
        try
        {
            await pipeline.ExecuteAsync(ListenAsync, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (Listening.IsCompleted) RealtimeMetrics.Listening.Add(-1);
        }
    }

    private async ValueTask ListenAsync(CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Reviews"))
        {
            ApplicationName = ApplicationName,
            Pooling = false, // one long-lived connection of its own, never shared with requests
            KeepAlive = settings.Value.KeepAliveSeconds,
        }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            connection.Notification += (_, notification) =>
            {
                if (!bus.Deliver(notification.Payload))
                    logger.LogWarning("Ignored a notification on {Channel} that is not a bus event", notification.Channel);
            };
            await connection.OpenAsync(cancellationToken);
            await using (var listen = new NpgsqlCommand($"listen {settings.Value.Channel}", connection))
                await listen.ExecuteNonQueryAsync(cancellationToken);

            var backAt = clock.GetUtcNow();
            if (_lostAt is { } lostAt)
            {
                logger.LogWarning("The event listener is back: events committed in the {GapSeconds:0.0} s between {LostAt:O} and {BackAt:O} may not have been delivered",
                    (backAt - lostAt).TotalSeconds, lostAt, backAt);
                _lostAt = null;
                Reconnections++;
                RealtimeMetrics.ListenerReconnects.Add(1);
                RealtimeMetrics.ListenerGap.Add((backAt - lostAt).TotalSeconds);
            }
            else logger.LogInformation("The event listener is listening on {Channel}", settings.Value.Channel);
            _aliveAt = backAt;
            if (Volatile.Read(ref _listening).TrySetResult()) RealtimeMetrics.Listening.Add(1);

            var keepAlive = TimeSpan.FromSeconds(settings.Value.KeepAliveSeconds);
            while (true)
            {
                // A quiet timeout proves nothing about the connection: ask the server something.
                if (!await connection.WaitAsync(keepAlive, cancellationToken))
                {
                    await using var ping = new NpgsqlCommand("select 1", connection);
                    await ping.ExecuteScalarAsync(cancellationToken);
                }
                _aliveAt = clock.GetUtcNow();
            }
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (_lostAt is null)
            {
                // A silent cut is only noticed at the next ping: the gap starts at the last proof of life.
                _lostAt = _aliveAt ?? clock.GetUtcNow();
                if (Listening.IsCompleted)
                {
                    Volatile.Write(ref _listening, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                    RealtimeMetrics.Listening.Add(-1);
                }
                Lost?.Invoke();
            }
            throw;
        }
    }
}
