using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HeadlessReviews.Api.Storage;

/// <summary>
/// Before the service takes requests: wait for PostgreSQL, bring its schema up to date (or refuse to
/// start on a mismatch in Production), then run the initializers. Instances starting together take
/// turns through an advisory lock, so two never migrate or seed at once.
/// </summary>
public sealed class DatabaseStartup(
    IDocumentStore store,
    IConfiguration configuration,
    IHostEnvironment environment,
    IOptions<StorageSettings> settings,
    DatabaseWait wait,
    IEnumerable<IDatabaseInitializer> initializers,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    private const long StartupLockKey = 0x4865_6164_5265_76; // "HeadRev"

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the schema is in place and the initializers have run; faults when the start-up failed.</summary>
    public Task Ready => _ready.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StartUpAsync(cancellationToken).ConfigureAwait(false);
            _ready.TrySetResult();
        }
        catch (Exception exception)
        {
            _ready.TrySetException(exception);
            throw;
        }
    }

    private async Task StartUpAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(configuration.GetConnectionString("Reviews"));
        await wait.WaitAsync(async token =>
        {
            if (connection.State != System.Data.ConnectionState.Closed) await connection.CloseAsync().ConfigureAwait(false);
            await connection.OpenAsync(token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        await using (var lockCommand = new NpgsqlCommand($"select pg_advisory_lock({StartupLockKey})", connection))
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSchemaAsync(applyChanges: environment.IsDevelopment() || settings.Value.ApplySchemaChanges, cancellationToken).ConfigureAwait(false);
            foreach (var initializer in initializers)
                await initializer.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"select pg_advisory_unlock({StartupLockKey})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureSchemaAsync(bool applyChanges, CancellationToken cancellationToken)
    {
        if (applyChanges)
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync().ConfigureAwait(false);
            // Objects built on document tables (Comments/CommentCountStorage) wait for a pass in which those tables exist.
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync().ConfigureAwait(false);
            logger.LogInformation("Database schema is up to date");
            return;
        }
        try
        {
            await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not NpgsqlException)
        {
            throw new InvalidOperationException(
                "The database schema does not match this version of the service. Apply it with " +
                "`dotnet HeadlessReviews.Api.dll migrate` (or start once with HeadlessReviews__Storage__ApplySchemaChanges=true).",
                exception);
        }
    }
}
