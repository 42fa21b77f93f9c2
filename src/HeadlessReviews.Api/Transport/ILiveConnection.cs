using System.Security.Claims;
using GraphQL;

namespace HeadlessReviews.Api.Transport;

/// <summary>
/// A long-lived connection (a WebSocket, an event stream) as the application may act on it: who it
/// acts as, the identity key it is filed under in <see cref="ConnectionRegistry"/>, and how to end it.
/// </summary>
public interface ILiveConnection
{
    /// <summary>Who operations started on the connection from now on run as.</summary>
    ClaimsPrincipal User { get; }

    /// <summary>What <see cref="IConnectionIdentity.KeyOf"/> said for <see cref="User"/>; null before a socket is initialised, or for an identity that never changes.</summary>
    string? IdentityKey { get; }

    /// <summary>
    /// Runs operations started from now on as <paramref name="user"/> (operations already running keep
    /// theirs); false when the connection starts no further operations (an event stream has one).
    /// </summary>
    bool ReplaceUser(ClaimsPrincipal user);

    /// <summary>
    /// Ends the connection because its identity no longer holds, with nothing more delivered: a socket
    /// closes with 4403 (Forbidden) and the reason's message; a stream sends the reason as its last
    /// <c>next</c>, then <c>complete</c>.
    /// </summary>
    Task ForbidAsync(ExecutionError reason);

    /// <summary>The application is stopping: a socket closes with 1001 (Going Away), a stream ends, so clients reconnect elsewhere.</summary>
    Task GoAwayAsync();
}
