using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Reviews;

/// <summary>
/// Review ids by current or former slug, for <c>review(slug:)</c>, which then loads through <see cref="ReviewsByIdLoader"/>.
/// The same round trip reads the reviews and primes that loader with them (its visibility rule applied), so
/// a review page's lookup by slug costs one round trip, not two; it reads every <see cref="IReviewReadAlong"/>
/// value too (an index probe each, asked for or not: the loader does not see the selection set). A current
/// slug wins over a former one (former ones are unique among themselves too, see ReviewSlugs).
/// </summary>
public sealed class ReviewIdsBySlugLoader(IQuerySession session, ReviewsByIdLoader reviewsById, IEnumerable<IReviewReadAlong> readAlongs)
    : BatchLoader<string, Guid?>
{
    protected override async Task<IReadOnlyDictionary<string, Guid?>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var slugs = keys.ToArray();
        var along = ReviewReadAlongs.All(readAlongs);
        var found = await session.AdvancedSql.QueryAsync<string, Review, int[]>('^',
            $"select row(s.slug), row(s.data, s.mt_version), row({along.Column("s")}) from (select id, slug, data, mt_version, 0 as former from {Tables.Reviews} where slug = any(^) " +
            $"union all select id, old, data, mt_version, 1 from {Tables.Reviews}, unnest(previous_slugs) as old where previous_slugs && ^ and old = any(^)) s order by s.former",
            cancellationToken, slugs, slugs, slugs).ConfigureAwait(false);
        var ids = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        foreach (var (slug, review, values) in found)
        {
            if (!ids.TryAdd(slug, review.Id)) continue;
            var visible = reviewsById.Visible(review);
            reviewsById.Prime(review.Id, visible);
            // A review the viewer may not see shows nothing of its own.
            if (visible is not null) along.Receive(review.Id, values);
        }
        return ids;
    }
}
