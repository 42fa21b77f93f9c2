using HeadlessReviews.Api.Storage;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>
/// Deletes spam past its keeping time. Instances share the work through a PostgreSQL advisory lock:
/// whoever holds it cleans, the others skip this round.
/// </summary>
public sealed class SpamRetention(IDocumentStore store, IOptions<SpamRetentionSettings> settings, TimeProvider clock)
{
    internal const long LockKey = 0x4852_5370_616d; // "HRSpam"

    /// <summary>Deletes old spam; null when another instance holds the lock, else how many were deleted.</summary>
    public async Task<int?> DeleteOldSpamAsync(CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        // Transaction-scoped lock: released by commit or by the connection dying, never left behind.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var tryLock = new NpgsqlCommand($"select pg_try_advisory_xact_lock({LockKey})", connection, transaction))
            if (await tryLock.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true) return null;

        await using var delete = new NpgsqlCommand($"delete from {Tables.Comments} where status = $1 and " +
            // Kept for review from when it was judged: spam a moderator marked late gets its full time too.
            "coalesce((data ->> 'ModeratedAt')::timestamptz, posted_at) < $2", connection, transaction);
        delete.Parameters.AddWithValue(nameof(CommentStatus.Spam));
        delete.Parameters.AddWithValue(clock.GetUtcNow() - settings.Value.KeepFor);
        var deleted = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }
}
