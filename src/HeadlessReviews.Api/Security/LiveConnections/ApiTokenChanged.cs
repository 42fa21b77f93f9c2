using HeadlessReviews.Api.Realtime;
using Marten;

namespace HeadlessReviews.Api.Security.LiveConnections;

/// <summary>
/// The bus event "a token was revoked or its roles changed": every instance hears it after the change
/// commits and re-checks the sockets and event streams opened with that token.
/// </summary>
public static class ApiTokenChanged
{
    public const string Topic = "apiTokenChanged";

    /// <summary>What travels through NOTIFY: the id only.</summary>
    public sealed record Message(Guid TokenId);

    /// <summary>Queued in the session that changes the token: sent when, and only if, it commits.</summary>
    public static void Publish(IEventBus bus, IDocumentSession session, Guid tokenId) =>
        bus.Publish(session, Topic, new Message(tokenId));
}
