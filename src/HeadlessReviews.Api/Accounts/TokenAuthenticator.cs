using HeadlessReviews.Api.Storage;
using System.Security.Claims;
using HeadlessReviews.Api.Security;
using Marten;
using Marten.Patching;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Accounts;

/// <summary>
/// Turns a presented secret into an identity: the bootstrap admin secret, or a stored token that is
/// not revoked. Looked up on every request, so a revocation holds from the next request on, on every
/// instance. Used by HTTP and by the WebSocket handshake; sockets and event streams opened with a token
/// are re-checked by its id (<see cref="TokenIdOf"/>), so no secret is kept for them.
/// </summary>
public sealed class TokenAuthenticator(IDocumentStore store, IOptions<AccountSettings> settings, TimeProvider clock)
{
    public const string AuthenticationType = "ApiToken";

    public async Task<TokenAuthentication> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        if (!TokenSecrets.IsWellFormed(secret)) return TokenAuthentication.Failed("The API token is malformed.");
        var hash = TokenSecrets.Hash(secret);

        if (settings.Value.AdminToken is { Length: > 0 } admin && TokenSecrets.HashesEqual(hash, TokenSecrets.Hash(admin)))
            return TokenAuthentication.Succeeded(Principal("bootstrap-admin", "Bootstrap admin (HeadlessReviews__AdminToken)", [Roles.Admin]));

        await using var session = store.QuerySession();
        var token = await session.Query<ApiToken>().FirstOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        // The lookup is by hash; comparing again in constant time costs nothing and leaves no doubt.
        if (token is null || !TokenSecrets.HashesEqual(token.SecretHash, hash)) return TokenAuthentication.Failed("The API token is not known.");
        if (token.IsRevoked) return TokenAuthentication.Failed("The API token has been revoked.");

        await TouchAsync(token, cancellationToken);
        return TokenAuthentication.Succeeded(Principal(token.Id.ToString(), token.Name, token.Roles));
    }

    private async Task TouchAsync(ApiToken token, CancellationToken cancellationToken)
    {
        var now = clock.GetStoredNow();
        if (token.LastUsedAt is { } last && now - last < settings.Value.LastUsedResolution) return;
        await using var session = store.LightweightSession();
        session.Patch<ApiToken>(token.Id).Set(t => t.LastUsedAt, now);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The stored token an identity was made from; null for the bootstrap admin and identities not made here.</summary>
    public static Guid? TokenIdOf(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: AuthenticationType } && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : null;

    /// <summary>The identity a token in this state makes, as a request presenting its secret would get.</summary>
    public static ClaimsPrincipal Principal(ApiTokenState token) => Principal(token.Id.ToString(), token.Name, token.Roles);

    private static ClaimsPrincipal Principal(string id, string name, IEnumerable<string> roles)
    {
        var identity = new ClaimsIdentity(AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, id));
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        foreach (var role in roles) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        return new ClaimsPrincipal(identity);
    }
}

/// <summary>The outcome of presenting a secret: an identity, or why there is none.</summary>
public sealed record TokenAuthentication(ClaimsPrincipal? Principal, string? Failure)
{
    public static TokenAuthentication Succeeded(ClaimsPrincipal principal) => new(principal, null);
    public static TokenAuthentication Failed(string reason) => new(null, reason);
}
