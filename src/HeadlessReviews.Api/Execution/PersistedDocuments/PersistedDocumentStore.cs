using System.Collections.Concurrent;
using HeadlessReviews.Api.Storage;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HeadlessReviews.Api.Execution.PersistedDocuments;

/// <summary>
/// Persisted documents in PostgreSQL, so a document registered through one instance runs by hash on
/// all of them, with a per-instance memory in front: a hash always names the same text.
/// </summary>
public sealed class PersistedDocumentStore(IDocumentStore store, IOptions<PersistedDocumentSettings> settings)
{
    private readonly ConcurrentDictionary<string, PersistedDocument> _known = new(StringComparer.Ordinal);

    public async Task<PersistedDocument?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        // Trust matters only to TrustedOnly, where an admin may promote a client's document later.
        if (_known.TryGetValue(hash, out var known) && (known.Trusted || settings.Value.Mode == PersistedDocumentMode.Automatic)) return known;
        var found = await TransientDatabaseRetry.Pipeline.ExecuteAsync(async token =>
        {
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(token);
            await using var select = new NpgsqlCommand($"select document, trusted from {PersistedDocumentStorage.Name} where hash = $1", connection);
            select.Parameters.Add(new() { Value = hash });
            await using var reader = await select.ExecuteReaderAsync(token);
            return await reader.ReadAsync(token) ? new PersistedDocument(reader.GetString(0), reader.GetBoolean(1)) : null;
        }, cancellationToken);
        if (found is not null) Remember(hash, found);
        return found;
    }

    /// <summary>Stores documents by their hashes (checked by the caller); a trusted save also promotes a known automatic one.</summary>
    public async Task<int> SaveAsync(IReadOnlyCollection<KeyValuePair<string, string>> documents, bool trusted, CancellationToken cancellationToken)
    {
        if (documents.Count == 0) return 0;
        var added = await TransientDatabaseRetry.Pipeline.ExecuteAsync(async token =>
        {
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(token);
            await using var insert = new NpgsqlCommand(
                $"insert into {PersistedDocumentStorage.Name} (hash, document, trusted) select * from unnest($1::text[], $2::text[]) as d(hash, document), (select $3::boolean) as t " +
                $"on conflict (hash) do update set trusted = true where $3 and not {PersistedDocumentStorage.Name}.trusted", connection);
            insert.Parameters.Add(new() { Value = documents.Select(pair => pair.Key).ToArray() });
            insert.Parameters.Add(new() { Value = documents.Select(pair => pair.Value).ToArray() });
            insert.Parameters.Add(new() { Value = trusted });
            return await insert.ExecuteNonQueryAsync(token);
        }, cancellationToken);
        foreach (var (hash, text) in documents) Remember(hash, new PersistedDocument(text, trusted));
        return added;
    }

    private void Remember(string hash, PersistedDocument document)
    {
        if (settings.Value.CacheSize <= 0) return;
        // A full memory is emptied rather than tracked per entry, as the document cache does.
        if (_known.Count >= settings.Value.CacheSize) _known.Clear();
        _known[hash] = document;
    }
}
