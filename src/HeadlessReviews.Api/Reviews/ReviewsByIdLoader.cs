using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Security;
using Marten;

namespace HeadlessReviews.Api.Reviews;

/// <summary>Reviews by id, one round trip per batch; reviews the viewer may not see come back as null.</summary>
public sealed class ReviewsByIdLoader(IQuerySession session, Viewer viewer) : BatchLoader<Guid, Review?>
{
    protected override async Task<IReadOnlyDictionary<Guid, Review?>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        var reviews = await session.LoadManyAsync<Review>(cancellationToken, keys).ConfigureAwait(false);
        return reviews.Where(viewer.CanSee).ToDictionary(review => review.Id, review => (Review?)review);
    }

    /// <summary>The review if the viewer may see it, else null: what <see cref="BatchLoader{TKey,TValue}.Load"/> would answer.</summary>
    public Review? Visible(Review review) => viewer.CanSee(review) ? review : null;
}
