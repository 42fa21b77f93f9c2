using Npgsql;

namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>
/// One import at a time per database, on every instance and from the command line alike: a PostgreSQL session-level
/// advisory lock held by the import's connection (a crashed import's connection closes and lets it go).
/// </summary>
public static class ImportLock
{
    private const long Key = 0x4852_5750_494D; // "HRWPIM"

    public static async Task<bool> TryTakeAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select pg_try_advisory_lock({Key})", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Pooled connections keep session state (no reset on close): the lock is always given back explicitly.</summary>
    public static async Task ReleaseAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand($"select pg_advisory_unlock({Key})", connection);
        await command.ExecuteScalarAsync(CancellationToken.None);
    }
}

/// <summary>Another import holds <see cref="ImportLock"/>: this one did not start, and wrote nothing.</summary>
public sealed class ImportAlreadyRunningException() : Exception("Another WordPress import is running on this database; try again when it has finished.");
