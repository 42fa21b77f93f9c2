using HeadlessReviews.Api.Storage;
using Marten;
using Npgsql;

namespace HeadlessReviews.Api.RateLimiting;

/// <summary>
/// Fixed windows of requests per client, counted in PostgreSQL so every instance behind a load balancer
/// shares one count per client, and the wait answered is the time actually left in the fullest window;
/// a window opens with the client's first request after the last one ended. The client is a keyed
/// address hash (<see cref="ClientAddressHasher"/>): instances must share its key to recognise the same client.
/// </summary>
public sealed class SharedRateWindows(IDocumentStore store, TimeProvider clock, ILogger<SharedRateWindows> logger)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(10);

    private long _nextSweepTicks;

    /// <summary>
    /// Counts one request of <paramref name="client"/> in the windows of <paramref name="scope"/> (comment
    /// posts, persisted-document registrations…): each limit's kind names its window, so kinds must be
    /// unique across scopes. Null when the request may go ahead (it is counted); otherwise how long until it may.
    /// </summary>
    public async Task<TimeSpan?> TryAcquireAsync(string scope, string client, IReadOnlyList<RateLimit> limits, CancellationToken cancellationToken)
    {
        var retryAfter = await TransientDatabaseRetry.Pipeline.ExecuteAsync(async token => await AcquireAsync(scope, client, limits, token), cancellationToken);
        if (retryAfter is not null) RateLimitMetrics.Refusals.Add(1, new KeyValuePair<string, object?>("scope", scope));
        try
        {
            await SweepWhenDueAsync(cancellationToken);
        }
        catch (NpgsqlException error)
        {
            // Housekeeping: a request that was counted must not fail because old windows could not be dropped.
            logger.LogWarning(error, "Dropping ended rate windows failed; trying again later");
        }
        return retryAfter;
    }

    private async Task<TimeSpan?> AcquireAsync(string scope, string client, IReadOnlyList<RateLimit> limits, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // One request of a client per scope at a time, on any instance: two racing posts cannot both take the last permit.
        var current = new Dictionary<string, (int Posts, DateTimeOffset End)>(StringComparer.Ordinal);
        await using (var read = new NpgsqlBatch(connection, transaction))
        {
            read.BatchCommands.Add(new NpgsqlBatchCommand("select pg_advisory_xact_lock(hashtextextended($1, 0))") { Parameters = { new() { Value = scope + ":" + client } } });
            read.BatchCommands.Add(new NpgsqlBatchCommand($"select window_kind, posts, window_end from {RateWindowStorage.Name} where client = $1")
            {
                Parameters = { new() { Value = client } },
            });
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                current[reader.GetString(0)] = (reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(2));
        }

        // Read the clock after the lock: the wait for it is not time spent in the window.
        var now = clock.GetUtcNow();
        var windows = limits.Select(limit => current.TryGetValue(limit.Kind, out var open) && open.End > now
            ? (limit, open.Posts, open.End)
            : (limit, Posts: 0, End: now + limit.Length)).ToList();
        var full = windows.Where(window => window.Posts >= window.limit.Posts).ToList();
        if (full.Count > 0) return full.Max(window => window.End - now);

        var rows = string.Join(", ", windows.Select((_, index) => $"($1, ${3 * index + 2}, ${3 * index + 3}, ${3 * index + 4})"));
        await using (var count = new NpgsqlCommand(
            $"insert into {RateWindowStorage.Name} (client, window_kind, posts, window_end) values {rows} " +
            "on conflict (client, window_kind) do update set posts = excluded.posts, window_end = excluded.window_end", connection, transaction))
        {
            count.Parameters.Add(new() { Value = client });
            foreach (var window in windows)
            {
                count.Parameters.Add(new() { Value = window.limit.Kind });
                count.Parameters.Add(new() { Value = window.Posts + 1 });
                count.Parameters.Add(new() { Value = window.End });
            }
            await count.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Now and then (per instance), drops the windows that have ended, of every client.</summary>
    private async Task SweepWhenDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, now.UtcTicks + SweepInterval.Ticks, due) != due) return;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var sweep = new NpgsqlCommand($"delete from {RateWindowStorage.Name} where window_end <= $1", connection);
        sweep.Parameters.Add(new() { Value = now });
        await sweep.ExecuteNonQueryAsync(cancellationToken);
    }
}
