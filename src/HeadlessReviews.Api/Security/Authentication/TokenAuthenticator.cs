using System.Security.Claims;

namespace HeadlessReviews.Api.Security.Authentication;

/// <summary>
/// Turns a presented secret into an identity: the bootstrap admin secret, or a stored token that is
/// not revoked. Looked up on every request, so a revocation holds from the next request on, on every
/// instance. Used by HTTP (<see cref="BearerTokenHandler"/>) and by the WebSocket handshake
/// (<see cref="TokenConnectionInit"/>); sockets and event streams opened with a token are re-checked by
/// its id (<see cref="TokenIdOf"/>), so no secret is kept for them.
/// </summary>
public sealed class TokenAuthenticator(IApiTokenDirectory tokens)
{
    public const string AuthenticationType = "ApiToken";

    public async Task<TokenAuthentication> AuthenticateAsync(string secret, CancellationToken cancellationToken) =>
        await tokens.FindAsync(secret, cancellationToken) switch
        {
            PresentedSecret.Malformed => TokenAuthentication.Failed("The API token is malformed."),
            PresentedSecret.BootstrapAdmin => TokenAuthentication.Succeeded(Principal("bootstrap-admin", "Bootstrap admin (HeadlessReviews__AdminToken)", [Roles.Admin])),
            PresentedSecret.Token { State.IsRevoked: true } => TokenAuthentication.Failed("The API token has been revoked."),
            PresentedSecret.Token token => TokenAuthentication.Succeeded(Principal(token.State)),
            _ => TokenAuthentication.Failed("The API token is not known."),
        };

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
