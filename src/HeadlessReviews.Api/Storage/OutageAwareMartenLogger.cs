using Marten;
using Marten.Services;
using Npgsql;

namespace HeadlessReviews.Api.Storage;

/// <summary>
/// Marten's command log: SQL at Debug, a failed command as an error with its SQL (never its
/// parameters, which hold commenters' e-mail addresses). A command that failed because PostgreSQL is
/// unreachable is not logged at all (hundreds a second under load): it goes to
/// <see cref="DatabaseOutage"/>, which says it once.
/// </summary>
public sealed class OutageAwareMartenLogger(ILogger<IDocumentStore> logger, Func<DatabaseOutage> outage) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogInformation("Marten applied a schema change: {Sql}", sql);

    public void LogSuccess(NpgsqlCommand command)
    {
        if (logger.IsEnabled(LogLevel.Debug)) logger.LogDebug("Marten executed {Sql}", command.CommandText);
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
        if (logger.IsEnabled(LogLevel.Debug)) logger.LogDebug("Marten executed {Sql}", Sql(batch));
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failed(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) => Failed(ex, Sql(batch));

    public void LogFailure(Exception ex, string message) => Failed(ex, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }

    public void OnBeforeExecute(NpgsqlCommand command) { }

    public void OnBeforeExecute(NpgsqlBatch batch) { }

    private static string Sql(NpgsqlBatch batch) => string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(command => command.CommandText));

    private void Failed(Exception exception, string what)
    {
        if (DatabaseUnreachable.Is(exception)) outage().Report(exception);
        else logger.LogError(exception, "Marten encountered an exception executing {Sql}", what);
    }
}
