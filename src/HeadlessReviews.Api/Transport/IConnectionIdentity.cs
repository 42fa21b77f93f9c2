using System.Security.Claims;

namespace HeadlessReviews.Api.Transport;

/// <summary>
/// How the application keeps long-lived connections true to their identity: a socket or stream opened
/// as someone is filed under a key, so the application can find it when that identity changes (and
/// call <see cref="ILiveConnection.ForbidAsync"/> or <see cref="ILiveConnection.ReplaceUser"/>), and a
/// socket's identity is confirmed again before each new operation. Without one registered, a connection
/// keeps the identity it was opened with.
/// </summary>
public interface IConnectionIdentity
{
    /// <summary>The key connections acting as <paramref name="user"/> are filed under; null for an identity that cannot change (anonymous).</summary>
    string? KeyOf(ClaimsPrincipal user);

    /// <summary>
    /// Before a new operation runs on <paramref name="connection"/>: confirms its identity afresh (not
    /// from a cache, since an announcement of a change may have been missed), replacing it or ending the
    /// connection when it changed.
    /// </summary>
    ValueTask RecheckAsync(ILiveConnection connection, CancellationToken cancellationToken);
}
