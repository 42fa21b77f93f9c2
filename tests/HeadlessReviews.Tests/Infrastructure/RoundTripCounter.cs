using Marten;
using Marten.Services;
using Npgsql;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>Counts the commands Marten sends to PostgreSQL: each command or batch is one round trip.</summary>
public sealed class RoundTripCounter : IMartenLogger, IMartenSessionLogger
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public IMartenSessionLogger StartSession(IQuerySession session) => this;
    public void SchemaChange(string sql) { }
    public void LogSuccess(NpgsqlCommand command) { }
    public void LogFailure(NpgsqlCommand command, Exception ex) { }
    public void LogSuccess(NpgsqlBatch batch) { }
    public void LogFailure(NpgsqlBatch batch, Exception ex) { }
    public void LogFailure(Exception ex, string message) { }
    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }
    public void OnBeforeExecute(NpgsqlCommand command) => Interlocked.Increment(ref _count);
    public void OnBeforeExecute(NpgsqlBatch batch) => Interlocked.Increment(ref _count);
}
