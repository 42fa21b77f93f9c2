using HeadlessReviews.Api.Execution;
using Marten;

namespace HeadlessReviews.Api.Storage;

/// <summary>
/// The id of the document that has a slug, one round trip per batch; the feature's by-id loader then
/// loads it, so a lookup by slug takes the same path as one by id (its cache, its visibility rule).
/// Reviews, which also answer to slugs they had before a rename, have a loader of their own
/// (ReviewIdsBySlugLoader) that reads the review in the same round trip.
/// </summary>
public abstract class IdsBySlugLoader(IQuerySession session, string table) : BatchLoader<string, Guid?>
{
    protected override async Task<IReadOnlyDictionary<string, Guid?>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var found = await session.AdvancedSql.QueryAsync<string, Guid>('^',
            $"select row(slug), row(id) from {table} where slug = any(^)", cancellationToken, (object)keys.ToArray()).ConfigureAwait(false); // one array parameter, not params
        var ids = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        foreach (var (slug, id) in found) ids.TryAdd(slug, id);
        return ids;
    }
}
