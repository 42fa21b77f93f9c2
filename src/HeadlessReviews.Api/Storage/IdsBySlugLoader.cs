using HeadlessReviews.Api.Execution;
using Marten;

namespace HeadlessReviews.Api.Storage;

/// <summary>
/// The id of the document that has a slug, one round trip per batch; the feature's by-id loader then
/// loads it, so a lookup by slug takes the same path as one by id (its cache, its visibility rule).
/// With <paramref name="previousSlugs"/>, a slug no document has now finds the one that had it before a
/// rename (a current slug wins; old ones are unique among themselves too, see ReviewSlugs).
/// </summary>
public abstract class IdsBySlugLoader(IQuerySession session, string table, bool previousSlugs) : BatchLoader<string, Guid?>
{
    protected override async Task<IReadOnlyDictionary<string, Guid?>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var slugs = keys.ToArray();
        var found = previousSlugs
            ? await session.AdvancedSql.QueryAsync<string, Guid>('^',
                $"select row(s.slug), row(s.id) from (select slug, id, 0 as former from {table} where slug = any(^) " +
                $"union all select old, id, 1 from {table}, unnest(previous_slugs) as old where previous_slugs && ^ and old = any(^)) s order by s.former",
                cancellationToken, slugs, slugs, slugs).ConfigureAwait(false)
            : await session.AdvancedSql.QueryAsync<string, Guid>('^',
                $"select row(slug), row(id) from {table} where slug = any(^)", cancellationToken, (object)slugs).ConfigureAwait(false); // one array parameter, not params
        var ids = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        foreach (var (slug, id) in found) ids.TryAdd(slug, id);
        return ids;
    }
}
