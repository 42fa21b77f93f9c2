using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Reviews;

/// <summary>
/// Review ids by current or former slug, for <c>review(slug:)</c>, which then loads through <see cref="ReviewsByIdLoader"/>.
/// The same round trip reads the reviews and primes that loader with them (its visibility rule applied), so
/// a review page's lookup by slug costs one round trip, not two. A current slug wins over a former one
/// (former ones are unique among themselves too, see ReviewSlugs).
/// </summary>
public sealed class ReviewIdsBySlugLoader(IQuerySession session, ReviewsByIdLoader reviewsById) : BatchLoader<string, Guid?>
{
    protected override async Task<IReadOnlyDictionary<string, Guid?>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var slugs = keys.ToArray();
        var found = await session.AdvancedSql.QueryAsync<string, Review>('^',
            $"select row(s.slug), row(s.data, s.mt_version) from (select slug, data, mt_version, 0 as former from {Tables.Reviews} where slug = any(^) " +
            $"union all select old, data, mt_version, 1 from {Tables.Reviews}, unnest(previous_slugs) as old where previous_slugs && ^ and old = any(^)) s order by s.former",
            cancellationToken, slugs, slugs, slugs).ConfigureAwait(false);
        var ids = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        foreach (var (slug, review) in found)
        {
            if (!ids.TryAdd(slug, review.Id)) continue;
            reviewsById.Prime(review.Id, reviewsById.Visible(review));
        }
        return ids;
    }
}
