namespace HeadlessReviews.Api.Security.Authentication;

/// <summary>
/// What identity needs to know of API tokens, without knowing how they are stored: Accounts implements it
/// (its token documents, the secret format, the bootstrap admin secret), so Security never imports Accounts.
/// </summary>
public interface IApiTokenDirectory
{
    /// <summary>Whose a presented secret is. Records the token's use (last-used time) when it is one that works.</summary>
    Task<PresentedSecret> FindAsync(string secret, CancellationToken cancellationToken);

    /// <summary>The token as stored now; null when it no longer exists.</summary>
    Task<ApiTokenState?> LoadAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The tokens of <paramref name="ids"/> that still exist, in one read.</summary>
    Task<IReadOnlyList<ApiTokenState>> LoadManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}

/// <summary>What an identity needs to know of a token: whether it still works, and with which roles. No secret, no hash.</summary>
public sealed record ApiTokenState(Guid Id, string Name, IReadOnlyList<string> Roles, bool IsRevoked);

/// <summary>What a presented secret turned out to be.</summary>
public abstract record PresentedSecret
{
    /// <summary>Not of the shape any issued secret has; it was never looked up.</summary>
    public sealed record Malformed : PresentedSecret;

    /// <summary>No token has this secret.</summary>
    public sealed record Unknown : PresentedSecret;

    /// <summary>The bootstrap admin secret from the configuration.</summary>
    public sealed record BootstrapAdmin : PresentedSecret;

    /// <summary>A stored token's secret (revoked or not).</summary>
    public sealed record Token(ApiTokenState State) : PresentedSecret;
}
