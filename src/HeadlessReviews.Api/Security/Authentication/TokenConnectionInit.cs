using System.Text.Json;
using HeadlessReviews.Api.Transport.WebSockets;

namespace HeadlessReviews.Api.Security.Authentication;

/// <summary>
/// A socket's identity from <c>connection_init</c>: browsers cannot set headers on a WebSocket, so the
/// API token travels in the payload, as <c>{ "authorization": "Bearer &lt;token&gt;" }</c> or
/// <c>{ "token": "&lt;token&gt;" }</c>. No token: the socket is anonymous (or keeps the handshake's
/// <c>Authorization</c> header). A token that is malformed, unknown or revoked: refused (4403).
/// </summary>
public sealed class TokenConnectionInit(TokenAuthenticator authenticator) : IConnectionInitHandler
{
    public async ValueTask<ConnectionInitResult> HandleAsync(HttpContext context, JsonElement? payload, CancellationToken cancellationToken)
    {
        string? secret = null;
        if (payload is { ValueKind: JsonValueKind.Object } body)
        {
            if (body.TryGetProperty("authorization", out var header) && header.ValueKind != JsonValueKind.Null)
            {
                var value = header.ValueKind == JsonValueKind.String ? header.GetString()! : "";
                if (!value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                    return ConnectionInitResult.Refuse("Forbidden: `authorization` must be `Bearer <token>`.");
                secret = value["Bearer ".Length..].Trim();
            }
            else if (body.TryGetProperty("token", out var token) && token.ValueKind != JsonValueKind.Null)
            {
                secret = token.ValueKind == JsonValueKind.String ? token.GetString() : "";
            }
        }
        if (secret is null) return ConnectionInitResult.Accept();

        var result = await authenticator.AuthenticateAsync(secret, cancellationToken);
        return result.Principal is null
            ? ConnectionInitResult.Refuse($"Forbidden: {result.Failure}")
            : ConnectionInitResult.Accept(result.Principal);
    }
}
