using HeadlessReviews.Api.Realtime;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Storage.Replicas;

/// <summary>
/// The request's query session (<see cref="IQuerySession"/>): on a standby when the request was found to be
/// an anonymous query (<see cref="StandbyReadListener"/>) and the standbys are fresh, else on the primary as
/// always. Writes, callers with a token (editors read their own writes: <c>expectedVersion</c> depends on it),
/// subscriptions, advisory locks and <c>LISTEN</c> never come here: they use the primary.
/// </summary>
public sealed class ReadRouting(
    ISessionFactory primary, IDocumentStore store, StandbyLag standbys, ReadOnlyConnection readOnly, PostgresEventBus bus,
    TimeProvider clock, IOptions<ReplicaSettings> settings)
{
    private bool _anonymousQuery;
    private bool _primaryOnly;

    /// <summary>Whether this request's session was opened on the read-only hosts.</summary>
    public bool OpenedReadOnly { get; private set; }

    /// <summary>Called before the operation's first resolver: its session may be opened on a standby.</summary>
    public void AnonymousQuery() => _anonymousQuery = !_primaryOnly;

    /// <summary>For the second attempt of a read whose read-only host went away under it.</summary>
    public void PrimaryOnly() => _primaryOnly = true;

    public IQuerySession OpenSession()
    {
        if (!_anonymousQuery) return primary.QuerySession();
        var reason = Where();
        OpenedReadOnly = reason is null;
        ReplicaMetrics.Sessions.Add(1, new KeyValuePair<string, object?>("target", reason is null ? "read_only" : "primary"),
            new KeyValuePair<string, object?>("reason", reason ?? "fresh"));
        return reason is null ? store.QuerySession(Marten.Services.SessionOptions.ForDatabase(readOnly.Database)) : primary.QuerySession();
    }

    /// <summary>Null when the standbys may serve; otherwise why not.</summary>
    private string? Where()
    {
        if (!standbys.AllFresh) return "lagging";
        // Just after a change, the response cache is purged and refilled by the next readers: from the
        // primary, or it could keep what a standby still had from before the change.
        if (bus.LastReceivedAt is { } heard && clock.GetUtcNow() - heard < settings.Value.MaxLag) return "recent_change";
        return null;
    }
}
