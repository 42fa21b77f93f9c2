using System.Collections.Concurrent;
using HeadlessReviews.Api.Storage;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HeadlessReviews.Api.Execution.PersistedDocuments;

/// <summary>
/// Persisted documents in PostgreSQL, so a document registered through one instance runs by hash on
/// all of them, with a per-instance memory in front: a hash always names the same text. A document's
/// last use is written at most once per <c>LastUsedInterval</c>, and client-registered documents past
/// the caps are evicted least recently used first, as each new one is stored.
/// </summary>
public sealed class PersistedDocumentStore(IDocumentStore store, IOptions<PersistedDocumentSettings> settings, TimeProvider clock, ILogger<PersistedDocumentStore> logger)
{
    private const string Table = PersistedDocumentStorage.Name;

    private readonly ConcurrentDictionary<string, Known> _known = new(StringComparer.Ordinal);

    public async Task<PersistedDocument?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        // Trust matters only to TrustedOnly, where an admin may promote a client's document later.
        if (_known.TryGetValue(hash, out var known) && (known.Document.Trusted || settings.Value.Mode == PersistedDocumentMode.Automatic))
        {
            await TouchWhenDueAsync(hash, known, cancellationToken);
            return known.Document;
        }
        var found = await TransientDatabaseRetry.Pipeline.ExecuteAsync(async token =>
        {
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(token);
            // Marks the use in the same round trip, when the last mark is older than the interval.
            await using var select = new NpgsqlCommand(
                $"with touched as (update {Table} set last_used_at = now() where hash = $1 and last_used_at < now() - $2::interval) " +
                $"select document, trusted from {Table} where hash = $1", connection);
            select.Parameters.Add(new() { Value = hash });
            select.Parameters.Add(new() { Value = settings.Value.LastUsedInterval });
            await using var reader = await select.ExecuteReaderAsync(token);
            return await reader.ReadAsync(token) ? new PersistedDocument(reader.GetString(0), reader.GetBoolean(1)) : null;
        }, cancellationToken);
        if (found is not null) Remember(hash, found);
        return found;
    }

    /// <summary>
    /// Stores documents by their hashes (checked by the caller); a trusted save also promotes a known
    /// automatic one. An automatic save evicts what the caps no longer allow.
    /// </summary>
    public async Task<int> SaveAsync(IReadOnlyCollection<KeyValuePair<string, string>> documents, bool trusted, CancellationToken cancellationToken)
    {
        if (documents.Count == 0) return 0;
        var (added, evicted) = await TransientDatabaseRetry.Pipeline.ExecuteAsync(async token =>
        {
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(token);
            await using var insert = new NpgsqlCommand(
                $"insert into {Table} (hash, document, trusted, size_bytes) " +
                "select d.hash, d.document, $3, octet_length(d.document) from unnest($1::text[], $2::text[]) as d(hash, document) " +
                $"on conflict (hash) do update set trusted = true where $3 and not {Table}.trusted", connection);
            insert.Parameters.Add(new() { Value = documents.Select(pair => pair.Key).ToArray() });
            insert.Parameters.Add(new() { Value = documents.Select(pair => pair.Value).ToArray() });
            insert.Parameters.Add(new() { Value = trusted });
            var inserted = await insert.ExecuteNonQueryAsync(token);
            return (inserted, trusted || inserted == 0 ? [] : await EvictAsync(connection, token));
        }, cancellationToken);
        foreach (var (hash, text) in documents) Remember(hash, new PersistedDocument(text, trusted));
        foreach (var hash in evicted) _known.TryRemove(hash, out _);
        return added;
    }

    /// <summary>Deletes the least recently used client-registered documents beyond the caps; returns their hashes.</summary>
    private async Task<List<string>> EvictAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var evict = new NpgsqlCommand(
            $"delete from {Table} where hash in (select hash from (" +
            $"select hash, row_number() over newest as position, sum(size_bytes) over newest as bytes from {Table} where not trusted " +
            "window newest as (order by last_used_at desc, created_at desc, hash)) ranked where position > $1 or bytes > $2) and not trusted returning hash", connection);
        evict.Parameters.Add(new() { Value = (long)settings.Value.MaxStoredDocuments });
        evict.Parameters.Add(new() { Value = settings.Value.MaxStoredBytes });
        var evicted = new List<string>();
        await using var reader = await evict.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) evicted.Add(reader.GetString(0));
        return evicted;
    }

    /// <summary>A document served from memory still counts as used: marked at most once per interval per instance.</summary>
    private async Task TouchWhenDueAsync(string hash, Known known, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref known.TouchedTicks);
        if (now - last < settings.Value.LastUsedInterval.Ticks || Interlocked.CompareExchange(ref known.TouchedTicks, now, last) != last) return;
        try
        {
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            await using var touch = new NpgsqlCommand($"update {Table} set last_used_at = now() where hash = $1 and last_used_at < now() - $2::interval", connection);
            touch.Parameters.Add(new() { Value = hash });
            touch.Parameters.Add(new() { Value = settings.Value.LastUsedInterval });
            await touch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException error)
        {
            // Bookkeeping: the document is in hand, and the request must not fail for its mark.
            logger.LogWarning(error, "Marking a persisted document as used failed; trying again later");
        }
    }

    private void Remember(string hash, PersistedDocument document)
    {
        if (settings.Value.CacheSize <= 0) return;
        // A full memory is emptied rather than tracked per entry, as the document cache does.
        if (_known.Count >= settings.Value.CacheSize) _known.Clear();
        _known[hash] = new Known(document, clock.GetUtcNow().UtcTicks);
    }

    private sealed class Known(PersistedDocument document, long touchedTicks)
    {
        public PersistedDocument Document { get; } = document;
        public long TouchedTicks = touchedTicks;
    }
}
