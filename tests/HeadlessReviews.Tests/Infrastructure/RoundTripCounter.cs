using Marten;
using Marten.Services;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>
/// Counts the commands Marten sends to PostgreSQL on behalf of the test: each command or batch is one
/// round trip. Marten logs the whole store's commands, the service's background work included (token
/// re-checks, scheduled publishing, event feeds, hosts of other tests on the same counter), so only these
/// count: those sent while handling a request that carries <see cref="Header"/> (the test clients send it,
/// see <see cref="Counted"/>), and those the test sends itself, outside any request, on the flow that
/// called <see cref="Reset"/>.
/// </summary>
public sealed class RoundTripCounter : IMartenLogger, IMartenSessionLogger
{
    public const string Header = "X-Test-Round-Trips";

    // The accessor's current context is ambient (an AsyncLocal), so any instance reads the request in hand.
    private static readonly HttpContextAccessor Requests = new();
    private readonly AsyncLocal<bool> _testFlow = new();
    private readonly string _tag = Guid.NewGuid().ToString("N");
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _statements = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The SQL of the counted commands since the last <see cref="Reset"/>, in the order they were sent.</summary>
    public IReadOnlyList<string> Statements => [.. _statements];

    /// <summary>Starts counting again, and counts what the calling flow sends directly from now on.</summary>
    public void Reset()
    {
        _testFlow.Value = true;
        Interlocked.Exchange(ref _count, 0);
        _statements.Clear();
    }

    /// <summary>Marks a client's requests as the test's, so the commands they cause are counted.</summary>
    public HttpClient Counted(HttpClient client)
    {
        client.DefaultRequestHeaders.Add(Header, _tag);
        return client;
    }

    private void CountIfTheTests(IEnumerable<string> statements)
    {
        var counts = Requests.HttpContext is { } request ? request.Request.Headers[Header] == _tag : _testFlow.Value;
        if (!counts) return;
        Interlocked.Increment(ref _count);
        foreach (var statement in statements) _statements.Enqueue(statement);
    }

    public IMartenSessionLogger StartSession(IQuerySession session) => this;
    public void SchemaChange(string sql) { }
    public void LogSuccess(NpgsqlCommand command) { }
    public void LogFailure(NpgsqlCommand command, Exception ex) { }
    public void LogSuccess(NpgsqlBatch batch) { }
    public void LogFailure(NpgsqlBatch batch, Exception ex) { }
    public void LogFailure(Exception ex, string message) { }
    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }
    public void OnBeforeExecute(NpgsqlCommand command) => CountIfTheTests([command.CommandText]);
    public void OnBeforeExecute(NpgsqlBatch batch) => CountIfTheTests(batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(command => command.CommandText));
}
