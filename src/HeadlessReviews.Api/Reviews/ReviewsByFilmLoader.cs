using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Reviews;

/// <summary>Each film's reviews that the viewer may see, newest first; one round trip per batch of films.</summary>
public sealed class ReviewsByFilmLoader(IQuerySession session, Viewer viewer) : BatchLoader<Guid, IReadOnlyList<Review>>
{
    protected override async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Review>>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        var reviews = await session.QueryAsync<Review>('^',
            $"select {DocumentJson.WithVersion("d")} from {Tables.Reviews} d where d.film_id = any(^) and {ReviewVisibility.Sql(viewer)} " +
            "order by d.published_at desc nulls first, d.id",
            cancellationToken, keys.ToArray()).ConfigureAwait(false);
        return reviews.GroupBy(review => review.FilmId).ToDictionary(group => group.Key, group => (IReadOnlyList<Review>)[.. group]);
    }

    protected override IReadOnlyList<Review> Missing(Guid key) => [];
}
