using Marten;
using SessionOptions = Marten.Services.SessionOptions;

namespace HeadlessReviews.Api.Storage.Sessions;

/// <summary>
/// Opens the scope's Marten sessions: lightweight (no identity map, no change tracking), and inside the scope's
/// <see cref="AmbientTransaction"/> when it has one, so the session neither commits nor closes the connection.
/// </summary>
public sealed class ScopedSessionFactory(IDocumentStore store, AmbientTransaction ambient) : ISessionFactory
{
    public IQuerySession QuerySession() =>
        ambient.Transaction is { } transaction ? store.QuerySession(SessionOptions.ForTransaction(transaction)) : store.QuerySession();

    public IDocumentSession OpenSession() =>
        ambient.Transaction is { } transaction ? store.LightweightSession(SessionOptions.ForTransaction(transaction)) : store.LightweightSession();
}
