using System.Security.Claims;
using System.Text.Json;

namespace HeadlessReviews.Api.Transport.WebSockets;

/// <summary>
/// Decides on a socket's <c>connection_init</c>: accept (optionally with an identity that every later
/// operation on the socket runs as) or refuse (the socket is closed with 4403 Forbidden).
/// Without one registered every connection is accepted as the handshake request's user.
/// </summary>
public interface IConnectionInitHandler
{
    ValueTask<ConnectionInitResult> HandleAsync(HttpContext context, JsonElement? payload, CancellationToken cancellationToken);
}

/// <summary>The decision on <c>connection_init</c>; <see cref="User"/> null keeps the handshake request's user.</summary>
public sealed record ConnectionInitResult(bool Accepted, ClaimsPrincipal? User, string? Reason)
{
    public static ConnectionInitResult Accept(ClaimsPrincipal? user = null) => new(true, user, null);
    public static ConnectionInitResult Refuse(string reason) => new(false, null, reason);
}
