using System.Security.Claims;
using HeadlessReviews.Api.Security.Authentication;
using HeadlessReviews.Api.Transport;

namespace HeadlessReviews.Api.Security.LiveConnections;

/// <summary>
/// Sockets and event streams opened with a stored API token are filed under the token's id, and judged
/// against the token as it is now: revoked, deleted or a role taken away ends the connection (a socket
/// closes with 4403, a stream ends with the reason); roles added replace a socket's identity for its next
/// operations (what already runs keeps the smaller identity). Closing on a lost role is the simple,
/// safe choice: a client reconnecting (graphql-ws retries 4403) subscribes again with what it may now
/// do, and is told of what it may not. The bootstrap admin token cannot be revoked, so is never filed.
/// </summary>
public sealed class TokenConnectionIdentity(ApiTokenStates states, ILogger<TokenConnectionIdentity> logger) : IConnectionIdentity
{
    public string? KeyOf(ClaimsPrincipal user) => TokenAuthenticator.TokenIdOf(user)?.ToString();

    public async ValueTask RecheckAsync(ILiveConnection connection, CancellationToken cancellationToken)
    {
        if (TokenAuthenticator.TokenIdOf(connection.User) is not { } id) return;
        ApiTokenState? state;
        try
        {
            state = await states.LoadAsync(id, cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            // PostgreSQL away: keep what is known rather than fail the socket (4500 is fatal to
            // graphql-ws clients); announcements and the periodic re-check still apply once it is back.
            logger.LogWarning(error, "Could not re-check API token {TokenId} before an operation on its socket", id);
            return;
        }
        await ApplyAsync(connection, id, state);
    }

    /// <summary>Brings one connection of token <paramref name="id"/> in line with <paramref name="state"/>.</summary>
    public async Task ApplyAsync(ILiveConnection connection, Guid id, ApiTokenState? state)
    {
        switch (ApiTokenStanding.Of(connection.User, state))
        {
            case ApiTokenStanding.Withdrawn withdrawn:
                logger.LogInformation("Ending a connection of API token {TokenId}: {Reason}", id, withdrawn.Error.Message);
                await connection.ForbidAsync(withdrawn.Error);
                break;
            case ApiTokenStanding.Widened widened:
                connection.ReplaceUser(widened.User);
                break;
        }
    }
}
