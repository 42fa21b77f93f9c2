using HeadlessReviews.Api.Security.Authentication;
using HeadlessReviews.Api.Storage;
using Marten;
using Marten.Patching;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Accounts;

/// <summary>Security's view of the stored tokens (<see cref="IApiTokenDirectory"/>): secrets checked by their hashes only.</summary>
public sealed class ApiTokenDirectory(IDocumentStore store, IOptions<AccountSettings> settings, TimeProvider clock) : IApiTokenDirectory
{
    public async Task<PresentedSecret> FindAsync(string secret, CancellationToken cancellationToken)
    {
        if (!TokenSecrets.IsWellFormed(secret)) return new PresentedSecret.Malformed();
        var hash = TokenSecrets.Hash(secret);

        if (settings.Value.AdminToken is { Length: > 0 } admin && TokenSecrets.HashesEqual(hash, TokenSecrets.Hash(admin)))
            return new PresentedSecret.BootstrapAdmin();

        await using var session = store.QuerySession();
        var token = await session.Query<ApiToken>().FirstOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        // The lookup is by hash; comparing again in constant time costs nothing and leaves no doubt.
        if (token is null || !TokenSecrets.HashesEqual(token.SecretHash, hash)) return new PresentedSecret.Unknown();
        if (!token.IsRevoked) await TouchAsync(token, cancellationToken);
        return new PresentedSecret.Token(StateOf(token));
    }

    public async Task<ApiTokenState?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<ApiToken>(id, cancellationToken) is { } token ? StateOf(token) : null;
    }

    public async Task<IReadOnlyList<ApiTokenState>> LoadManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return [.. (await session.LoadManyAsync<ApiToken>(cancellationToken, ids)).Select(StateOf)];
    }

    private async Task TouchAsync(ApiToken token, CancellationToken cancellationToken)
    {
        var now = clock.GetStoredNow();
        if (token.LastUsedAt is { } last && now - last < settings.Value.LastUsedResolution) return;
        await using var session = store.LightweightSession();
        session.Patch<ApiToken>(token.Id).Set(t => t.LastUsedAt, now);
        await session.SaveChangesAsync(cancellationToken);
    }

    private static ApiTokenState StateOf(ApiToken token) => new(token.Id, token.Name, [.. token.Roles], token.IsRevoked);
}
