using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Security;
using Marten;

namespace HeadlessReviews.Api.Accounts;

/// <summary>
/// Tokens by id for <c>node(id:)</c>: admins get them; anyone else gets null, exactly as for an id
/// that does not exist, and the database is not asked.
/// </summary>
public sealed class ApiTokensByIdLoader(IQuerySession session, Viewer viewer) : BatchLoader<Guid, ApiToken?>
{
    protected override async Task<IReadOnlyDictionary<Guid, ApiToken?>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        if (!viewer.IsInRole(Roles.Admin)) return new Dictionary<Guid, ApiToken?>();
        var tokens = await session.LoadManyAsync<ApiToken>(cancellationToken, keys).ConfigureAwait(false);
        return tokens.ToDictionary(token => token.Id, token => (ApiToken?)token);
    }
}
